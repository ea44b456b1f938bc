import { LineCounter, parseDocument } from 'yaml';

export type FrontmatterResult = { ok: true; data: unknown } | { ok: false; error: string };

/**
 * Extracts and parses the YAML frontmatter at the top of an MDX file. The
 * error names the line, counted from the top of the file, where YAML failed.
 */
export function parseFrontmatter(source: string): FrontmatterResult {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (match === null) {
    return { ok: false, error: 'Missing frontmatter: the file must start with a --- line, the YAML fields, and a closing --- line' };
  }

  const lineCounter = new LineCounter();
  const document = parseDocument(match[1] ?? '', { lineCounter, prettyErrors: false });
  const [first] = document.errors;
  if (first !== undefined) {
    // The frontmatter starts on line 2, after the opening --- line.
    const line = lineCounter.linePos(first.pos[0]).line + 1;
    return { ok: false, error: `Invalid YAML in the frontmatter at line ${line}: ${first.message.split('\n')[0]}` };
  }
  return { ok: true, data: document.toJS() };
}
