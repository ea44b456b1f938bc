import { goJson } from '../image/gojson.ts';

/** Format a value as Go's text/template prints it with `{{.X}}` (`[a b]` for lists, `map[k:v]` for maps). */
function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<no value>';
  if (Array.isArray(value)) return `[${value.map(goValue).join(' ')}]`;
  if (typeof value === 'object') return `map[${Object.keys(value).sort().map((key) => `${key}:${goValue((value as Record<string, unknown>)[key])}`).join(' ')}]`;
  return String(value);
}

/** Look up a dotted field path (`.Config.Env`) in an object. */
function lookup(root: unknown, path: string): unknown {
  let current = root;
  for (const part of path.split('.').filter((segment) => segment !== '')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Evaluate one template action: `.Field.Path`, `json .X`, `index .X 0`, `join .X ","`. */
function evaluate(action: string, root: unknown): string {
  const words = action.trim().match(/"[^"]*"|\S+/g) ?? [];
  const [head = '', ...rest] = words;
  if (head === 'json') return goJson(lookup(root, rest[0] ?? '.') ?? null);
  if (head === 'index') {
    const list = lookup(root, rest[0] ?? '');
    const key = rest[1] ?? '0';
    if (Array.isArray(list)) {
      const item = list[Number(key)];
      if (item === undefined) throw new Error(`template: :1:${action.length}: executing "" at <index ${rest[0]} ${key}>: error calling index: index out of range: ${key}`);
      return goValue(item);
    }
    return goValue((list as Record<string, unknown> | undefined)?.[JSON.parse(key) as string]);
  }
  if (head === 'join') {
    const list = lookup(root, rest[0] ?? '');
    return Array.isArray(list) ? list.join(JSON.parse(rest[1] ?? '""') as string) : '';
  }
  if (head === 'len') {
    const value = lookup(root, rest[0] ?? '');
    if (Array.isArray(value)) return String(value.length);
    return String(typeof value === 'object' && value !== null ? Object.keys(value).length : 0);
  }
  if (head.startsWith('.')) return goValue(lookup(root, head));
  throw new Error(`template: :1: function "${head}" not defined`);
}

/** Render a Go template with simple actions (`{{.Id}}`, `{{json .Config}}`, `{{index .RepoDigests 0}}`). */
export function renderTemplate(template: string, root: unknown): string {
  return template.replace(/\{\{(.*?)\}\}/g, (_match, action: string) => evaluate(action, root)).replace(/\\n/g, '\n').replace(/\\t/g, '\t');
}
