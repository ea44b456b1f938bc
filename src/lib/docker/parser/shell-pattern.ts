/**
 * Compiles a shell glob (`*`, `?`, `[...]`) into an anchored RegExp.
 * NOTE: the removals below test every split point, so a long value with several
 * `*` in the pattern costs quadratic time or more; Dockerfile values are short.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob.charAt(i);
    if (ch === '*') source += '[\\s\\S]*';
    else if (ch === '?') source += '[\\s\\S]';
    else if (ch === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) {
        source += '\\[';
      } else {
        let body = glob.slice(i + 1, close);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        source += '[' + body.replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else if (ch === '\\' && i + 1 < glob.length) {
      source += escapeRegExp(glob.charAt(++i));
    } else source += escapeRegExp(ch);
  }
  return new RegExp('^(?:' + source + ')$');
}

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? '\\' + ch : ch;
}

/** Removes the shortest (or longest) prefix matching the glob (`${name#glob}`, `${name##glob}`). */
export function removePrefix(value: string, glob: string, longest: boolean): string {
  const re = globToRegExp(glob);
  if (longest) {
    for (let end = value.length; end >= 0; end--) if (re.test(value.slice(0, end))) return value.slice(end);
  } else {
    for (let end = 0; end <= value.length; end++) if (re.test(value.slice(0, end))) return value.slice(end);
  }
  return value;
}

/** Removes the shortest (or longest) suffix matching the glob (`${name%glob}`, `${name%%glob}`). */
export function removeSuffix(value: string, glob: string, longest: boolean): string {
  const re = globToRegExp(glob);
  if (longest) {
    for (let start = 0; start <= value.length; start++) if (re.test(value.slice(start))) return value.slice(0, start);
  } else {
    for (let start = value.length; start >= 0; start--) if (re.test(value.slice(start))) return value.slice(0, start);
  }
  return value;
}

/** Replaces the first (or every) longest glob match, scanning left to right (`${name/glob/text}`). */
export function replacePattern(value: string, glob: string, replacement: string, all: boolean): string {
  if (glob === '') return value;
  const re = globToRegExp(glob);
  let out = '';
  let i = 0;

  while (i <= value.length) {
    let matchEnd = -1;
    for (let end = value.length; end > i; end--) {
      if (re.test(value.slice(i, end))) {
        matchEnd = end;
        break;
      }
    }
    if (matchEnd === -1) {
      if (i < value.length) out += value.charAt(i);
      i++;
      continue;
    }
    out += replacement;
    i = matchEnd;
    if (!all) return out + value.slice(i);
  }
  return out;
}
