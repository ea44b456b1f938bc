import { formatIssuePath } from '../../content/errors.ts';
import { json, readJsonBody } from '../../grading-service/http.ts';
import { log } from '../../log.ts';
import { labIdPattern } from '../definition/build.ts';
import { listLabIds, loadLab } from '../definition/load.ts';
import type { Lab } from '../definition/schema.ts';
import { createConcurrencyLimit } from './limit.ts';
import { submissionSchema } from './submission.ts';
import { verifyLab, type VerificationResult } from './verify.ts';

/** Largest accepted request body: 1 MB of final files and 2 MB of journal files, plus room for JSON escaping and 200 commands. */
export const MAX_VERIFY_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Replays that may run at once in this process. A replay is CPU-bound (up to
 * about a second at the build cap, see docs/benchmarks.md), so a burst of
 * requests beyond this is answered 503 instead of stalling every other route.
 */
export const MAX_CONCURRENT_VERIFICATIONS = 4;

const running = createConcurrencyLimit(MAX_CONCURRENT_VERIFICATIONS);

/** Lab definitions by id; labs are files in the repository, so they do not change while the server runs. */
const labs = new Map<string, Lab>();

/** Return the lab with this id, or undefined when there is no such lab folder. */
function findLab(id: string): Lab | undefined {
  if (!labIdPattern.test(id)) return undefined;
  const cached = labs.get(id);
  if (cached !== undefined) return cached;
  if (!listLabIds().includes(id)) return undefined;
  const lab = loadLab(id);
  labs.set(id, lab);
  return lab;
}

/** A verification result as storage returns it, with the time the server recorded it. */
export type LatestVerification = VerificationResult & { createdAt: string };

/** Function that returns a learner's latest stored verification of a lab, or null when there is none. */
export type ReadLatestVerification = (learnerId: string, labId: string) => Promise<LatestVerification | null>;

const learnerIdPattern = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Handle GET /api/labs/{id}/verify?learnerId=…: return `{ verification }`,
 * the learner's latest stored verdict on the lab with its `createdAt`, or
 * null when there is none. Statuses: 200, 400 invalid learnerId, 404 unknown lab.
 */
export async function getLatestVerification(request: Request, labId: string | undefined, read: ReadLatestVerification): Promise<Response> {
  try {
    const lab = labId === undefined ? undefined : findLab(labId);
    if (lab === undefined) {
      log.warn({ status: 404, reason: 'lab not found', labId }, 'request rejected');
      return json(404, { error: `Lab "${labId}" not found` });
    }

    const learnerId = new URL(request.url).searchParams.get('learnerId') ?? '';
    if (!learnerIdPattern.test(learnerId)) {
      log.warn({ status: 400, reason: 'invalid learnerId', labId }, 'request rejected');
      return json(400, { error: 'Invalid learnerId: expected 1-128 letters, digits, "_" or "-" in ?learnerId=', issues: [{ path: 'learnerId', message: 'Expected 1-128 letters, digits, "_" or "-"' }] });
    }
    return json(200, { verification: await read(learnerId, lab.id) });
  } catch (error) {
    log.error({ err: error, labId }, 'reading the latest lab verification failed');
    return json(500, { error: 'Internal server error; the verification could not be read, try again' });
  }
}

/** Function that stores a verification result with the learner's progress. */
export type RecordVerification = (learnerId: string, result: VerificationResult) => Promise<void>;

/**
 * Handle POST /api/labs/{id}/verify: replay the submitted journal and final
 * files on the server and return each task's verdict. Statuses: 200 result,
 * 400 invalid JSON or body (with zod issues), 404 unknown lab, 413 body over
 * 4 MB, 415 not JSON, 503 too many replays running.
 */
export async function postVerification(request: Request, labId: string | undefined, record?: RecordVerification): Promise<Response> {
  try {
    const lab = labId === undefined ? undefined : findLab(labId);
    if (lab === undefined) {
      log.warn({ status: 404, reason: 'lab not found', labId }, 'request rejected');
      return json(404, { error: `Lab "${labId}" not found` });
    }

    const body = await readJsonBody(request, MAX_VERIFY_BODY_BYTES);
    if (!body.ok) {
      const message = body.detail === undefined ? body.reason : `${body.reason}: ${body.detail}`;
      log.warn({ status: body.status, reason: body.reason, labId }, 'request rejected');
      return json(body.status, body.status === 400 ? { error: message, issues: [] } : { error: message });
    }

    const parsed = submissionSchema.safeParse(body.value);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
      log.warn({ status: 400, reason: 'invalid body', labId, paths: issues.map((issue) => issue.path).slice(0, 20) }, 'request rejected');
      return json(400, { error: 'Invalid verification request', issues });
    }

    const release = running.tryAcquire();
    if (release === null) {
      log.warn({ status: 503, reason: 'too many verifications running', labId, learnerId: parsed.data.learnerId }, 'request rejected');
      return json(503, { error: 'The server is verifying other labs; try again in a few seconds' }, { 'retry-after': '2' });
    }
    const started = Date.now();
    let result: VerificationResult;
    try {
      result = await verifyLab(lab, parsed.data);
    } finally {
      release();
    }
    log.info(
      { labId, learnerId: parsed.data.learnerId, passed: result.tasks.filter((task) => task.passed).length, tasks: result.tasks.length, durationMs: Date.now() - started },
      'lab verified',
    );
    if (record !== undefined) await record(parsed.data.learnerId, result);
    return json(200, result);
  } catch (error) {
    log.error({ err: error, labId }, 'lab verification failed');
    return json(500, { error: 'Internal server error; the lab could not be verified, try again' });
  }
}
