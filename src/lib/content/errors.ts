import type { z } from 'zod';
import { allowedKeysOf, describeFound, describeUnknownKey } from './error-map.ts';
import { closestMatch } from './suggest.ts';

/** Render a zod issue path as `a.b[2].c`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Append `; found X` unless the message already names the value found, or X would not help. */
function withFound(issue: z.core.$ZodIssue): string {
  if (!('input' in issue) || /\bfound\b/i.test(issue.message)) return issue.message;
  if (issue.input === undefined && /\bmissing\b/i.test(issue.message)) return issue.message;
  const found = describeFound(issue.input);
  return found === undefined ? issue.message : `${issue.message}; found ${found}`;
}

/**
 * Format zod issues as authoring errors, one line each:
 * `quizzes/x.yaml: options[1].id: Required field missing; expected a string`.
 * An issue about unknown keys becomes one line per key, at that key's path,
 * and replaces the "missing" line of the field a misspelt key was meant to be.
 */
export function formatZodIssues(file: string, issues: ReadonlyArray<z.core.$ZodIssue>, fix?: string): string {
  // A misspelt field also leaves the intended field missing; its unknown-field line already names it.
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      const suggestion = closestMatch(key, allowedKeysOf(issue.input) ?? []);
      if (suggestion !== undefined) misspelt.add(formatIssuePath([...issue.path, suggestion]));
    }
  }

  const lines = issues.flatMap((issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined && misspelt.has(formatIssuePath(issue.path))) return [];
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeysOf(issue.input);
      return issue.keys.map((key) => `${file}: ${formatIssuePath([...issue.path, key])}: ${describeUnknownKey(key, allowed)}`);
    }
    return [`${file}: ${formatIssuePath(issue.path)}: ${withFound(issue)}`];
  });
  if (fix !== undefined) lines.push(`Fix: ${fix}`);
  return lines.join('\n');
}
