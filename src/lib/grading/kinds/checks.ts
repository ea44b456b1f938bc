import { withSuggestion } from '../../content/error-map.ts';
import { closestMatch } from '../../content/suggest.ts';
import { addIssue, quoteList, type BuildContext } from '../issues.ts';

/** Record an issue for every id listed twice under `field`. */
export function checkUniqueIds(ids: readonly string[], field: string, context: BuildContext): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) {
      addIssue(context, [field, index], `Duplicate option id "${id}"`, id, 'Give every option its own id.');
    }
    seen.add(id);
  });
}

/** Record an issue for each answer id that is not an option id. */
export function checkAnswerIds(answer: string | readonly string[], optionIds: readonly string[], context: BuildContext): void {
  const ids = typeof answer === 'string' ? [answer] : answer;
  ids.forEach((id, index) => {
    if (!optionIds.includes(id)) {
      const path = typeof answer === 'string' ? ['answer'] : ['answer', index];
      const message = withSuggestion(`Unknown option "${id}"; expected one of ${quoteList(optionIds)}`, id, optionIds);
      addIssue(context, path, message, undefined, 'Set answer to ids listed under options.');
    }
  });
}

/** Record an issue for each key of a per-option map that is not an option id. */
export function checkOptionKeys(map: Record<string, unknown>, field: string, optionIds: readonly string[], context: BuildContext): void {
  for (const key of Object.keys(map)) {
    if (!optionIds.includes(key)) {
      const message = withSuggestion(`Unknown option "${key}"; expected one of ${quoteList(optionIds)}`, key, optionIds);
      addIssue(context, [field, key], message, undefined, `Key "${field}" by ids listed under options.`);
    }
  }
}

/**
 * Record an issue for each option id the catalog does not have, with the
 * closest catalog id as a suggestion. Returns the suggested ids, which later
 * checks accept so that one typo is reported once, at its place in options.
 */
export function checkCatalogIds(
  entries: ReadonlyArray<{ id: string; index: number }>,
  catalogIds: readonly string[],
  context: BuildContext,
  alternative = '',
): string[] {
  const suggested: string[] = [];
  for (const { id, index } of entries) {
    if (catalogIds.includes(id)) continue;
    const match = closestMatch(id, catalogIds);
    if (match !== undefined) suggested.push(match);
    const suggestion = match === undefined ? '' : `. Did you mean "${match}"?`;
    addIssue(
      context,
      ['options', index],
      `Unknown option "${id}"; expected a catalog id (${quoteList(catalogIds)})${alternative}${suggestion}`,
      undefined,
      'Use ids from src/data/deployment-options.yaml.',
    );
  }
  return suggested;
}
