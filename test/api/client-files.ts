import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Checkpoint } from '../../src/lib/grading/index.ts';

/** A server-only text of a checkpoint: its key, a feedback line, a hint or the solution. */
export type KeyText = { checkpointId: string; field: string; text: string };

/** A key text found in a file the browser can download. */
export type Leak = { file: string; checkpointId: string; field: string };

/** Collect every text of the checkpoints that must stay on the server, and the key as JSON. */
export function collectKeyTexts(checkpoints: Iterable<Checkpoint>): KeyText[] {
  const texts: KeyText[] = [];
  for (const checkpoint of checkpoints) {
    const add = (field: string, text: string | undefined): void => {
      if (text !== undefined && text.trim() !== '') texts.push({ checkpointId: checkpoint.id, field, text });
    };

    // The key in the shapes a serialized Checkpoint would give it.
    add('answer', `"answer":${JSON.stringify(checkpoint.answer)}`);
    if (checkpoint.answer.length === 1) add('answer', `"answer":${JSON.stringify(checkpoint.answer[0])}`);
    add('solution', checkpoint.solution);
    checkpoint.hints.forEach((hint, index) => add(`hints[${index}]`, hint));
    for (const option of checkpoint.options) {
      option.feedback.forEach((line, index) => add(`options.${option.id}.feedback[${index}]`, line.message));
      add(`options.${option.id}.missed`, option.missed);
    }
    for (const reason of checkpoint.reasons) {
      add(`reasons.${reason.id}.ticked`, reason.ticked);
      add(`reasons.${reason.id}.missed`, reason.missed);
    }
  }
  return texts;
}

const namedEntities: Record<string, string> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>', nbsp: ' ' };

/**
 * Normalize file text so that an escaped copy of a key text still matches.
 * Island props are HTML-escaped JSON, so entities are decoded. The backslash
 * of JavaScript string escapes is dropped and whitespace is collapsed.
 */
export function normalizeForScan(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#([0-9]+);/g, (_, decimal: string) => String.fromCodePoint(Number.parseInt(decimal, 10)))
    .replace(/&([a-z]+);/gi, (entity: string, name: string) => namedEntities[name.toLowerCase()] ?? entity)
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/\\n/g, ' ')
    .replace(/\\(["'`\\/])/g, '$1')
    .replace(/\s+/g, ' ');
}

/** List every file under `dir`, recursively, as absolute paths. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Scan every file under `clientDir` for the key texts and return each hit. */
export function findLeaks(clientDir: string, keyTexts: readonly KeyText[]): { files: number; leaks: Leak[] } {
  const files = listFiles(clientDir);
  const needles = keyTexts.map((keyText) => ({ ...keyText, needle: normalizeForScan(keyText.text).trim() }));
  const leaks: Leak[] = [];

  for (const file of files) {
    // latin1 keeps every byte, so binary files scan without decoding errors.
    const raw = readFileSync(file);
    const haystack = normalizeForScan(raw.toString('utf8')) + '\n' + normalizeForScan(raw.toString('latin1'));
    for (const { checkpointId, field, needle } of needles) {
      if (haystack.includes(needle)) leaks.push({ file: relative(clientDir, file), checkpointId, field });
    }
  }
  return { files: files.length, leaks };
}
