/** Result of a Tab press: the new line, where the cursor goes, and candidates to list when the choice is still open. */
export type CompletionResult = { line: string; cursor: number; list: string[] };

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
 * Apply the shell's completion to the word that ends at `cursor`, keeping the
 * text after the cursor. One candidate replaces the word and is
 * followed by a space, unless it is a folder or a space follows already.
 * Several candidates extend the word to their common prefix, and are listed
 * when that adds nothing.
 */
export function applyCompletion(line: string, cursor: number, completion: { start: number; candidates: string[] }): CompletionResult {
  const { start, candidates } = completion;
  const word = line.slice(start, cursor);
  const head = line.slice(0, start);
  const tail = line.slice(cursor);

  if (candidates.length === 0) return { line, cursor, list: [] };
  if (candidates.length === 1) {
    const only = candidates[0] ?? '';
    const space = only.endsWith('/') || /^\s/.test(tail) ? '' : ' ';
    const inserted = `${head}${only}${space}`;
    return { line: `${inserted}${tail}`, cursor: inserted.length, list: [] };
  }

  const prefix = commonPrefix(candidates);
  if (prefix.length > word.length) return { line: `${head}${prefix}${tail}`, cursor: head.length + prefix.length, list: [] };
  return { line, cursor, list: candidates };
}
