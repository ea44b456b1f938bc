import type { BatchResult } from './batch.ts';

// A result line is the head (ids, status and scores) followed by the tail
// (feedback, hints and solution). Tails repeat: most items and texts come from
// the validated checkpoint, so a batch has few distinct tails (432 in the
// 200,000-line input of bench/grade-cli.ts, 1.4 kB per line on average). Each
// distinct tail is serialised and UTF-8 encoded once and then copied into the
// output as bytes.

// Caches are bounded so unusual input (free text echoed into feedback) cannot grow memory without limit.
const maxCachedParts = 50_000;
const maxCachedTails = 10_000;

/** Small id per distinct JSON text of a feedback item, hint or solution. */
const partIds = new Map<string, number>();
/** The JSON of feedback item objects seen before; items are never mutated after grading. */
const itemJson = new WeakMap<object, string>();
/** The part id of feedback item objects seen before, so a shared item costs one lookup. */
const itemIds = new WeakMap<object, number>();
/** The JSON of long strings seen before, so a solution of several hundred characters is escaped once. */
const textJson = new Map<string, string>();
/** Encoded tails by the ids of their parts. */
const tailBytes = new Map<string, Uint8Array>();

const encoder = new TextEncoder();
const emptyTail = encoder.encode(',"feedback":[]}\n');

/** Serialise a feedback item, reusing the JSON of objects seen before. */
function cachedItemJson(value: object): string {
  let json = itemJson.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    itemJson.set(value, json);
  }
  return json;
}

/** Serialise a string, reusing the JSON of long strings seen before. */
function cachedTextJson(value: string): string {
  if (value.length < 64) return JSON.stringify(value);
  let json = textJson.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    if (textJson.size < maxCachedParts) textJson.set(value, json);
  }
  return json;
}

/** Return the id of a JSON text, or -1 once the id table is full. */
function partId(json: string): number {
  let id = partIds.get(json);
  if (id === undefined) {
    if (partIds.size >= maxCachedParts) return -1;
    id = partIds.size;
    partIds.set(json, id);
  }
  return id;
}

/** Serialise a result's feedback, hints and solution with the closing brace, as JSON text. */
function tailJson(result: BatchResult): string {
  const parts = [',"feedback":[', result.feedback.map(cachedItemJson).join(','), ']'];
  if (result.hints !== undefined) parts.push(',"hints":[', result.hints.map(cachedTextJson).join(','), ']');
  if (result.solution !== undefined) parts.push(',"solution":', cachedTextJson(result.solution));
  parts.push('}');
  return parts.join('');
}

/**
 * Build a key that is equal for two results exactly when their tails serialise
 * to the same text, or return undefined when a part could not get an id.
 */
function tailKey(result: BatchResult): string | undefined {
  let key = 'f';
  for (const item of result.feedback) {
    let id = itemIds.get(item);
    if (id === undefined) {
      id = partId(cachedItemJson(item));
      if (id < 0) return undefined;
      itemIds.set(item, id);
    }
    key += `${id},`;
  }
  if (result.hints !== undefined) {
    key += 'h';
    for (const hint of result.hints) {
      const id = partId(cachedTextJson(hint));
      if (id < 0) return undefined;
      key += `${id},`;
    }
  }
  if (result.solution !== undefined) {
    const id = partId(cachedTextJson(result.solution));
    if (id < 0) return undefined;
    key += `s${id}`;
  }
  return key;
}

/**
 * Serialise everything in a result except feedback, hints and solution, as a
 * JSON object without its closing brace. Keys keep the result's order.
 */
export function serializeHead(result: BatchResult): string {
  const { feedback, hints, solution, ...rest } = result;
  return JSON.stringify(rest).slice(0, -1);
}

/**
 * Return the UTF-8 bytes that end a result line: feedback, hints and solution
 * (or an empty feedback list when `withFeedback` is false), the closing brace
 * and the newline. The bytes are shared between calls and must not be changed.
 */
export function serializeTail(result: BatchResult, withFeedback: boolean): Uint8Array {
  if (!withFeedback) return emptyTail;

  const key = tailKey(result);
  let bytes = key === undefined ? undefined : tailBytes.get(key);
  if (bytes === undefined) {
    bytes = encoder.encode(`${tailJson(result)}\n`);
    if (key !== undefined && tailBytes.size < maxCachedTails) tailBytes.set(key, bytes);
  }
  return bytes;
}

/**
 * Serialise one result as a JSONL line without the newline. The output equals
 * JSON.stringify of the result apart from key order: feedback, hints and
 * solution come last, and are left out when `withFeedback` is false.
 */
export function serializeResult(result: BatchResult, withFeedback: boolean): string {
  const head = serializeHead(result);
  if (!withFeedback) return `${head},"feedback":[]}`;
  return head + tailJson(result);
}
