/** A run of plain text or of code, from a string that marks code with backticks. */
export type TextSegment = { code: boolean; text: string };

/** Splits "Tell a tag from `latest`" into text and code segments. An unmatched backtick stays literal. */
export function splitInlineCode(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;

  for (const match of text.matchAll(pattern)) {
    if (match.index > last) segments.push({ code: false, text: text.slice(last, match.index) });
    segments.push({ code: true, text: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ code: false, text: text.slice(last) });
  return segments;
}
