import type { z } from 'zod';
import type { Catalog } from '../../catalog/schema.ts';
import type { Constraints } from '../../catalog/constraints.ts';
import type { BuildContext } from '../issues.ts';
import type { Answer, AnswerField, Checkpoint, CheckpointOption, FeedbackItem, PartialCredit } from '../types.ts';

/** The kind-specific part of a validated checkpoint. */
export type BuiltKind = {
  options: CheckpointOption[];
  answer: string[];
  accepts: AnswerField[];
  partialCredit: PartialCredit;
  constraints?: Constraints;
};

/** The main answer's grade, before reasons, decline and policy. */
export type MainGrade =
  | {
      status: 'graded';
      /** Main-answer score in [0, 1]. */
      score: number;
      feedback: FeedbackItem[];
      /** Feedback on correct options left unpicked; shown only with the solution. */
      missed: FeedbackItem[];
      interpretedAs?: string[];
    }
  | { status: 'invalid' | 'clarify'; feedback: FeedbackItem[]; interpretedAs?: string[] };

/** One entry of the kind dispatch table: the file schema, its checks and its grader. */
export type KindDefinition<Data = never> = {
  schema: z.ZodType<Data>;
  /** Check the parsed file against the catalog and resolve its options and feedback. */
  build: (data: Data, catalog: Catalog, context: BuildContext) => BuiltKind;
  /** Grade an answer whose shape `checkAnswerShape` already accepted. */
  grade: (checkpoint: Checkpoint, answer: Answer) => MainGrade;
};
