/** One `.dockerignore` line compiled for matching. */
export type IgnoreRule = { pattern: string; negate: boolean; matcher: RegExp };

/** Convert a cleaned pattern (`data`, `**\/*.csv`, `venv*`) to a regular expression over slash-separated paths. */
function patternToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index] ?? '';
    if (char === '*' && pattern[index + 1] === '*') {
      // `**/` matches any number of folders, including none.
      const slash = pattern[index + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      index += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * Parse a `.dockerignore` file as the Docker CLI reads it: one pattern a line,
 * `#` comments, `!` exceptions, leading and trailing slashes and `./` removed.
 */
export function parseDockerignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1).trim();
    const pattern = line.replace(/^(\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
    if (pattern === '' || pattern === '.') continue;
    rules.push({ pattern, negate, matcher: patternToRegExp(pattern) });
  }
  return rules;
}

/**
 * Tell whether a context path is excluded. A pattern that matches a folder
 * excludes everything under it, and the last matching rule wins.
 */
export function isIgnored(rules: IgnoreRule[], path: string): boolean {
  const segments = path.replace(/^\/+/, '').split('/');
  const candidates = segments.map((_segment, index) => segments.slice(0, index + 1).join('/'));
  let ignored = false;
  for (const rule of rules) {
    if (candidates.some((candidate) => rule.matcher.test(candidate))) ignored = !rule.negate;
  }
  return ignored;
}
