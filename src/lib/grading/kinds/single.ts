import { gradeChoice } from '../choice.ts';
import { resolveAuthoredOption } from '../options.ts';
import { singleFileSchema, type SingleFile } from '../schema.ts';
import { checkAnswerIds, checkUniqueIds } from './checks.ts';
import type { KindDefinition } from './types.ts';

/** Single choice: one correct option among authored options, picked by id or named in text. */
export const singleKind: KindDefinition<SingleFile> = {
  schema: singleFileSchema,
  build(data, _catalog, context) {
    const ids = data.options.map((option) => option.id);
    checkUniqueIds(ids, 'options', context);
    checkAnswerIds(data.answer, ids, context);
    return {
      options: data.options.map((option) => resolveAuthoredOption(option, option.id === data.answer)),
      answer: [data.answer],
      accepts: [...new Set(data.accepts)],
      partialCredit: 'all-or-nothing',
    };
  },
  grade: gradeChoice,
};
