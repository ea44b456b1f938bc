import { diffLines } from 'diff';

/** A run of lines that the change keeps, adds or removes. */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** Change to one file when the solution replaces it. */
export type FileChange = { path: string; status: 'added' | 'changed'; parts: DiffPart[] };

/**
 * Compare the learner's files with the files the solution writes. Only paths
 * the solution contains are listed, because Solve leaves other files alone.
 * Paths are sorted; unchanged files are left out.
 */
export function diffSolution(current: Record<string, string>, solution: Record<string, string>): FileChange[] {
  const changes: FileChange[] = [];

  for (const path of Object.keys(solution).sort()) {
    const target = solution[path] ?? '';
    const before = current[path];
    if (before === target) continue;

    const parts = diffLines(before ?? '', target).map((change): DiffPart => ({
      kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
      text: change.value,
    }));
    changes.push({ path, status: before === undefined ? 'added' : 'changed', parts });
  }
  return changes;
}
