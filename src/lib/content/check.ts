import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateLessons } from './validate.ts';

type Validator = (root: string) => string[] | Promise<string[]>;

/**
 * Imports a validator from a module that may not exist yet, so the check
 * keeps working while parts of the platform are still being built. A module
 * that exists but fails to load is reported as a problem.
 */
async function importValidator(specifier: string, name: string): Promise<Validator | string | undefined> {
  if (!existsSync(fileURLToPath(new URL(specifier, import.meta.url)))) return undefined;

  try {
    const module = (await import(specifier)) as Record<string, unknown>;
    const validator = module[name];
    return typeof validator === 'function' ? (validator as Validator) : undefined;
  } catch (error) {
    return `${specifier}: failed to load ${name}: ${(error as Error).message}`;
  }
}

/**
 * Checks all authored content under `root`: lessons (schema, unique order,
 * lab and checkpoint references), checkpoints and labs. Returns every problem
 * found; an empty list means the content is valid.
 */
export async function checkContent(root: string): Promise<string[]> {
  const problems = validateLessons(root);

  const validators: [string, string][] = [
    ['../grading/load.ts', 'validateCheckpoints'],
    ['../labs/definition/load.ts', 'validateLabs'],
  ];
  for (const [specifier, name] of validators) {
    const validator = await importValidator(specifier, name);
    if (typeof validator === 'string') problems.push(validator);
    else if (validator !== undefined) problems.push(...(await validator(root)));
  }
  return problems;
}

/** Formats the problems as one report: a count, then each problem separated by a blank line. */
export function formatProblems(problems: readonly string[]): string {
  const count = problems.length === 1 ? '1 content problem' : `${problems.length} content problems`;
  return `${count} found:\n\n${problems.join('\n\n')}`;
}
