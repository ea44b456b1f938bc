import { gradeChoice } from '../choice.ts';
import { addIssue } from '../issues.ts';
import { catalogSynonyms, resolveAuthoredOption } from '../options.ts';
import { freeTextFileSchema, type FreeTextFile } from '../schema.ts';
import type { CheckpointOption } from '../types.ts';
import { checkAnswerIds, checkCatalogIds, checkOptionKeys, checkUniqueIds } from './checks.ts';
import type { KindDefinition } from './types.ts';

/**
 * Free text: the learner writes an answer in words and it is read as naming
 * one option. Options are catalog ids (feedback from `feedback`) or authored.
 */
export const freeTextKind: KindDefinition<FreeTextFile> = {
  schema: freeTextFileSchema,
  build(data, catalog, context) {
    const byId = new Map(catalog.map((option) => [option.id, option]));
    const ids = data.options.map((option) => (typeof option === 'string' ? option : option.id));
    checkUniqueIds(ids, 'options', context);
    const catalogEntries = data.options.flatMap((entry, index) => (typeof entry === 'string' ? [{ id: entry, index }] : []));
    const suggested = checkCatalogIds(catalogEntries, [...byId.keys()], context, ' or an option with id, label and feedback');

    // A misspelt option is reported once: answers and keys naming the id it was meant to be pass.
    const knownIds = [...ids, ...suggested];
    checkAnswerIds(data.answer, knownIds, context);
    checkOptionKeys(data.feedback, 'feedback', knownIds, context);
    checkOptionKeys(data.synonyms, 'synonyms', knownIds, context);

    const options: CheckpointOption[] = [];
    data.options.forEach((entry, index) => {
      if (typeof entry !== 'string') {
        const extra = data.synonyms[entry.id] ?? [];
        options.push(resolveAuthoredOption({ ...entry, synonyms: [...entry.synonyms, ...extra] }, entry.id === data.answer));
        return;
      }
      const option = byId.get(entry);
      const message = data.feedback[entry];
      if (option === undefined) return;
      if (message === undefined) {
        addIssue(context, ['feedback', entry], `Missing feedback for catalog option "${entry}"`, undefined, `Add feedback.${entry} explaining that choice.`);
        return;
      }
      options.push({
        id: option.id,
        label: option.name,
        feedback: [{ kind: entry === data.answer ? 'correct' : 'incorrect', optionId: option.id, message }],
        synonyms: catalogSynonyms(option, data.synonyms[entry] ?? []),
        serverSide: option.facts.network === 'required',
      });
    });

    return { options, answer: [data.answer], accepts: ['text'], partialCredit: 'all-or-nothing' };
  },
  grade: gradeChoice,
};
