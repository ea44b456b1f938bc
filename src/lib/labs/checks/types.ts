import type { DockerEngine } from '../../docker/index.ts';
import type { FileSystem } from '../../vfs/index.ts';

/** Lab state a check judges: the lab's files, the engine's image store and the shell history. */
export type CheckState = {
  fs: FileSystem;
  /** Absolute lab folder; check paths are relative to it. */
  root: string;
  engine: DockerEngine;
  /** Shell history, oldest first. */
  commands: string[];
  /**
   * True when a server replay with a fixed clock rebuilt this state. Image ids
   * and manifest digests then differ from the ones the learner saw, because
   * build times are part of an image's config.
   */
  replayed?: boolean;
};

/** Outcome of one check. `detail` states what was found and, on failure, what to change. */
export type CheckResult = { passed: boolean; detail: string };

/** Evaluator of one check type. */
export type Evaluator<C> = (check: C, state: CheckState) => Promise<CheckResult>;

/** Return a passing result. */
export function pass(detail: string): CheckResult {
  return { passed: true, detail };
}

/** Return a failing result. */
export function fail(detail: string): CheckResult {
  return { passed: false, detail };
}
