/**
 * `.dockerignore` matching as Docker's pattern matcher does it. Paths are
 * relative to the context root. `*` and `?` stay within one path segment and
 * `**` spans any number of segments. `!` re-includes, and the last matching
 * pattern wins. A pattern that matches a directory also matches everything
 * below it.
 */

type IgnorePattern = { regex: RegExp; exclusion: boolean; text: string };

/** Turn one cleaned pattern into a regular expression over slash-separated paths. */
function compile(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index] ?? '';
    if (char === '*') {
      if (pattern[index + 1] === '*') {
        index += 1;
        if (pattern[index + 1] === '/') {
          index += 1;
          source += '(?:.*/)?';
        } else source += '.*';
      } else source += '[^/]*';
    } else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const close = pattern.indexOf(']', index + 1);
      if (close < 0) source += '\\[';
      else {
        source += `[${pattern.slice(index + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        index = close;
      }
    } else if (char === '\\' && index + 1 < pattern.length) {
      index += 1;
      source += (pattern[index] ?? '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Clean a pattern like Go's filepath.Clean and drop the leading slash. */
function cleanPattern(text: string): string {
  const parts: string[] = [];
  for (const segment of text.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/');
}

/** Parse `.dockerignore` text into patterns (comments and blank lines skipped). */
export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const exclusion = line.startsWith('!');
    if (exclusion) line = line.slice(1).trim();
    const cleaned = cleanPattern(line);
    if (cleaned === '') continue;
    patterns.push({ regex: compile(cleaned), exclusion, text: cleaned });
  }
  return patterns;
}

/** Tell whether a context path (`app/main.py`, no leading slash) is excluded. */
export function isIgnored(patterns: IgnorePattern[], path: string): boolean {
  let ignored = false;
  const segments = path.split('/');
  for (const pattern of patterns) {
    let matched = pattern.regex.test(path);
    // A pattern naming a directory excludes what is inside it.
    for (let depth = 1; !matched && depth < segments.length; depth += 1) {
      matched = pattern.regex.test(segments.slice(0, depth).join('/'));
    }
    if (matched) ignored = !pattern.exclusion;
  }
  return ignored;
}
