import { compileMatcher, interpretText, type Interpretation, type Matcher } from './freeText.ts';
import { joinWords } from './issues.ts';
import type { MainGrade } from './kinds/types.ts';
import type { Answer, Checkpoint } from './types.ts';

// Matchers are compiled once per checkpoint object; checkpoints are immutable after parsing.
const matchers = new WeakMap<Checkpoint, Matcher>();

/** Return the checkpoint's synonym matcher, compiling it on first use. */
export function matcherFor(checkpoint: Checkpoint): Matcher {
  let matcher = matchers.get(checkpoint);
  if (matcher === undefined) {
    matcher = compileMatcher(checkpoint.options);
    matchers.set(checkpoint, matcher);
  }
  return matcher;
}

/** Name options for a learner, as "Serverless functions (serverless)". */
function describeOptions(checkpoint: Checkpoint, ids: readonly string[]): string {
  return joinWords(
    ids.map((id) => {
      const option = checkpoint.options.find((candidate) => candidate.id === id);
      return option === undefined ? id : `${option.label} (${id})`;
    }),
    'and',
  );
}

/** Build the "please say which" result for text that names zero or several options. */
function clarify(checkpoint: Checkpoint, reading: Interpretation): MainGrade {
  const { named, negated, vague } = reading;
  const all = describeOptions(
    checkpoint,
    checkpoint.options.map((option) => option.id),
  );
  const serverSide = checkpoint.options.filter((option) => option.serverSide === true).map((option) => option.id);
  let message: string;
  if (named.length > 1) {
    message = `Your answer names ${describeOptions(checkpoint, named)}. Please say which one option you would use.`;
  } else if (vague.length > 0 && serverSide.length > 1) {
    message = `Every server-side option runs the model on a server: ${describeOptions(checkpoint, serverSide)}. Please say which one you would use.`;
  } else if (negated.length > 0) {
    message = `Your answer says which options you would not use (${describeOptions(checkpoint, negated)}). Please say which one you would use.`;
  } else {
    message = 'Your answer does not name any of the options. Please say which one you would use.';
  }
  return {
    status: 'clarify',
    feedback: [
      { kind: 'clarify', message },
      { kind: 'info', message: `The options are: ${all}.` },
    ],
    interpretedAs: named,
  };
}

/** Grade a one-option answer given as `choice` or as free `text`. */
export function gradeChoice(checkpoint: Checkpoint, answer: Answer): MainGrade {
  let chosen = answer.choice;
  let interpretedAs: string[] | undefined;

  if (answer.text !== undefined) {
    const reading = interpretText(answer.text, matcherFor(checkpoint));
    if (reading.named.length !== 1) return clarify(checkpoint, reading);
    chosen = reading.named[0];
    interpretedAs = reading.named;
  }

  const option = checkpoint.options.find((candidate) => candidate.id === chosen);
  if (option === undefined) {
    // checkAnswerShape rejects unknown ids first, so this is a guard for direct callers.
    return { status: 'invalid', feedback: [{ kind: 'invalid', message: `No option has the id "${String(chosen)}".` }] };
  }

  const correct = checkpoint.answer.includes(option.id);
  return {
    status: 'graded',
    score: correct ? 1 : 0,
    feedback: option.feedback,
    missed: [],
    ...(interpretedAs === undefined ? {} : { interpretedAs }),
  };
}
