import type { Check, LabTask, LeafCheck } from '../definition/schema.ts';
import { evaluateBuildCheck } from './build.ts';
import { evaluateCommandCheck } from './command.ts';
import { evaluateDigestPinnedCheck } from './digest-pinned.ts';
import { evaluateDockerfileCheck } from './dockerfile.ts';
import { evaluateFileCheck } from './file.ts';
import { evaluateImageCheck } from './image.ts';
import type { CheckResult, CheckState, Evaluator } from './types.ts';

export type { CheckResult, CheckState } from './types.ts';

type LeafEvaluators = { [Type in LeafCheck['type']]: Evaluator<Extract<LeafCheck, { type: Type }>> };

/** Evaluator of every leaf check type, by type. */
const evaluators: LeafEvaluators = {
  build: evaluateBuildCheck,
  command: evaluateCommandCheck,
  'digest-pinned': evaluateDigestPinnedCheck,
  dockerfile: evaluateDockerfileCheck,
  file: evaluateFileCheck,
  image: evaluateImageCheck,
};

/** Run the evaluator for one leaf check; an unexpected error fails the check instead of the whole evaluation. */
async function evaluateLeaf(check: LeafCheck, state: CheckState): Promise<CheckResult> {
  const evaluator = evaluators[check.type] as Evaluator<LeafCheck>;
  try {
    return await evaluator(check, state);
  } catch (error) {
    return { passed: false, detail: `This task could not be checked: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Evaluate one check against the lab state; an `all` check passes when each of its checks passes. */
export async function evaluateCheck(check: Check, state: CheckState): Promise<CheckResult> {
  if (check.type !== 'all') return evaluateLeaf(check, state);
  const details: string[] = [];
  for (const inner of check.checks) {
    const result = await evaluateLeaf(inner, state);
    if (!result.passed) return result;
    details.push(result.detail);
  }
  return { passed: true, detail: details.join(' ') };
}

/** Evaluate each task's check in task order; results carry the task id. */
export async function evaluateTasks(tasks: LabTask[], state: CheckState): Promise<Array<CheckResult & { id: string }>> {
  const results: Array<CheckResult & { id: string }> = [];
  for (const task of tasks) results.push({ id: task.id, ...(await evaluateCheck(task.check, state)) });
  return results;
}
