import { parse } from 'shell-quote';

/** A redirection such as `> /app/version.txt` or `2>&1`. */
export type Redirect = { fd: number; op: '>' | '>>' | '<' | '>&'; target: string };

/** One command with its words after expansion. */
export type SimpleCommand = { argv: string[]; assignments: Array<[string, string]>; redirects: Redirect[] };

/** Commands joined by `|`. */
export type Pipeline = SimpleCommand[];

/** A pipeline and the operator that links it to the next one. */
export type ListItem = { pipeline: Pipeline; next: '&&' | '||' | ';' | null };

/** Parsed script, or a reason the model cannot follow it (it then assumes success). */
export type Script = { kind: 'list'; items: ListItem[] } | { kind: 'unsupported'; reason: string };

const compoundWords = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'function', '{', '}']);

/**
 * Parse a `/bin/sh -c` script into lists of pipelines. Variables are expanded
 * from `lookup` when the script is parsed, which is exact except after an
 * `export` inside the same script. Compound commands (if, for, subshells,
 * command substitution) are reported as unsupported.
 */
export function parseScript(text: string, lookup: (name: string) => string | undefined): Script {
  let tokens: ReturnType<typeof parse>;
  try {
    tokens = parse(text, (name: string) => lookup(name) ?? '');
  } catch (error) {
    return { kind: 'unsupported', reason: (error as Error).message };
  }
  const items: ListItem[] = [];
  let pipeline: Pipeline = [];
  let current: SimpleCommand = { argv: [], assignments: [], redirects: [] };
  const finishCommand = () => {
    if (current.argv.length > 0 || current.assignments.length > 0 || current.redirects.length > 0) pipeline.push(current);
    current = { argv: [], assignments: [], redirects: [] };
  };
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (typeof token === 'string') {
      const next = tokens[index + 1];
      if (/^\d$/.test(token) && typeof next === 'object' && next !== null && 'op' in next && ['>', '>>', '<', '>&'].includes(next.op)) {
        const target = tokens[index + 2];
        current.redirects.push({ fd: Number(token), op: next.op as Redirect['op'], target: typeof target === 'string' ? target : '' });
        index += 2;
        continue;
      }
      if (current.argv.length === 0 && compoundWords.has(token)) return { kind: 'unsupported', reason: `compound command "${token}"` };
      if (current.argv.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(token)) {
        const cut = token.indexOf('=');
        current.assignments.push([token.slice(0, cut), token.slice(cut + 1)]);
        continue;
      }
      if (token === '$' && typeof next === 'object' && next !== null && 'op' in next && next.op === '(') {
        return { kind: 'unsupported', reason: 'command substitution' };
      }
      current.argv.push(token);
      continue;
    }
    if (token === undefined) continue;
    if ('comment' in token) break;
    if (!('op' in token)) continue;
    if (token.op === 'glob') {
      current.argv.push((token as { pattern: string }).pattern);
      continue;
    }
    if (token.op === '>' || token.op === '>>' || token.op === '<' || token.op === '>&') {
      const target = tokens[index + 1];
      current.redirects.push({ fd: token.op === '<' ? 0 : 1, op: token.op, target: typeof target === 'string' ? target : '' });
      index += 1;
      continue;
    }
    if (token.op === '|') {
      finishCommand();
      continue;
    }
    if (token.op === '&&' || token.op === '||' || token.op === ';') {
      finishCommand();
      if (pipeline.length > 0) items.push({ pipeline, next: token.op });
      pipeline = [];
      continue;
    }
    return { kind: 'unsupported', reason: `shell operator "${token.op}"` };
  }
  finishCommand();
  if (pipeline.length > 0) items.push({ pipeline, next: null });
  return { kind: 'list', items };
}
