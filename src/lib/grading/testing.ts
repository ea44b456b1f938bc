import { join } from 'node:path';
import { loadCatalog } from '../catalog/load.ts';
import { loadCheckpoints } from './load.ts';
import type { Checkpoint } from './types.ts';

/** The repository root, for tests that read the real quizzes and catalog. */
export const repositoryRoot = join(import.meta.dirname, '..', '..', '..');

/** Load one real checkpoint from quizzes/ for a test (Node only). */
export function realCheckpoint(id: string): Checkpoint {
  const checkpoint = loadCheckpoints(repositoryRoot).get(id);
  if (checkpoint === undefined) throw new Error(`quizzes/${id}.yaml is missing`);
  return checkpoint;
}

/** Load the real deployment-option catalog for a test (Node only). */
export function realCatalog() {
  return loadCatalog(repositoryRoot);
}
