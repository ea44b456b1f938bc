import { loadCheckpoints, type Checkpoint } from '../grading/index.ts';
import { log } from '../log.ts';

let checkpoints: Map<string, Checkpoint> | undefined;

/**
 * Return every checkpoint, loading and validating them on the first call.
 * The definitions are read once per process: edit them, then restart the
 * server. loadCheckpoints throws a formatted error on an invalid definition.
 */
export function getCheckpoints(): Map<string, Checkpoint> {
  if (checkpoints === undefined) {
    checkpoints = loadCheckpoints();
    log.info({ count: checkpoints.size }, 'checkpoints loaded');
  }
  return checkpoints;
}

/** Return one checkpoint by id, or undefined when no definition has that id. */
export function findCheckpoint(id: string): Checkpoint | undefined {
  return getCheckpoints().get(id);
}
