import { resolveAuthoredOption } from '../options.ts';
import { multipleFileSchema, type MultipleFile } from '../schema.ts';
import type { Answer, Checkpoint, FeedbackItem } from '../types.ts';
import { checkAnswerIds, checkUniqueIds } from './checks.ts';
import type { KindDefinition, MainGrade } from './types.ts';

/** Score a selection: all-or-nothing, or max(0, (right picked − wrong picked) / right total). */
export function scoreSelection(checkpoint: Checkpoint, picked: ReadonlySet<string>): number {
  let right = 0;
  let wrong = 0;
  for (const id of picked) {
    if (checkpoint.answer.includes(id)) right += 1;
    else wrong += 1;
  }
  const total = checkpoint.answer.length;
  if (checkpoint.partialCredit === 'all-or-nothing') return right === total && wrong === 0 ? 1 : 0;
  return Math.max(0, (right - wrong) / total);
}

/** Grade a multiple-select answer: feedback on each picked option, missed ones kept for the solution. */
function gradeSelection(checkpoint: Checkpoint, answer: Answer): MainGrade {
  const picked = new Set(answer.choices ?? []);
  const feedback: FeedbackItem[] = [];
  const missed: FeedbackItem[] = [];
  let missedCount = 0;

  for (const option of checkpoint.options) {
    if (picked.has(option.id)) {
      feedback.push(...option.feedback);
    } else if (checkpoint.answer.includes(option.id)) {
      missedCount += 1;
      missed.push({
        kind: 'incorrect',
        optionId: option.id,
        message: `Missed: ${option.missed ?? option.feedback[0]?.message ?? option.label}`,
      });
    }
  }

  if (missedCount > 0) {
    const noun = missedCount === 1 ? 'option' : 'options';
    feedback.push({ kind: 'info', message: `You left out ${missedCount} correct ${noun}.` });
  }

  return { status: 'graded', score: scoreSelection(checkpoint, picked), feedback, missed };
}

/** Multiple select: several correct options, scored by the file's partial-credit rule. */
export const multipleKind: KindDefinition<MultipleFile> = {
  schema: multipleFileSchema,
  build(data, _catalog, context) {
    const ids = data.options.map((option) => option.id);
    checkUniqueIds(ids, 'options', context);
    checkAnswerIds(data.answer, ids, context);
    return {
      options: data.options.map((option) => resolveAuthoredOption(option, data.answer.includes(option.id))),
      answer: [...new Set(data.answer)],
      accepts: ['choices'],
      partialCredit: data.partialCredit,
    };
  },
  grade: gradeSelection,
};
