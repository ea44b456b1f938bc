/** One `.dockerignore` line turned into a matcher. */
interface IgnorePattern {
  regexp: RegExp;
  /** True for `!pattern` lines, which re-include what earlier lines excluded. */
  exclude: boolean;
}

/** Decides whether a build-context path is excluded by `.dockerignore`. */
export interface IgnoreMatcher {
  isIgnored: (path: string) => boolean;
  /** True when the file has at least one pattern. */
  hasPatterns: boolean;
}

/**
 * Compiles `.dockerignore` contents with Docker's rules: one pattern a line,
 * `#` comments, Go filepath.Match globs plus `**` for any number of
 * directories, `!` to re-include, the last matching line wins, and a pattern
 * that matches a directory excludes everything under it.
 */
export function createIgnoreMatcher(contents: string): IgnoreMatcher {
  const patterns: IgnorePattern[] = [];

  for (const raw of contents.split('\n')) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const exclude = line.startsWith('!');
    if (exclude) line = line.slice(1).trim();
    const cleaned = cleanPath(line);
    if (cleaned === '') continue;
    patterns.push({ regexp: compilePattern(cleaned), exclude });
  }

  const isIgnored = (path: string): boolean => {
    const cleaned = cleanPath(path);
    const candidates = parentsAndSelf(cleaned);
    let ignored = false;
    for (const pattern of patterns) {
      if (candidates.some((candidate) => pattern.regexp.test(candidate))) ignored = !pattern.exclude;
    }
    return ignored;
  };

  return { isIgnored, hasPatterns: patterns.length > 0 };
}

/** Normalises a context path: no leading `/` or `./`, no `.` segments, `..` resolved inside the root. */
export function cleanPath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** Returns `a`, `a/b`, `a/b/c` for `a/b/c`: a pattern matching a parent directory excludes the file. */
function parentsAndSelf(path: string): string[] {
  const parts = path.split('/');
  const out: string[] = [];
  for (let i = 1; i <= parts.length; i++) out.push(parts.slice(0, i).join('/'));
  return out;
}

/** Compiles one glob into an anchored RegExp. */
function compilePattern(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i);
    if (ch === '*') {
      if (pattern.charAt(i + 1) === '*') {
        // `**/` matches zero or more directories; a trailing `**` matches everything below.
        i++;
        if (pattern.charAt(i + 1) === '/') {
          i++;
          source += '(?:.*/)?';
        } else {
          source += '.*';
        }
      } else {
        source += '[^/]*';
      }
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) {
        source += '\\[';
      } else {
        let body = pattern.slice(i + 1, close);
        if (body.startsWith('^') || body.startsWith('!')) body = '^' + body.slice(1);
        source += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (ch === '\\' && i + 1 < pattern.length) {
      source += escapeRegExp(pattern.charAt(++i));
    } else {
      source += escapeRegExp(ch);
    }
  }
  return new RegExp(`^${source}$`);
}

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
