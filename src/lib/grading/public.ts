import type { Checkpoint, PublicQuestion } from './types.ts';

/** Build the learner-facing view of a checkpoint: no key, feedback, hints or solution. */
export function publicQuestion(checkpoint: Checkpoint): PublicQuestion {
  return {
    id: checkpoint.id,
    kind: checkpoint.kind,
    title: checkpoint.title,
    prompt: checkpoint.prompt,
    ...(checkpoint.scenario === undefined ? {} : { scenario: checkpoint.scenario }),
    accepts: [...checkpoint.accepts],
    options: checkpoint.options.map((option) => ({ id: option.id, label: option.label })),
    reasons: checkpoint.reasons.map((reason) => ({ id: reason.id, label: reason.label })),
    reasonsWeight: checkpoint.reasonsWeight,
    policy: {
      maxAttempts: checkpoint.policy.maxAttempts,
      decline: [...checkpoint.policy.decline],
      hintsAfter: checkpoint.policy.hintsAfter,
      hintCount: checkpoint.hints.length,
      revealSolution: checkpoint.policy.revealSolution,
      minSecondsBetween: checkpoint.policy.minSecondsBetween,
    },
  };
}
