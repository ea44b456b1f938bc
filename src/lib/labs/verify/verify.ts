import { evaluateTasks } from '../checks/index.ts';
import type { Lab } from '../definition/schema.ts';
import { replay } from './replay.ts';
import { submissionSchema, type Submission } from './submission.ts';

/** Verdict on one task after the replay. */
export type TaskVerdict = { id: string; passed: boolean; detail: string };

export type VerificationResult = { labId: string; tasks: TaskVerdict[]; passedAll: boolean };

/** Error for a submission that fails the schema; `issues` are zod's. */
export class SubmissionError extends Error {
  readonly issues: string[];

  constructor(issues: string[]) {
    super(`Invalid submission: ${issues.join('; ')}`);
    this.name = 'SubmissionError';
    this.issues = issues;
  }
}

/**
 * Verify a lab from scratch: put the submitted files in a fresh file system,
 * replay the submitted commands through the lab shell against a fresh engine
 * with a fixed clock, then evaluate every task. Pass flags a client computed
 * are never read; only the replayed state counts. Throws SubmissionError when
 * the files or commands break the path, count or size limits.
 */
export async function verifyLab(lab: Lab, input: Pick<Submission, 'files' | 'commands'>): Promise<VerificationResult> {
  const parsed = submissionSchema.safeParse({ learnerId: 'replay', files: input.files, commands: input.commands });
  if (!parsed.success) throw new SubmissionError(parsed.error.issues.map((issue) => issue.message));

  const state = await replay(parsed.data.files, parsed.data.commands, { id: lab.id, title: lab.title, tasks: lab.tasks });
  const results = await evaluateTasks(lab.tasks, { fs: state.fs, root: state.root, engine: state.engine, commands: [...state.shell.history], replayed: true });
  const tasks = results.map(({ id, passed, detail }) => ({ id, passed, detail }));
  return { labId: lab.id, tasks, passedAll: tasks.every((task) => task.passed) };
}
