import { loadCheckpoints } from '../grading/index.ts';
import { formatRegradeReport, regradeCheckpoint } from './regrade.ts';
import { openStorage } from '../storage/index.ts';

const usage = `Usage: slipway regrade CHECKPOINT [--dry-run]

Re-grade every stored submission on CHECKPOINT with the current answer key
and record a regrade row for each grade that changed. Attempts themselves are
never modified.

Options:
  --dry-run   report what would change and write nothing

Storage: DATABASE_URL (PostgreSQL) when set, else the SQLite file SLIPWAY_DB
(default data/slipway.db).
`;

/** Run `slipway regrade` and return its exit code. */
export async function runRegrade(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage);
    return 0;
  }
  const dryRun = args.includes('--dry-run');
  const positional = args.filter((arg) => arg !== '--dry-run');
  const unknown = positional.filter((arg) => arg.startsWith('-'));
  if (unknown.length > 0 || positional.length !== 1) {
    const problem = unknown.length > 0 ? `unknown option ${unknown[0]}` : 'expected exactly one CHECKPOINT';
    process.stderr.write(`slipway regrade: ${problem}\n\n${usage}`);
    return 2;
  }

  const checkpointId = positional[0] ?? '';
  const checkpoints = loadCheckpoints();
  const checkpoint = checkpoints.get(checkpointId);
  if (checkpoint === undefined) {
    const known = [...checkpoints.keys()].sort().join(', ');
    process.stderr.write(`slipway regrade: checkpoint "${checkpointId}" not found; known checkpoints: ${known}\n`);
    return 1;
  }

  const storage = await openStorage();
  try {
    const report = await regradeCheckpoint(storage, checkpoint, dryRun);
    process.stdout.write(formatRegradeReport(report));
    return 0;
  } finally {
    await storage.close();
  }
}
