import { evaluateCheck } from '../../lib/labs/checks/index.ts';
import { LAB_ROOT } from '../../lib/labs/shell/layout.ts';
import type { InPageRuntime } from '../../lib/labs/runtime/inpage.ts';
import type { LabPageTask } from './data.ts';
import type { TaskState } from './tasks.ts';

/** Run every task's check against the in-page runtime; a check that throws counts as not passed, with its error as detail. */
export async function evaluateTasks(tasks: readonly LabPageTask[], runtime: InPageRuntime): Promise<Record<string, TaskState>> {
  const state = { fs: runtime.fs, root: LAB_ROOT, engine: runtime.engine, commands: [...runtime.shell.history] };
  const results: Record<string, TaskState> = {};
  for (const task of tasks) {
    try {
      results[task.id] = await evaluateCheck(task.check as Parameters<typeof evaluateCheck>[0], state);
    } catch (error) {
      results[task.id] = { passed: false, detail: `The check could not run: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  return results;
}
