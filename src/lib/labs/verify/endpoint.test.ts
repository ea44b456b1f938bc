import { describe, expect, it } from 'vitest';
import { loadLab } from '../definition/load.ts';
import { getLatestVerification, MAX_CONCURRENT_VERIFICATIONS, MAX_VERIFY_BODY_BYTES, postVerification, type LatestVerification } from './endpoint.ts';
import { journalFromCommands } from './journal.ts';
import { createConcurrencyLimit } from './limit.ts';
import { REPLAY_TIME } from './replay.ts';
import type { VerificationResult } from './verify.ts';

const url = 'http://127.0.0.1/api/labs/dockerfile-basics/verify';

/** Return the body of a dockerfile-basics solution: solution files, then the solution commands. */
function solutionBody(): string {
  const lab = loadLab('dockerfile-basics');
  const final = { ...lab.files, ...lab.solution, 'app.py': `${lab.files['app.py'] ?? ''}SERVICE_VERSION = "1.0.1"\n` };
  return JSON.stringify({ learnerId: 'learner-1', journal: journalFromCommands(lab.solutionCommands, REPLAY_TIME, lab.solution), files: final });
}

/** Build a POST request with a JSON (or other) body. */
function post(body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }): Request {
  return new Request(url, { method: 'POST', body, headers });
}

describe('POST /api/labs/{id}/verify', () => {
  it('returns each task verdict for a solution', async () => {
    const lab = loadLab('dockerfile-basics');
    const body = solutionBody();
    const recorded: Array<[string, VerificationResult]> = [];
    const response = await postVerification(post(body), 'dockerfile-basics', async (learnerId, result) => {
      recorded.push([learnerId, result]);
    });
    const result = (await response.json()) as VerificationResult;
    expect(response.status).toBe(200);
    expect(result.passedAll).toBe(true);
    expect(result.tasks).toHaveLength(lab.tasks.length);
    expect(recorded.map(([learnerId]) => learnerId)).toEqual(['learner-1']);
  });

  it('rejects client pass flags', async () => {
    const body = JSON.stringify({ learnerId: 'learner-1', journal: [], files: { Dockerfile: 'FROM python:latest\n' }, passedAll: true });
    const response = await postVerification(post(body), 'dockerfile-basics');
    expect(response.status).toBe(400);
    const payload = (await response.json()) as { issues: Array<{ path: string; message: string }> };
    expect(payload.issues[0]?.message).toContain('passedAll');
  });

  it.each<[string, string | undefined, () => Request, number, string]>([
    ['unknown lab', 'no-such-lab', () => post('{}'), 404, 'Lab "no-such-lab" not found'],
    ['lab id with a path', '..', () => post('{}'), 404, 'not found'],
    ['not JSON content type', 'dockerfile-basics', () => post('learnerId=a', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'Content-Type must be application/json'],
    ['invalid JSON', 'dockerfile-basics', () => post('{"learnerId":'), 400, 'Invalid JSON'],
    ['missing fields', 'dockerfile-basics', () => post('{"learnerId":"a"}'), 400, 'Invalid verification request'],
    ['a path escaping the lab', 'dockerfile-basics', () => post(JSON.stringify({ learnerId: 'a', journal: [], files: { '../x': '' } })), 400, 'Invalid verification request'],
    ['the command list of old clients', 'dockerfile-basics', () => post(JSON.stringify({ learnerId: 'a', files: {}, commands: [] })), 400, 'Invalid verification request'],
    ['a declared length over 4 MB', 'dockerfile-basics', () => post('{}', { 'content-type': 'application/json', 'content-length': String(MAX_VERIFY_BODY_BYTES + 1) }), 413, 'larger than'],
    ['a streamed body over 4 MB', 'dockerfile-basics', () => post(JSON.stringify({ learnerId: 'a', journal: [], files: { 'a.txt': 'x'.repeat(MAX_VERIFY_BODY_BYTES) } })), 413, 'larger than'],
  ])('rejects %s', async (_name, labId, request, status, message) => {
    const response = await postVerification(request(), labId);
    expect(response.status).toBe(status);
    const payload = (await response.json()) as { error: string };
    expect(payload.error).toContain(message);
  });

  it('lists zod issues with their paths', async () => {
    const response = await postVerification(post(JSON.stringify({ learnerId: 'a b', journal: [], files: {} })), 'dockerfile-basics');
    const payload = (await response.json()) as { issues: Array<{ path: string; message: string }> };
    expect(response.status).toBe(400);
    expect(payload.issues).toEqual([{ path: 'learnerId', message: 'Expected 1-128 letters, digits, "_" or "-"' }]);
  });
});

describe('GET /api/labs/{id}/verify', () => {
  const stored: LatestVerification = { labId: 'dockerfile-basics', tasks: [{ id: 'build-image', passed: true, detail: 'ok' }], passedAll: true, createdAt: '2026-12-04T21:00:00.000Z' };
  const read = async (learnerId: string, labId: string) => (learnerId === 'learner-1' && labId === 'dockerfile-basics' ? stored : null);

  it.each<[string, string, string, number, unknown]>([
    ['a stored verdict', 'dockerfile-basics', '?learnerId=learner-1', 200, { verification: stored }],
    ['no verdict yet', 'dockerfile-basics', '?learnerId=learner-2', 200, { verification: null }],
    ['a missing learnerId', 'dockerfile-basics', '', 400, undefined],
    ['an invalid learnerId', 'dockerfile-basics', '?learnerId=a%20b', 400, undefined],
    ['an unknown lab', 'no-such-lab', '?learnerId=learner-1', 404, undefined],
  ])('answers %s', async (_name, labId, query, status, body) => {
    const response = await getLatestVerification(new Request(`http://127.0.0.1/api/labs/${labId}/verify${query}`), labId, read);
    expect(response.status).toBe(status);
    if (body !== undefined) expect(await response.json()).toEqual(body);
  });
});

describe('verification concurrency', () => {
  it('answers 503 beyond the running limit', async () => {
    const body = solutionBody();
    const responses = await Promise.all(Array.from({ length: MAX_CONCURRENT_VERIFICATIONS + 3 }, () => postVerification(post(body), 'dockerfile-basics')));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(MAX_CONCURRENT_VERIFICATIONS);
    expect(statuses.filter((status) => status === 503)).toHaveLength(3);
    expect(responses.find((response) => response.status === 503)?.headers.get('retry-after')).toBe('2');
  });

  it('frees the slots afterwards', async () => {
    const lab = loadLab('dockerfile-basics');
    const body = JSON.stringify({ learnerId: 'learner-1', journal: [], files: lab.files });
    const response = await postVerification(post(body), 'dockerfile-basics');
    expect(response.status).toBe(200);
  });

  it.each<[number, number, number]>([
    [1, 1, 0],
    [2, 3, 1],
  ])('limit of %i with %i requests refuses %i', (max, requests, refused) => {
    const limit = createConcurrencyLimit(max);
    const slots = Array.from({ length: requests }, () => limit.tryAcquire());
    expect(slots.filter((slot) => slot === null)).toHaveLength(refused);
    const first = slots[0];
    first?.();
    first?.();
    expect(limit.active).toBe(Math.min(max, requests) - 1);
  });
});
