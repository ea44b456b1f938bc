import type { z } from 'zod';

/** One authoring problem found while building a checkpoint, before formatting. */
export type Issue = {
  path: PropertyKey[];
  message: string;
  input?: unknown;
  /** Instruction for the author; the error's Fix line joins those of all issues. */
  fix?: string;
};

/** Collects issues while a checkpoint file is checked beyond its schema. */
export type BuildContext = {
  file: string;
  issues: Issue[];
};

/** Record an issue with the value found and a fix; pass undefined when the message already names the value. */
export function addIssue(context: BuildContext, path: PropertyKey[], message: string, input: unknown, fix?: string): void {
  context.issues.push({ path, message, ...(input === undefined ? {} : { input }), ...(fix === undefined ? {} : { fix }) });
}

/** Convert issues to zod's shape so `formatZodIssues` renders them like schema errors. */
export function toZodIssues(issues: readonly Issue[]): z.core.$ZodIssue[] {
  return issues.map(
    (issue) =>
      ({
        code: 'custom',
        path: issue.path,
        message: issue.message,
        ...('input' in issue ? { input: issue.input } : {}),
      }) as z.core.$ZodIssue,
  );
}

/** Join a list as "a, b or c". */
export function joinWords(words: readonly string[], last = 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

/** Quote and join ids as `"a", "b"`. */
export function quoteList(ids: readonly string[]): string {
  return ids.map((id) => `"${id}"`).join(', ');
}
