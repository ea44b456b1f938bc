import type { Range } from '../ast.ts';

/**
 * Formats the lines around `ranges` as BuildKit prints them under a warning
 * or an error: a `Dockerfile:<line>` header, dashed rules, and rows
 * ` NNN | >>> text` where `>>>` marks the lines inside a range. A one-line
 * range gets two lines of context on each side, a longer one gets one.
 */
export function formatSourceSnippet(text: string, fileName: string, ranges: readonly Range[]): string {
  if (ranges.length === 0) return '';
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));

  let start = Infinity;
  let end = 0;
  for (const range of ranges) {
    start = Math.min(start, range.start.line);
    end = Math.max(end, range.end.line, range.start.line);
  }
  if (start < 1 || start > lines.length) return '';
  end = Math.min(end, lines.length);

  const header = `${fileName}:${start}`;
  const context = end === start ? 2 : 1;
  const first = Math.max(1, start - context);
  const last = Math.min(lines.length, end + context);

  const rows: string[] = [header, '--------------------'];
  for (let line = first; line <= last; line++) {
    const marked = ranges.some((range) => range.start.line <= line && Math.max(range.end.line, range.start.line) >= line);
    rows.push(` ${String(line).padStart(3)} | ${marked ? '>>>' : '   '} ${lines[line - 1]}`);
  }
  rows.push('--------------------');
  return rows.join('\n') + '\n';
}
