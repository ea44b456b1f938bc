import { evaluateTasks } from '../checks/index.ts';
import type { Lab } from '../definition/schema.ts';
import { replayJournal } from './replay.ts';
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
 * Verify a lab from scratch: replay the submitted journal on the lab's starter
 * files through the lab shell against a fresh engine whose clock follows the
 * journal, apply the final files, then evaluate every task. Pass flags a
 * client computed are never read; only the replayed state counts. Throws
 * SubmissionError when the journal or files break the path, count, size or
 * time limits.
 */
export async function verifyLab(lab: Lab, input: Pick<Submission, 'journal' | 'files'>): Promise<VerificationResult> {
  const parsed = submissionSchema.safeParse({ learnerId: 'replay', journal: input.journal, files: input.files });
  if (!parsed.success) throw new SubmissionError(parsed.error.issues.map((issue) => issue.message));

  const state = await replayJournal(lab.files, parsed.data.journal, parsed.data.files, { id: lab.id, title: lab.title, tasks: lab.tasks });
  const results = await evaluateTasks(lab.tasks, { fs: state.fs, root: state.root, engine: state.engine, commands: [...state.shell.history], replayed: true });
  const tasks = results.map(({ id, passed, detail }) => ({ id, passed, detail }));
  return { labId: lab.id, tasks, passedAll: tasks.every((task) => task.passed) };
}
