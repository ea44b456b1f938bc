/** Result of a Tab press: the new line, and candidates to list when the choice is still open. */
export type CompletionResult = { line: string; list: string[] };

/** Return the longest prefix every string shares. */
export function commonPrefix(values: readonly string[]): string {
  if (values.length === 0) return '';
  let prefix = values[0] ?? '';
  for (const value of values) {
    while (!value.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

/**
 * Apply the shell's completion to a line whose cursor is at its end. One
 * candidate replaces the word, followed by a space unless it is a folder.
 * Several candidates extend the word to their common prefix, and are listed
 * when that adds nothing.
 */
export function applyCompletion(line: string, completion: { start: number; candidates: string[] }): CompletionResult {
  const { start, candidates } = completion;
  const word = line.slice(start);
  const head = line.slice(0, start);

  if (candidates.length === 0) return { line, list: [] };
  if (candidates.length === 1) {
    const only = candidates[0] ?? '';
    return { line: `${head}${only}${only.endsWith('/') ? '' : ' '}`, list: [] };
  }

  const prefix = commonPrefix(candidates);
  if (prefix.length > word.length) return { line: `${head}${prefix}`, list: [] };
  return { line, list: candidates };
}
