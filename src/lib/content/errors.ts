import type { z } from 'zod';

/** Render a zod issue path as `a.b[2].c`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Describe the value found at `path` in `input` for an error message. */
function describeFound(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'string') return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  if (typeof input === 'object') return 'an object';
  return `${typeof input} ${String(input)}`;
}

/**
 * Format zod issues as authoring errors, one line each:
 * `quizzes/x.yaml: options[1].id: Expected string, found nothing`.
 */
export function formatZodIssues(file: string, issues: ReadonlyArray<z.core.$ZodIssue>, fix?: string): string {
  const lines = issues.map((issue) => {
    const found = 'input' in issue ? `; found ${describeFound(issue.input)}` : '';
    return `${file}: ${formatIssuePath(issue.path)}: ${issue.message}${found}`;
  });
  if (fix !== undefined) lines.push(`Fix: ${fix}`);
  return lines.join('\n');
}
