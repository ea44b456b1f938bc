/**
 * Size and age formatting as the Docker CLI prints them (go-units
 * HumanSize / HumanDuration): decimal units, 3 significant digits.
 */

const decimalUnits = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** Format bytes the way `docker images` does: `131MB`, `8.46MB`, `0B`. */
export function humanSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < decimalUnits.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${formatSignificant(value)}${decimalUnits[unit]}`;
}

/** Format a number with at most 3 significant digits and no trailing zeros, like Go's `%.4g`. */
function formatSignificant(value: number): string {
  if (value === 0) return '0';
  const text = value.toPrecision(3);
  const asNumber = Number(text);
  return String(asNumber);
}

/** Format bytes as BuildKit's progress does (`4.21kB`, `332B`, `1.20MB`). */
export function progressSize(bytes: number): string {
  if (bytes < 1000) return `${bytes}B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < decimalUnits.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(2)}${decimalUnits[unit]}`;
}

/** Format the time between two instants as Docker's "CREATED" column (`About an hour`, `3 days`). */
export function humanDuration(milliseconds: number): string {
  const seconds = Math.round(milliseconds / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.round(milliseconds / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(milliseconds / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 7 * 2) return `${days} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(days / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(days / 30)} months`;
  return `${Math.floor(days / 365)} years`;
}

/** Format an image's age relative to `now` ("3 days ago"). */
export function humanAge(created: Date, now: Date): string {
  return `${humanDuration(Math.max(0, now.getTime() - created.getTime()))} ago`;
}

/** Format seconds as BuildKit's step timing (`0.0s`, `12.3s`). */
export function seconds(value: number): string {
  return `${value.toFixed(1)}s`;
}

/** Return RFC 3339 with seconds precision, as image configs carry. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
