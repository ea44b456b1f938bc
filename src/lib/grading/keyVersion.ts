import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Checkpoint } from './types.ts';

/**
 * Hash everything that decides a grade or its feedback: the key, options with
 * their feedback and synonyms, reasons, scoring rules, hints and solution.
 * Titles, prompts and minSecondsBetween are left out, so rewording the
 * question does not mark stored results as stale.
 */
export function computeKeyVersion(checkpoint: Omit<Checkpoint, 'keyVersion'>): string {
  const { minSecondsBetween: _ignored, ...policy } = checkpoint.policy;
  const content = {
    kind: checkpoint.kind,
    answer: checkpoint.answer,
    accepts: checkpoint.accepts,
    options: checkpoint.options,
    partialCredit: checkpoint.partialCredit,
    reasons: checkpoint.reasons,
    reasonsWeight: checkpoint.reasonsWeight,
    policy,
    hints: checkpoint.hints,
    solution: checkpoint.solution,
  };
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(content))));
}
