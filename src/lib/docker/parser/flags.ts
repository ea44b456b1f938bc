import { ParseError } from '../ast.ts';
import type { Flag, Range } from '../ast.ts';
import type { RawFlag } from './words.ts';

/** Value kind of a flag: boolean, one string, or a string that may repeat. */
export type FlagType = 'bool' | 'string' | 'strings';

/** Flags one instruction accepts. */
export type FlagSpec = Readonly<Record<string, FlagType>>;

/**
 * Checks raw flags against an instruction's spec and returns them as AST
 * flags. Throws ParseError with BuildKit's wording for an unknown flag, a
 * repeated one, or a missing or invalid value.
 */
export function validateFlags(
  raw: readonly RawFlag[],
  spec: FlagSpec,
  rangeOf: (flag: RawFlag) => Range,
  instructionRange: Range,
): Flag[] {
  const flags: Flag[] = [];
  const used = new Set<string>();

  for (const flag of raw) {
    const written = `--${flag.name}`;
    const type = Object.prototype.hasOwnProperty.call(spec, flag.name) ? spec[flag.name] : undefined;

    if (type === undefined) {
      const suggestion = suggestName(flag.name, Object.keys(spec));
      const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
      throw new ParseError(`unknown flag: ${written}${hint}`, instructionRange);
    }
    if (used.has(flag.name) && type !== 'strings') {
      throw new ParseError(`duplicate flag specified: ${written}`, instructionRange);
    }
    used.add(flag.name);

    if (type === 'bool') {
      if (flag.value === '') throw new ParseError(`missing a value on flag: ${written}`, instructionRange);
      const lower = flag.value?.toLowerCase();
      if (lower !== undefined && lower !== 'true' && lower !== 'false') {
        throw new ParseError(`expecting boolean value for flag ${written}, not: ${flag.value}`, instructionRange);
      }
    } else if (flag.value === null) {
      throw new ParseError(`missing a value on flag: ${written}`, instructionRange);
    }

    flags.push({ name: flag.name, value: flag.value, range: rangeOf(flag) });
  }
  return flags;
}

/** Returns the value of the last flag with this name, `true`/`false` for booleans. */
export function flagValue(flags: readonly Flag[], name: string): string | undefined {
  let value: string | undefined;
  for (const flag of flags) if (flag.name === name) value = flag.value ?? 'true';
  return value;
}

/**
 * Returns the closest candidate within two edits, to suggest a fix for a
 * typo, or undefined when none is close or the name matches exactly. With
 * `ignoreCase`, the suggestion takes the name's casing when that is all upper or all lower case.
 */
export function suggestName(name: string, candidates: readonly string[], ignoreCase = false): string | undefined {
  const wanted = ignoreCase ? name.toLowerCase() : name;
  let best: string | undefined;
  let bestDistance = 3;

  for (const candidate of candidates) {
    const option = ignoreCase ? candidate.toLowerCase() : candidate;
    if (option === wanted) return undefined;
    // The distance is at least the difference in length, so far-off lengths cannot win.
    if (Math.abs(option.length - wanted.length) >= bestDistance) continue;
    const distance = editDistance(wanted, option);
    if (distance < bestDistance) {
      best = option;
      bestDistance = distance;
    }
  }

  if (best === undefined || !ignoreCase) return best;
  if (name === name.toUpperCase()) return best.toUpperCase();
  return best;
}

/** Computes the Levenshtein distance between two strings, reusing two rows to avoid allocation. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (previousRow.length <= b.length) {
    previousRow = new Uint32Array(b.length + 1);
    currentRow = new Uint32Array(b.length + 1);
  }
  for (let j = 0; j <= b.length; j++) previousRow[j] = j;

  for (let i = 1; i <= a.length; i++) {
    currentRow[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previousRow[j - 1]! + (code === b.charCodeAt(j - 1) ? 0 : 1);
      currentRow[j] = Math.min(previousRow[j]! + 1, currentRow[j - 1]! + 1, substitution);
    }
    [previousRow, currentRow] = [currentRow, previousRow];
  }
  return previousRow[b.length]!;
}

let previousRow = new Uint32Array(64);
let currentRow = new Uint32Array(64);
