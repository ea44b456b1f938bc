import type { z } from 'zod';
import { didYouMean } from './suggest.ts';

/** Allowed keys of each object that had unknown keys, by the parsed input object. */
const allowedKeysByInput = new WeakMap<object, string[]>();

/** Name a zod type for an author: `number` → "a number". */
function describeExpected(expected: string): string {
  const names: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping of fields',
    null: 'null',
  };
  return names[expected] ?? expected;
}

/**
 * Describe a value found in a content file, or undefined when quoting it would
 * not help: objects, long lists.
 */
export function describeFound(input: unknown): string | undefined {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (typeof input === 'string') return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  if (Array.isArray(input)) {
    const json = JSON.stringify(input);
    return json !== undefined && json.length <= 40 ? json : undefined;
  }
  if (typeof input === 'object') return undefined;
  return String(input);
}

/** Describe a size limit, e.g. "a number of at least 1" or "at least 2 items". */
function describeLimit(origin: string, bound: 'at least' | 'at most', limit: number | bigint, inclusive: boolean): string {
  const exclusive = bound === 'at least' ? 'greater than' : 'less than';
  const relation = inclusive ? bound : exclusive;
  if (origin !== 'array' && origin !== 'string') return `a number ${inclusive ? `of ${bound}` : exclusive} ${limit}`;
  if (origin === 'array') return limit === 1 && bound === 'at least' ? 'at least one item' : `${relation} ${limit} items`;
  return limit === 1 && bound === 'at least' ? 'non-empty text' : `text of ${relation} ${limit} characters`;
}

/** Append a "Did you mean" sentence when `input` is close to one candidate. */
export function withSuggestion(message: string, input: unknown, candidates: readonly string[]): string {
  const suggestion = didYouMean(input, candidates);
  return suggestion === '' ? message : `${message}.${suggestion}`;
}

/** Quote allowed values as `"a", "b"`. */
function quoteValues(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

/**
 * Reword zod's default issue messages for content authors: a missing field is
 * "Required field missing", a wrong type or value names what was expected and
 * what was found, and a misspelt value gets a "Did you mean" suggestion.
 * Messages a schema sets itself take precedence over this map.
 */
export const friendlyErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = describeExpected(issue.expected);
      if (issue.input === undefined) return `Required field missing; expected ${expected}`;
      const found = describeFound(issue.input) ?? (Array.isArray(issue.input) ? 'a list' : 'a mapping of fields');
      return `Expected ${expected}, found ${found}`;
    }
    case 'invalid_value': {
      if (issue.values.length === 1) return `Expected ${quoteValues(issue.values)}, found ${describeFound(issue.input) ?? 'another value'}`;
      const candidates = issue.values.filter((value): value is string => typeof value === 'string');
      const found = describeFound(issue.input) ?? 'another value';
      return withSuggestion(`Expected one of ${quoteValues(issue.values)}, found ${found}`, issue.input, candidates);
    }
    case 'too_small':
      return `Expected ${describeLimit(issue.origin, 'at least', issue.minimum, issue.inclusive ?? true)}`;
    case 'too_big':
      return `Expected ${describeLimit(issue.origin, 'at most', issue.maximum, issue.inclusive ?? true)}`;
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue ? `Expected text matching ${String(issue.pattern)}` : `Expected a valid ${issue.format}`;
    case 'not_multiple_of':
      return `Expected a multiple of ${issue.divisor}`;
    case 'invalid_union':
      return 'Expected a value of one of the allowed forms';
    case 'unrecognized_keys': {
      // formatZodIssues splits this issue into one line per key, each with its own suggestion.
      const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
      if (shape !== undefined && typeof issue.input === 'object' && issue.input !== null) {
        allowedKeysByInput.set(issue.input, Object.keys(shape));
      }
      return `Unknown field(s) ${quoteValues(issue.keys)}`;
    }
    default:
      return undefined;
  }
};

/** Parse content with the friendly error map, keeping each input value for messages. */
export function safeParseContent<T extends z.ZodType>(schema: T, data: unknown): ReturnType<T['safeParse']> {
  return schema.safeParse(data, { error: friendlyErrorMap, reportInput: true }) as ReturnType<T['safeParse']>;
}

/** Return the allowed keys recorded for an object that had unknown keys. */
export function allowedKeysOf(input: unknown): string[] | undefined {
  return typeof input === 'object' && input !== null ? allowedKeysByInput.get(input) : undefined;
}

/** Explain one unknown key: a close allowed key as a suggestion, else the allowed keys. */
export function describeUnknownKey(key: string, allowed: readonly string[] | undefined): string {
  if (allowed === undefined) return `Unknown field "${key}"`;
  const suggestion = didYouMean(key, allowed);
  if (suggestion !== '') return `Unknown field "${key}";${suggestion.replace(' Did', ' did')}`;
  return `Unknown field "${key}"; expected one of ${allowed.join(', ')}`;
}
