import { publicQuestion, submissionBodySchema } from '../grading/index.ts';
import { formatIssuePath } from '../content/errors.ts';
import { log } from '../log.ts';
import { findCheckpoint } from './checkpoints.ts';
import { json, readJsonBody, reject, type RequestIds } from './http.ts';
import { getStorage } from './storage.ts';
import { submitAnswer } from './submit.ts';
import { summarizeLearner } from './summary.ts';

const learnerIdPattern = /^[A-Za-z0-9_-]{1,128}$/;

/** Respond 405 with the methods a route accepts. */
export function methodNotAllowed(request: Request, allow: string, checkpointId: string | undefined): Response {
  return reject(405, `Method ${request.method} is not allowed; use ${allow}`, { checkpointId }, undefined, { allow });
}

/** Respond 500 after logging an unexpected error with the request's ids. */
function internalError(error: unknown, ids: RequestIds, message: string): Response {
  log.error({ err: error, ...ids }, 'request failed');
  return json(500, { error: message });
}

/**
 * Handle GET /api/checkpoints/{id}: the public question, and with
 * `?learnerId=` also that learner's standing on it.
 */
export async function getCheckpoint(request: Request, checkpointId: string | undefined): Promise<Response> {
  try {
    const checkpoint = checkpointId === undefined ? undefined : findCheckpoint(checkpointId);
    if (checkpoint === undefined) return reject(404, `Checkpoint "${checkpointId}" not found`, { checkpointId });

    const learnerId = new URL(request.url).searchParams.get('learnerId');
    if (learnerId === null) return json(200, { question: publicQuestion(checkpoint) });
    if (!learnerIdPattern.test(learnerId)) {
      return reject(400, 'learnerId must be 1-128 letters, digits, "_" or "-"', { checkpointId });
    }

    const storage = await getStorage();
    const history = await storage.listAttempts(learnerId, checkpoint.id);
    return json(200, { question: publicQuestion(checkpoint), learner: summarizeLearner(learnerId, checkpoint, history) });
  } catch (error) {
    return internalError(error, { checkpointId }, 'Internal server error; retry the request');
  }
}

/** Handle POST /api/checkpoints/{id}/submissions. */
export async function postSubmission(request: Request, checkpointId: string | undefined): Promise<Response> {
  let ids: RequestIds = { checkpointId };
  try {
    const checkpoint = checkpointId === undefined ? undefined : findCheckpoint(checkpointId);
    if (checkpoint === undefined) return reject(404, `Checkpoint "${checkpointId}" not found`, { checkpointId });

    const body = await readJsonBody(request);
    if (!body.ok) {
      const message = body.detail === undefined ? body.reason : `${body.reason}: ${body.detail}`;
      const errorBody = body.status === 400 ? { error: message, issues: [] } : { error: message };
      return reject(body.status, body.reason, { checkpointId }, errorBody);
    }

    const parsed = submissionBodySchema.safeParse(body.value);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
      log.warn({ status: 400, reason: 'invalid body', checkpointId, paths: issues.map((issue) => issue.path) }, 'request rejected');
      return json(400, { error: 'Invalid submission body', issues });
    }

    ids = { checkpointId, learnerId: parsed.data.learnerId, submissionId: parsed.data.submissionId };
    const storage = await getStorage();
    const outcome = await submitAnswer(storage, checkpoint, parsed.data);

    switch (outcome.kind) {
      case 'created':
        return json(201, outcome.response);
      case 'replayed':
        return json(200, outcome.response);
      case 'conflict':
        return reject(409, 'submissionId was already used with a different payload; send a new submissionId', ids);
      case 'rate-limited': {
        const seconds = outcome.retryAfterSeconds;
        const reason = `Too many submissions: wait ${seconds} s before the next one`;
        return reject(429, reason, ids, { error: reason, retryAfterSeconds: seconds }, { 'retry-after': String(seconds) });
      }
    }
  } catch (error) {
    const message = 'Internal server error; the submission may not have been stored, so resend it with the same submissionId';
    return internalError(error, ids, message);
  }
}
