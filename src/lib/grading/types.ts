import type { ConstraintId, Constraints } from '../catalog/constraints.ts';

/** The closed set of question kinds; `kinds.ts` maps each to its schema and grader. */
export const checkpointKinds = ['single', 'multiple', 'scenario', 'free-text'] as const;
export type CheckpointKind = (typeof checkpointKinds)[number];

/** Answer fields a learner may send; which ones a checkpoint accepts depends on its kind. */
export type AnswerField = 'choice' | 'choices' | 'text';

/** A learner's answer as submitted. Exactly the fields the checkpoint accepts may be set. */
export type Answer = { choice?: string; choices?: string[]; text?: string; reasons?: string[] };

/** One stored earlier result of the same learner on the same checkpoint, oldest first. */
export type PriorAttempt = { status: 'graded' | 'invalid' | 'clarify'; score: number; passed: boolean };

export type FeedbackKind = 'correct' | 'incorrect' | 'reason' | 'clarify' | 'invalid' | 'info';

/** One line of feedback; `optionId` and `constraint` identify its subject. */
export type FeedbackItem = {
  message: string;
  optionId?: string;
  constraint?: string;
  kind: FeedbackKind;
};

/**
 * The outcome of grading one submission.
 *
 * Only results with `countsAsAttempt: true` are attempts: store those as
 * `graded` so later calls see them in `prior`. `invalid` and `clarify` results
 * cost nothing. A graded result with `countsAsAttempt: false` is practice after
 * the checkpoint locked: its `score` and `passed` describe that answer alone
 * and `bestScore` stays the prior best.
 */
export type GradeResult = {
  status: 'graded' | 'invalid' | 'clarify';
  countsAsAttempt: boolean;
  /** Prior graded attempts + 1 when this counts, else the number of graded attempts so far. */
  attempt: number;
  /** `rawScore` times the policy's decline multiplier for this attempt, in [0, 1]. */
  score: number;
  /** The answer's own score in [0, 1] before the decline. */
  rawScore: number;
  passed: boolean;
  /** The best score over the prior attempts and this one; retrying never lowers it. */
  bestScore: number;
  feedback: FeedbackItem[];
  hints?: string[];
  solution?: string;
  /** Attempts the learner has left after this one, or null when the policy sets no maximum. */
  attemptsLeft: number | null;
  /** True once the checkpoint is passed or every attempt is used; later answers are practice. */
  locked: boolean;
  /** For free text: the option ids the text was read as naming. */
  interpretedAs?: string[];
};

/** When the solution is shown. */
export const revealSolutionModes = ['after-pass-or-last-attempt', 'after-pass', 'never'] as const;
export type RevealSolution = (typeof revealSolutionModes)[number];

export type Policy = {
  /** Graded attempts allowed, or null for no limit. */
  maxAttempts: number | null;
  /** Score multiplier for attempt 1, 2, 3…; attempts past the end use the last value (the floor). */
  decline: number[];
  /** Wrong graded attempts after which hints unlock (0: the first hint comes with any result); one more per further wrong attempt. */
  hintsAfter: number;
  revealSolution: RevealSolution;
  /** Minimum seconds between two submissions; the HTTP API enforces it with 429 and Retry-After. */
  minSecondsBetween: number;
  /** Main-answer score (before reasons and decline) needed to pass, in (0, 1]. */
  passScore: number;
};

export const partialCreditRules = ['all-or-nothing', 'right-minus-wrong'] as const;
export type PartialCredit = (typeof partialCreditRules)[number];

/** An option after validation, with every feedback line already resolved. */
export type CheckpointOption = {
  id: string;
  label: string;
  /** Feedback shown when the learner picks this option. */
  feedback: FeedbackItem[];
  /** Feedback shown when a correct option of a multiple-select question is left unpicked. */
  missed?: string;
  /** Lowercase phrasings that name this option in free text, before normalisation. */
  synonyms: string[];
  /** True for a catalog option that runs the model on a server (it needs the network). */
  serverSide?: boolean;
};

/** A reason the learner may tick to say what drove the choice. */
export type Reason = {
  id: string;
  label: string;
  /** True when the reason is one that should drive the answer; false for a distractor. */
  relevant: boolean;
  constraint?: ConstraintId;
  /** Explanation shown when the reason is ticked. */
  ticked: string;
  /** Explanation shown when a relevant reason is left unticked. */
  missed?: string;
};

/** A validated checkpoint: question, key, feedback and policy. Server-side only. */
export type Checkpoint = {
  id: string;
  file: string;
  kind: CheckpointKind;
  title: string;
  prompt: string;
  scenario?: string;
  constraints?: Constraints;
  accepts: AnswerField[];
  options: CheckpointOption[];
  /** Ids of the correct options (one for single, scenario and free-text). */
  answer: string[];
  partialCredit: PartialCredit;
  reasons: Reason[];
  /** Share of the score that ticking the right reasons earns, in [0, 0.5]; 0 means feedback only. */
  reasonsWeight: number;
  hints: string[];
  solution: string;
  policy: Policy;
  /** Hex sha256 of the key and every feedback string, so stored results can tell they are stale. */
  keyVersion: string;
};

/** Learner-facing view of a checkpoint: no key, no feedback, no hints, no solution. */
export type PublicQuestion = {
  id: string;
  kind: CheckpointKind;
  title: string;
  prompt: string;
  scenario?: string;
  accepts: AnswerField[];
  options: Array<{ id: string; label: string }>;
  reasons: Array<{ id: string; label: string }>;
  /** Share of the score the reasons earn, 0 when they give feedback only. */
  reasonsWeight: number;
  policy: {
    maxAttempts: number | null;
    decline: number[];
    hintsAfter: number;
    hintCount: number;
    revealSolution: RevealSolution;
    minSecondsBetween: number;
  };
};
