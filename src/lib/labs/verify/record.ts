import { getStorage } from '../../grading-service/storage.ts';
import type { Storage } from '../../storage/index.ts';
import type { LatestVerification } from './endpoint.ts';
import type { TaskVerdict, VerificationResult } from './verify.ts';

/** Append a verification result to a storage's lab_verifications table. */
export async function recordVerification(storage: Storage, learnerId: string, result: VerificationResult, now: Date = new Date()): Promise<void> {
  await storage.recordLabVerification({
    learnerId,
    labId: result.labId,
    passedAll: result.passedAll,
    tasksJson: JSON.stringify(result.tasks),
    createdAt: now.toISOString(),
  });
}

/** Record a verification in the process-wide storage, opening it on first use (Node only). */
export async function recordInServerStorage(learnerId: string, result: VerificationResult): Promise<void> {
  await recordVerification(await getStorage(), learnerId, result);
}

/** Return the learner's latest stored verification of a lab from a storage, or null when there is none. */
export async function latestVerification(storage: Storage, learnerId: string, labId: string): Promise<LatestVerification | null> {
  const rows = await storage.listLabVerifications(learnerId, labId);
  const last = rows.at(-1);
  if (last === undefined) return null;
  const tasks = JSON.parse(last.tasksJson) as TaskVerdict[];
  return { labId: last.labId, tasks, passedAll: last.passedAll, createdAt: last.createdAt };
}

/** Read the latest verification from the process-wide storage (Node only). */
export async function latestInServerStorage(learnerId: string, labId: string): Promise<LatestVerification | null> {
  return latestVerification(await getStorage(), learnerId, labId);
}
