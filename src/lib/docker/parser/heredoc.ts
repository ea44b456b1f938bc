import { splitShellWords } from './words.ts';
import type { RawWord } from './words.ts';

/** Heredoc marker found on an instruction line, before its body is read. */
export interface HeredocMarker {
  delimiter: string;
  stripTabs: boolean;
  quoted: boolean;
  fd?: number;
  word: RawWord;
}

/** Keywords whose lines may open heredocs. */
export const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/**
 * Finds heredoc markers (`<<EOF`, `<<-EOF`, `<<"EOF"`, `3<<EOF`) among the
 * words of an argument string. A marker must be a word of its own, so
 * `$((1<<2))` or `<< EOF` are not heredocs.
 */
export function findHeredocMarkers(text: string, escapeToken: string): HeredocMarker[] {
  if (!text.includes('<<')) return [];
  const markers: HeredocMarker[] = [];

  for (const word of splitShellWords(text, escapeToken)) {
    const marker = parseMarker(word);
    if (marker) markers.push(marker);
  }
  return markers;
}

/** Parses one word as a heredoc marker; undefined when it is not one. */
function parseMarker(word: RawWord): HeredocMarker | undefined {
  const value = word.value;
  let i = 0;
  while (i < value.length && value.charCodeAt(i) >= 48 && value.charCodeAt(i) <= 57) i++;
  const fdText = value.slice(0, i);
  if (value.charCodeAt(i) !== 60 || value.charCodeAt(i + 1) !== 60) return undefined;
  i += 2;

  const stripTabs = value[i] === '-';
  if (stripTabs) i++;

  const rest = value.slice(i);
  if (rest === '' || rest.includes('<')) return undefined;

  // Quote characters anywhere in the word turn expansion off; the delimiter is the word without them.
  let delimiter = '';
  let quoted = false;
  for (let j = 0; j < rest.length; j++) {
    const ch = rest[j];
    if (ch === '"' || ch === "'") quoted = true;
    else if (ch === '\\' && j + 1 < rest.length) {
      quoted = true;
      delimiter += rest[++j];
    } else delimiter += ch;
  }
  if (delimiter === '') return undefined;

  const marker: HeredocMarker = { delimiter, stripTabs, quoted, word };
  if (fdText !== '') marker.fd = Number(fdText);
  return marker;
}
