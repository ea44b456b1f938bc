import type { BatchResult } from './batch.ts';

// Feedback items and solution texts are shared between results (they come from
// the validated checkpoint), so each is serialised once and reused.
const itemJson = new WeakMap<object, string>();
const textJson = new Map<string, string>();

/** Serialise a value, reusing the JSON of objects seen before. */
function cachedObjectJson(value: object): string {
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
    // Bound the cache: free text never reaches here, but a bug must not grow memory without limit.
    if (textJson.size < 10_000) textJson.set(value, json);
  }
  return json;
}

/**
 * Serialise one result as a JSONL line. The output equals JSON.stringify of
 * the result apart from key order: feedback, hints and solution come last, and
 * are left out when `withFeedback` is false.
 */
export function serializeResult(result: BatchResult, withFeedback: boolean): string {
  const { feedback, hints, solution, ...rest } = result;
  const head = JSON.stringify(rest);
  if (!withFeedback) return `${head.slice(0, -1)},"feedback":[]}`;

  const parts = [head.slice(0, -1), ',"feedback":[', feedback.map(cachedObjectJson).join(','), ']'];
  if (hints !== undefined) parts.push(',"hints":[', hints.map(cachedTextJson).join(','), ']');
  if (solution !== undefined) parts.push(',"solution":', cachedTextJson(solution));
  parts.push('}');
  return parts.join('');
}
