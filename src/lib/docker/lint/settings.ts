import type { Dockerfile } from '../ast.ts';
import type { CheckSettings } from './types.ts';

/**
 * Reads the `# check=` directive: `skip=A,B` or `skip=all`, and
 * `error=true`, separated by `;`. An invalid directive is ignored, as
 * BuildKit ignores it, so the checks run with default settings.
 */
export function readCheckSettings(dockerfile: Dockerfile): CheckSettings {
  const settings: CheckSettings = { skipAll: false, skip: new Set(), errorOnWarning: false };
  const directive = dockerfile.directives.find((candidate) => candidate.name === 'check');
  if (!directive) return settings;

  // BuildKit reads the value up to the first blank.
  const value = directive.value.split(/\s/)[0] ?? '';
  const parsed: CheckSettings = { skipAll: false, skip: new Set(), errorOnWarning: false };
  for (const part of value.split(';')) {
    const equals = part.indexOf('=');
    if (equals === -1) return settings;
    const key = part.slice(0, equals).trim();
    const option = part.slice(equals + 1).trim();

    if (key === 'skip') {
      if (option === 'all') parsed.skipAll = true;
      else for (const rule of option.split(',')) parsed.skip.add(rule.trim());
    } else if (key === 'error') {
      const flag = parseGoBool(option);
      if (flag === undefined) return settings;
      parsed.errorOnWarning = flag;
    } else if (key !== 'experimental') {
      return settings;
    }
  }
  return parsed;
}

/** Parses a boolean the way Go's strconv.ParseBool does. */
function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** `# hadolint ignore=...` comments: ids ignored on the next instruction's line, and ids ignored everywhere. */
export interface IgnoreComments {
  byLine: Map<number, Set<string>>;
  global: Set<string>;
}

/**
 * Reads `# hadolint ignore=DL3008,DL3015` comments, which apply to the
 * instruction on the next line, and `# hadolint global ignore=...`, which
 * applies to the whole file.
 */
export function readIgnoreComments(dockerfile: Dockerfile): IgnoreComments {
  const byLine = new Map<number, Set<string>>();
  const global = new Set<string>();

  for (const comment of dockerfile.comments) {
    const match = /^#\s*hadolint\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,\s]+)$/.exec(comment.value.trim());
    if (!match) continue;
    const ids = (match[2] ?? '').split(',').map((id) => id.trim()).filter(Boolean);
    if (match[1]) {
      for (const id of ids) global.add(id);
    } else {
      const line = comment.range.start.line + 1;
      const set = byLine.get(line) ?? new Set<string>();
      for (const id of ids) set.add(id);
      byLine.set(line, set);
    }
  }
  return { byLine, global };
}
