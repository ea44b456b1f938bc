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
      addIssue(context, path, `Unknown option "${id}"; expected one of ${quoteList(optionIds)}`, id, 'Set answer to ids listed under options.');
    }
  });
}

/** Record an issue for each key of a per-option map that is not an option id. */
export function checkOptionKeys(map: Record<string, unknown>, field: string, optionIds: readonly string[], context: BuildContext): void {
  for (const key of Object.keys(map)) {
    if (!optionIds.includes(key)) {
      addIssue(context, [field, key], `Unknown option "${key}"; expected one of ${quoteList(optionIds)}`, key, `Key "${field}" by ids listed under options.`);
    }
  }
}
