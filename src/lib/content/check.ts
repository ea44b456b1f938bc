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

/** Return the problem lines of a report block: every line but `Fix:` lines and indented continuations. */
function problemLines(block: string): string[] {
  return block.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('Fix: ') && !/^\s/.test(line));
}

/** Return the file a problem line names: the text before the first ": ", without a `:line:column` suffix. */
function fileOf(line: string): string {
  const end = line.indexOf(': ');
  return (end < 0 ? line : line.slice(0, end)).replace(/:\d+(:\d+)?$/, '');
}

/**
 * Formats the problems as one report: the number of problem lines and files,
 * then each validator's block separated by a blank line. A block may hold
 * several problem lines and a `Fix:` line, so the count is of the lines printed.
 */
export function formatProblems(problems: readonly string[]): string {
  const lines = problems.flatMap(problemLines);
  const files = new Set(lines.map(fileOf)).size;
  const count = lines.length === 1 ? '1 content problem' : `${lines.length} content problems`;
  const where = files === 1 ? '1 file' : `${files} files`;
  return `${count} in ${where}:\n\n${problems.join('\n\n')}`;
}
