import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../catalog/load.ts';
import { contentRoot } from '../content/root.ts';
import { parseCheckpointFile } from './parse.ts';
import type { Checkpoint } from './types.ts';

export const quizzesDir = 'quizzes';

type LoadOutcome = { checkpoints: Map<string, Checkpoint>; errors: string[] };

/** Read and validate every quizzes/*.yaml file, collecting each file's errors. */
function readAll(root: string): LoadOutcome {
  const checkpoints = new Map<string, Checkpoint>();
  const errors: string[] = [];

  let catalog;
  try {
    catalog = loadCatalog(root);
  } catch (error) {
    return { checkpoints, errors: [(error as Error).message] };
  }

  let names: string[];
  try {
    names = readdirSync(join(root, quizzesDir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch (error) {
    return { checkpoints, errors: [`${quizzesDir}: cannot read the folder: ${(error as Error).message}`] };
  }

  for (const name of names) {
    const file = `${quizzesDir}/${name}`;
    try {
      const checkpoint = parseCheckpointFile(readFileSync(join(root, file), 'utf8'), file, catalog);
      checkpoints.set(checkpoint.id, checkpoint);
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  return { checkpoints, errors };
}

/** Load every checkpoint under `root` (Node only); throws one error listing every problem. */
export function loadCheckpoints(root: string = contentRoot()): Map<string, Checkpoint> {
  const { checkpoints, errors } = readAll(root);
  if (errors.length > 0) throw new Error(errors.join('\n\n'));
  return checkpoints;
}

/** Validate every checkpoint under `root` (Node only) and return the error messages. */
export function validateCheckpoints(root: string = contentRoot()): string[] {
  return readAll(root).errors;
}
