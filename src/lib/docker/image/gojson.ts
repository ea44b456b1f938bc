/**
 * JSON text as Go's encoding/json writes it: compact, keys in the order
 * given, and `<`, `>`, `&` escaped as \u003c, \u003e, \u0026. Image IDs are
 * hashes of these bytes, so the escaping changes the ID just as in Docker.
 */
export function goJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

/** Render a string slice the way Go's `%q` prints `[]string` (`["python" "app.py"]`). */
export function goQuotedList(items: string[]): string {
  return `[${items.map((item) => JSON.stringify(item)).join(' ')}]`;
}

/** Render a string slice as Go's `%v` does (`[/bin/sh -c]`). */
export function goPlainList(items: string[]): string {
  return `[${items.join(' ')}]`;
}
