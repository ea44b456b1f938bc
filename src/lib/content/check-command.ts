import { resolve } from 'node:path';
import { checkContent, formatProblems } from './check.ts';
import { contentRoot } from './root.ts';

const usage = `Usage: slipway check [ROOT]

Checks lessons, labs and checkpoints under ROOT (default: SLIPWAY_ROOT or the
current folder) and lists every problem with its file and field. Exits 1 when
a problem is found.
`;

/** Runs `slipway check`: validates all content and prints the problems; returns the exit code. */
export async function runCheck(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage);
    return 0;
  }
  if (args.length > 1) {
    process.stderr.write(`slipway check: expected at most one ROOT folder, got ${args.length} arguments\n\n${usage}`);
    return 1;
  }

  const root = args[0] === undefined ? contentRoot() : resolve(args[0]);
  const problems = await checkContent(root);
  if (problems.length > 0) {
    process.stderr.write(`${formatProblems(problems)}\n`);
    return 1;
  }
  process.stdout.write(`Content OK: lessons, labs and checkpoints under ${root} are valid.\n`);
  return 0;
}
