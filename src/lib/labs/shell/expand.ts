import type { FileSystem } from '../../vfs/index.ts';
import { resolvePath } from '../../vfs/index.ts';
import { VARIABLE_CLOSE, VARIABLE_OPEN, type RawWord } from './parse.ts';

const variablePattern = new RegExp(`${VARIABLE_OPEN}([^${VARIABLE_CLOSE}]*)${VARIABLE_CLOSE}`, 'g');

/** Replace variable markers with their current values; an unset variable expands to nothing, as in bash. */
export function substituteVariables(text: string, env: Readonly<Record<string, string>>): string {
  return text.replace(variablePattern, (_match, name: string) => env[name] ?? '');
}

/** Return a word as the learner typed it, variable markers shown as `$NAME`, for error messages. */
export function displayWord(text: string): string {
  return text.replace(variablePattern, (_match, name: string) => `$${name}`);
}

/** Convert one glob segment (`*.py`, `data?`, `[ab]*`) to an anchored regular expression. */
export function globToRegExp(segment: string): RegExp {
  let source = '';
  for (let index = 0; index < segment.length; index += 1) {
    const char = segment[index] ?? '';
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const close = segment.indexOf(']', index + 2);
      if (close < 0) source += '\\[';
      else {
        const body = segment.slice(index + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        index = close;
      }
    } else source += char.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Tell whether a path segment contains glob characters. */
function isPattern(segment: string): boolean {
  return /[*?[]/.test(segment);
}

/**
 * Expand a glob pattern against the file system, segment by segment, sorted
 * like bash. Hidden names match only when the segment starts with a dot.
 * Returns an empty array when nothing matches.
 */
export async function expandGlob(fs: FileSystem, cwd: string, pattern: string): Promise<string[]> {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((segment, index) => segment !== '' || index === 0);
  let prefixes = [absolute ? '/' : ''];
  if (absolute) segments.shift();

  for (const segment of segments) {
    const next: string[] = [];
    for (const prefix of prefixes) {
      const joined = (name: string): string => (prefix === '' ? name : prefix.endsWith('/') ? `${prefix}${name}` : `${prefix}/${name}`);
      if (!isPattern(segment)) {
        if ((await fs.stat(resolvePath(cwd, joined(segment)))) !== null) next.push(joined(segment));
        continue;
      }
      const folder = resolvePath(cwd, prefix === '' ? '.' : prefix);
      const stat = await fs.stat(folder);
      if (stat?.kind !== 'directory') continue;
      const matcher = globToRegExp(segment);
      for (const entry of await fs.readdir(folder)) {
        if (entry.name.startsWith('.') && !segment.startsWith('.')) continue;
        if (matcher.test(entry.name)) next.push(joined(entry.name));
      }
    }
    prefixes = next;
  }
  return prefixes.sort();
}

/** Expand one word: variables first, then the glob when the word was an unquoted pattern. */
export async function expandWord(word: RawWord, env: Readonly<Record<string, string>>, fs: FileSystem, cwd: string): Promise<string[]> {
  const text = substituteVariables(word.text, env);
  if (!word.glob) return [text];
  const matches = await expandGlob(fs, cwd, text);

  // bash keeps an unmatched pattern as it was written.
  return matches.length > 0 ? matches : [text];
}
