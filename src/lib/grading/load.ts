import type { Checkpoint } from './types.ts';

/** Read and validate every quizzes/*.yaml file (Node only). */
export function loadCheckpoints(root?: string): Map<string, Checkpoint> {
  // TODO: implementation lands in the next commit.
  throw new Error(`loadCheckpoints(${root ?? ''}): not implemented yet`);
}

/** Validate every quizzes/*.yaml file and return the error messages (Node only). */
export function validateCheckpoints(root?: string): string[] {
  return [`validateCheckpoints(${root ?? ''}): not implemented yet`];
}
