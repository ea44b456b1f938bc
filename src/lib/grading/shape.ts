import { joinWords, quoteList } from './issues.ts';
import { maxTextLength } from './submission.ts';
import type { Answer, AnswerField, Checkpoint, FeedbackItem } from './types.ts';

const answerFields: readonly AnswerField[] = ['choice', 'choices', 'text'];

const fieldHelp: Record<AnswerField, string> = {
  choice: '"choice" (one option id)',
  choices: '"choices" (a list of option ids)',
  text: '"text" (your answer in words)',
};

/** Describe what the checkpoint accepts, e.g. `"choice" (one option id) or "text" (…)`. */
function expectedFields(checkpoint: Checkpoint): string {
  return joinWords(checkpoint.accepts.map((field) => fieldHelp[field]));
}

/** Return invalid feedback when the ids are not all option ids of the checkpoint. */
function checkIds(ids: readonly unknown[], known: readonly string[], what: string): FeedbackItem | undefined {
  const unknown = ids.filter((id) => typeof id !== 'string' || !known.includes(id)).map(String);
  if (unknown.length === 0) return undefined;
  const noun = unknown.length === 1 ? `${what} has the id` : `${what}s have the ids`;
  return { kind: 'invalid', message: `No ${noun} ${quoteList(unknown)}. Expected ${quoteList(known)}.` };
}

/**
 * Check that an answer fits the checkpoint: one accepted field, known option
 * and reason ids, non-empty text. Returns the reason it does not, or undefined.
 * A misfit costs the learner no attempt.
 */
export function checkAnswerShape(checkpoint: Checkpoint, answer: Answer): FeedbackItem | undefined {
  const present = answerFields.filter((field) => answer[field] !== undefined);

  if (present.length === 0) {
    return { kind: 'invalid', message: `The submission has no answer. Send ${expectedFields(checkpoint)}.` };
  }
  for (const field of present) {
    if (!checkpoint.accepts.includes(field)) {
      return { kind: 'invalid', message: `This checkpoint does not take "${field}". Send ${expectedFields(checkpoint)}.` };
    }
  }
  if (present.length > 1) {
    return { kind: 'invalid', message: `Send only one of ${quoteList(present)}, not both.` };
  }

  const optionIds = checkpoint.options.map((option) => option.id);
  const { choice, choices, text, reasons } = answer;

  if (choice !== undefined) {
    const problem = checkIds([choice], optionIds, 'option');
    if (problem !== undefined) return problem;
  }
  if (choices !== undefined) {
    if (!Array.isArray(choices) || choices.length === 0) {
      return { kind: 'invalid', message: 'Select at least one option.' };
    }
    const problem = checkIds(choices, optionIds, 'option');
    if (problem !== undefined) return problem;
  }
  if (text !== undefined) {
    if (typeof text !== 'string' || text.trim() === '') {
      return { kind: 'invalid', message: 'The text answer is empty. Write which option you would use.' };
    }
    if (text.length > maxTextLength) {
      return { kind: 'invalid', message: `The text answer has ${text.length} characters; the maximum is ${maxTextLength}.` };
    }
  }

  if (reasons !== undefined && !Array.isArray(reasons)) {
    return { kind: 'invalid', message: '"reasons" must be a list of reason ids.' };
  }
  if (reasons !== undefined && reasons.length > 0) {
    if (checkpoint.reasons.length === 0) {
      return { kind: 'invalid', message: 'This checkpoint has no reasons to tick. Leave "reasons" out.' };
    }
    const problem = checkIds(
      reasons,
      checkpoint.reasons.map((reason) => reason.id),
      'reason',
    );
    if (problem !== undefined) return problem;
  }

  return undefined;
}
