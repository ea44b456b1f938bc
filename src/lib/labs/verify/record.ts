import { getStorage } from '../../grading-service/storage.ts';
import type { Storage } from '../../storage/index.ts';
import type { VerificationResult } from './verify.ts';

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
