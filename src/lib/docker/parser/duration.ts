/** Nanoseconds per unit of Go's duration syntax. */
const UNIT_NANOSECONDS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/**
 * Parses a Go duration such as `30s`, `1m30s` or `1.5h` (the syntax of the
 * HEALTHCHECK options) into nanoseconds. Returns undefined when invalid.
 */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  let i = 0;
  let sign = 1;
  if (text[0] === '-' || text[0] === '+') {
    sign = text[0] === '-' ? -1 : 1;
    i++;
  }
  if (i >= text.length) return undefined;

  let total = 0;
  while (i < text.length) {
    const numberStart = i;
    while (i < text.length && /[0-9.]/.test(text[i] ?? '')) i++;
    const number = text.slice(numberStart, i);
    if (number === '' || number === '.' || number.split('.').length > 2) return undefined;

    const unitStart = i;
    while (i < text.length && !/[0-9.]/.test(text[i] ?? '')) i++;
    const unit = UNIT_NANOSECONDS[text.slice(unitStart, i)];
    if (unit === undefined) return undefined;
    total += Number(number) * unit;
  }
  return sign * total;
}
