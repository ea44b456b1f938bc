import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoints, type Checkpoint } from '../../src/lib/grading/index.ts';
import { submitAnswer } from '../../src/lib/grading-service/submit.ts';
import type { Storage } from '../../src/lib/storage/index.ts';
import { collectKeyTexts, findLeaks } from './client-files.ts';
import { backendNames, createBackend, createContentRoot, unlimitedId, type ApiBackend } from './backends.ts';
import { buildSite, startServer, type Build, type RunningServer } from './server.ts';

const wrongChoice = 'serverless';
const rightChoice = 'edge';

let build: Build;
let content: ReturnType<typeof createContentRoot>;
let checkpoints: Map<string, Checkpoint>;

beforeAll(() => {
  build = buildSite();
  content = createContentRoot();
  checkpoints = loadCheckpoints(content.root);
}, 180_000);

afterAll(() => {
  content?.dispose();
  build?.dispose();
});

/** Return a submission body for `learnerId` with a fresh submission id. */
function body(learnerId: string, choice: string, submissionId = crypto.randomUUID()): Record<string, unknown> {
  return { learnerId, submissionId, answer: { choice }, client: 'api' };
}

/** Return a learner id that no other test uses. */
function newLearner(): string {
  return `learner-${crypto.randomUUID()}`;
}

/** POST a JSON value to a checkpoint's submissions endpoint. */
async function post(baseUrl: string, checkpointId: string, value: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/checkpoints/${checkpointId}/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  });
}

/** Send a raw request with node:http, so headers such as Transfer-Encoding are exactly as given. */
async function rawRequest(
  url: string,
  method: string,
  headers: Record<string, string>,
  chunks: Array<string | Buffer>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    // The server may answer 413 and close before the whole body is sent.
    req.on('error', (error) => reject(error));
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe.each(backendNames())('grading API on $name', ({ name, skip }) => {
  let backend: ApiBackend;
  let server: RunningServer;
  let storage: Storage;
  let base: string;

  beforeAll(async () => {
    if (skip) return;
    backend = await createBackend(name);
    server = await startServer(build.outDir, { ...backend.env, SLIPWAY_ROOT: content.root });
    storage = await backend.open();
    base = server.url;
  }, 60_000);

  afterAll(async () => {
    if (skip) return;
    await server.stop();
    await storage.close();
    await backend.dispose();
  });

  it.skipIf(skip)('GET returns the public question only', async () => {
    const response = await fetch(`${base}/api/checkpoints/heart-rate`);
    const text = await response.text();
    const checkpoint = checkpoints.get('heart-rate') as Checkpoint;

    expect(response.status).toBe(200);
    const { question } = JSON.parse(text) as { question: Record<string, unknown> };
    expect(question.id).toBe('heart-rate');
    expect((question.options as Array<{ id: string }>).map((option) => option.id)).toEqual(
      checkpoint.options.map((option) => option.id),
    );
    expect(Object.keys(question)).not.toContain('answer');
    expect(text).not.toContain(checkpoint.solution);
    for (const hint of checkpoint.hints) expect(text).not.toContain(hint);
    for (const option of checkpoint.options) {
      for (const line of option.feedback) expect(text).not.toContain(line.message);
    }
  });

  it.skipIf(skip)('HEAD returns GET status without body', async () => {
    const known = await fetch(`${base}/api/checkpoints/heart-rate`, { method: 'HEAD' });
    const unknown = await fetch(`${base}/api/checkpoints/no-such-checkpoint`, { method: 'HEAD' });

    expect(known.status).toBe(200);
    expect(await known.text()).toBe('');
    expect(unknown.status).toBe(404);
  });

  it.skipIf(skip)('GET unknown checkpoint is 404', async () => {
    const response = await fetch(`${base}/api/checkpoints/no-such-checkpoint`);

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Checkpoint "no-such-checkpoint" not found' });
  });

  it.skipIf(skip)('GET with invalid learnerId is 400', async () => {
    const response = await fetch(`${base}/api/checkpoints/heart-rate?learnerId=${encodeURIComponent('a b')}`);

    expect(response.status).toBe(400);
  });

  it.skipIf(skip)('GET with learnerId summarizes attempts', async () => {
    const learnerId = newLearner();
    const empty = await fetch(`${base}/api/checkpoints/heart-rate?learnerId=${learnerId}`);
    expect(((await empty.json()) as { learner: unknown }).learner).toMatchObject({
      attemptsUsed: 0,
      bestScore: 0,
      passed: false,
      last: null,
    });

    const graded = await post(base, 'heart-rate', body(learnerId, wrongChoice));
    expect(graded.status).toBe(201);
    const response = await fetch(`${base}/api/checkpoints/heart-rate?learnerId=${learnerId}`);
    const { learner } = (await response.json()) as { learner: Record<string, unknown> };

    expect(learner.attemptsUsed).toBe(1);
    expect(learner.attemptsLeft).toBe(2);
    expect(learner.passed).toBe(false);
    expect(learner.retryAfterSeconds).toBeGreaterThan(0);
    expect((learner.last as { feedback: unknown[] }).feedback.length).toBeGreaterThan(0);
    expect(learner.hints).toEqual(checkpoints.get('heart-rate')?.hints.slice(0, 1));
    expect(learner.solution).toBeUndefined();
  });

  it.skipIf(skip).each([
    ['PUT', '/api/checkpoints/heart-rate/submissions', 'POST'],
    ['GET', '/api/checkpoints/heart-rate/submissions', 'POST'],
    ['DELETE', '/api/checkpoints/heart-rate', 'GET, HEAD'],
    ['POST', '/api/checkpoints/heart-rate', 'GET, HEAD'],
  ])('%s %s is 405', async (method, path, allow) => {
    const response = await fetch(`${base}${path}`, { method });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
  });

  it.skipIf(skip)('POST new submission is 201', async () => {
    const learnerId = newLearner();
    const sent = body(learnerId, wrongChoice);
    const response = await post(base, 'heart-rate', sent);
    const result = (await response.json()) as Record<string, unknown>;

    expect(response.status).toBe(201);
    expect(result).toMatchObject({
      submissionId: sent.submissionId,
      checkpointId: 'heart-rate',
      attempt: 1,
      attemptsUsed: 1,
      maxAttempts: 3,
      attemptsLeft: 2,
      status: 'graded',
      score: 0,
      passed: false,
      bestScore: 0,
      locked: false,
    });
    expect((result.feedback as Array<{ message: string }>)[0]?.message).toMatch(/Serverless/);
    const stored = await storage.findSubmission(learnerId, 'heart-rate', String(sent.submissionId));
    expect(stored?.attempt).toBe(1);
    expect(stored?.client).toBe('api');
  });

  it.skipIf(skip)('replay returns stored result with 200', async () => {
    const learnerId = newLearner();
    const sent = body(learnerId, rightChoice);
    const first = await post(base, 'heart-rate', sent);
    const firstBody = await first.json();
    // Same payload with keys in another order: the canonical JSON hash must match.
    const reordered = { client: sent.client, answer: sent.answer, submissionId: sent.submissionId, learnerId };
    const replay = await post(base, 'heart-rate', reordered);

    expect(first.status).toBe(201);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual(firstBody);
    expect(await storage.listAttempts(learnerId, 'heart-rate')).toHaveLength(1);
  });

  it.skipIf(skip)('same submissionId other payload is 409', async () => {
    const learnerId = newLearner();
    const submissionId = crypto.randomUUID();
    const first = await post(base, 'heart-rate', body(learnerId, wrongChoice, submissionId));
    const conflict = await post(base, 'heart-rate', body(learnerId, rightChoice, submissionId));

    expect(first.status).toBe(201);
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { error: string }).error).toMatch(/different payload/);
    const stored = await storage.listAttempts(learnerId, 'heart-rate');
    expect(stored.map((row) => row.answerJson)).toEqual([JSON.stringify({ choice: wrongChoice })]);
  });

  it.skipIf(skip).each([
    ['invalid JSON', '{"learnerId": "x",', '(none)'],
    ['choice not a string', JSON.stringify({ ...body('L', 'x'), answer: { choice: 5 } }), 'answer.choice'],
    ['missing learnerId', JSON.stringify({ submissionId: 's', answer: { choice: 'edge' } }), 'learnerId'],
    ['learnerId with spaces', JSON.stringify(body('a b', 'edge')), 'learnerId'],
    ['unknown client', JSON.stringify({ ...body('L', 'edge'), client: 'robot' }), 'client'],
    ['a JSON array', '[]', '(root)'],
  ])('malformed body (%s) is 400', async (_case, text, path) => {
    const response = await fetch(`${base}/api/checkpoints/heart-rate/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    const result = (await response.json()) as { error: string; issues: Array<{ path: string; message: string }> };

    expect(response.status).toBe(400);
    expect(result.error).toMatch(/Invalid/);
    if (path === '(none)') expect(result.issues).toEqual([]);
    else expect(result.issues.map((issue) => issue.path)).toContain(path);
    expect(await storage.listAttempts('L', 'heart-rate')).toEqual([]);
  });

  it.skipIf(skip)('POST unknown checkpoint is 404', async () => {
    const response = await post(base, 'no-such-checkpoint', body(newLearner(), rightChoice));

    expect(response.status).toBe(404);
  });

  it.skipIf(skip)('declared large body is 413', async () => {
    const learnerId = newLearner();
    const large = JSON.stringify({ ...body(learnerId, 'x'), answer: { text: 'a'.repeat(17 * 1024) } });
    const response = await post(base, 'heart-rate', JSON.parse(large));

    expect(response.status).toBe(413);
    expect(await storage.listAttempts(learnerId, 'heart-rate')).toEqual([]);
  });

  it.skipIf(skip)('chunked large body is 413', async () => {
    const learnerId = newLearner();
    const prefix = `{"learnerId":"${learnerId}","submissionId":"s","answer":{"text":"`;
    const chunks = [prefix, ...Array.from({ length: 20 }, () => 'a'.repeat(1024)), '"}}'];
    const response = await rawRequest(
      `${base}/api/checkpoints/heart-rate/submissions`,
      'POST',
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks,
    );

    expect(response.status).toBe(413);
    expect(await storage.listAttempts(learnerId, 'heart-rate')).toEqual([]);
  });

  it.skipIf(skip).each([['text/plain'], ['application/x-www-form-urlencoded'], ['application/jsonp'], ['']])(
    'content type "%s" is 415',
    async (contentType) => {
      const headers: Record<string, string> = contentType === '' ? {} : { 'content-type': contentType };
      const response = await rawRequest(`${base}/api/checkpoints/heart-rate/submissions`, 'POST', headers, [
        JSON.stringify(body(newLearner(), rightChoice)),
      ]);

      expect(response.status).toBe(415);
    },
  );

  it.skipIf(skip)('content type with charset is accepted', async () => {
    const response = await fetch(`${base}/api/checkpoints/heart-rate/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'Application/JSON; charset=utf-8' },
      body: JSON.stringify(body(newLearner(), rightChoice)),
    });

    expect(response.status).toBe(201);
  });

  it.skipIf(skip)('second graded answer too soon is 429', async () => {
    const learnerId = newLearner();
    const first = await post(base, 'heart-rate', body(learnerId, wrongChoice));
    const tooSoon = await post(base, 'heart-rate', body(learnerId, rightChoice));
    // An answer the engine rejects as invalid costs nothing and is not rate limited.
    const invalid = await post(base, 'heart-rate', body(learnerId, 'no-such-option'));

    expect(first.status).toBe(201);
    expect(tooSoon.status).toBe(429);
    const retryAfter = Number(tooSoon.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    expect(invalid.status).toBe(201);
    expect(await invalid.json()).toMatchObject({ status: 'invalid', attempt: null, countsAsAttempt: false });
    const stored = await storage.listAttempts(learnerId, 'heart-rate');
    expect(stored.map((row) => [row.status, row.attempt])).toEqual([
      ['graded', 1],
      ['invalid', null],
    ]);
  });

  it.skipIf(skip)('answers after maxAttempts are practice', async () => {
    const learnerId = newLearner();
    const checkpoint = checkpoints.get('heart-rate') as Checkpoint;
    const minuteAgo = Date.now() - 60_000;
    for (const offset of [0, 10_000, 20_000]) {
      await submitAnswer(storage, checkpoint, body(learnerId, wrongChoice) as never, () => new Date(minuteAgo + offset));
    }
    const response = await post(base, 'heart-rate', body(learnerId, rightChoice));
    const result = (await response.json()) as Record<string, unknown>;

    expect(response.status).toBe(201);
    expect(result).toMatchObject({
      attempt: null,
      countsAsAttempt: false,
      attemptsUsed: 3,
      attemptsLeft: 0,
      status: 'graded',
      passed: true,
      bestScore: 0,
      locked: true,
      solution: checkpoint.solution,
    });
    const summary = await fetch(`${base}/api/checkpoints/heart-rate?learnerId=${learnerId}`);
    const { learner } = (await summary.json()) as { learner: Record<string, unknown> };
    expect(learner).toMatchObject({ attemptsUsed: 3, attemptsLeft: 0, bestScore: 0, passed: false, locked: true });
  });

  it.skipIf(skip)('200 concurrent submissions are all stored', async () => {
    const learners = Array.from({ length: 4 }, () => newLearner());
    // Wrong answers only: a pass locks the checkpoint and later answers would not count.
    const wrongChoices = ['container', 'serverless', 'managed-platform', 'model-as-a-service'];
    const sent = Array.from({ length: 200 }, (_, index) =>
      body(learners[index % learners.length] ?? '', wrongChoices[index % wrongChoices.length] ?? wrongChoice),
    );
    const responses = await Promise.all(sent.map((value) => post(base, unlimitedId, value)));

    expect(responses.map((response) => response.status)).toEqual(sent.map(() => 201));
    const stored = await storage.listAllAttempts(unlimitedId);
    const ours = stored.filter((row) => learners.includes(row.learnerId));
    expect(ours).toHaveLength(200);
    for (const learnerId of learners) {
      const numbers = ours
        .filter((row) => row.learnerId === learnerId)
        .map((row) => row.attempt ?? 0)
        .sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    }
  });

  it.skipIf(skip)('CLI grades as the API does', async () => {
    // Two learners with attempt histories, free text, a clarify reply, an invalid answer and reasons.
    const ana = newLearner();
    const bo = newLearner();
    const sequence: Array<[string, Record<string, unknown>]> = [
      [ana, { choice: 'serverless', reasons: ['latency', 'steady-traffic'] }],
      [ana, { text: 'edge or serverless' }],
      [ana, { choice: 'no-such-option' }],
      [ana, { text: 'not serverless, run it on the watch with Core ML' }],
      [ana, { choice: 'container' }],
      [bo, { choice: 'model-as-a-service' }],
      [bo, { choice: 'managed-platform', reasons: ['offline'] }],
      [bo, { choice: 'edge', reasons: ['latency', 'offline', 'data-on-device'] }],
    ];
    const lines = sequence.map(([learnerId, answer], index) => ({ checkpointId: unlimitedId, learnerId, submissionId: `cli-${index}`, answer }));

    const viaApi: Array<Record<string, unknown>> = [];
    for (const { learnerId, submissionId, answer } of lines) {
      const response = await post(base, unlimitedId, { learnerId, submissionId, answer, client: 'api' });
      expect(response.status).toBe(201);
      viaApi.push((await response.json()) as Record<string, unknown>);
    }

    const dir = mkdtempSync(join(tmpdir(), 'slipway-cli-api-'));
    try {
      const input = join(dir, 'submissions.jsonl');
      writeFileSync(input, lines.map((line) => JSON.stringify(line)).join('\n'));
      const cli = spawnSync(process.execPath, ['bin/slipway.mjs', 'grade', input], {
        encoding: 'utf8',
        env: { ...process.env, SLIPWAY_ROOT: content.root },
      });
      expect(cli.status).toBe(0);
      const viaCli = cli.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

      // Everything the grade consists of; ids, versions and times differ by design.
      const gradeFields = ['status', 'attempt', 'countsAsAttempt', 'attemptsUsed', 'attemptsLeft', 'score', 'rawScore', 'passed', 'bestScore', 'locked', 'feedback', 'hints', 'solution', 'interpretedAs'];
      const pick = (result: Record<string, unknown>) => Object.fromEntries(gradeFields.map((field) => [field, result[field]]));
      expect(viaCli).toHaveLength(lines.length);
      expect(viaApi.map((result) => result.status)).toEqual(['graded', 'clarify', 'invalid', 'graded', 'graded', 'graded', 'graded', 'graded']);
      viaCli.forEach((result, index) => {
        expect(pick(result), `line ${index + 1}`).toEqual(pick(viaApi[index] ?? {}));
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(skip)('concurrent replays store one attempt', async () => {
    const learnerId = newLearner();
    const sent = body(learnerId, rightChoice);
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(base, unlimitedId, sent)));
    const statuses = responses.map((response) => response.status).sort();

    expect(statuses).toEqual([...Array.from({ length: 19 }, () => 200), 201]);
    expect(await storage.listAttempts(learnerId, unlimitedId)).toHaveLength(1);
  });
});

describe.each(backendNames())('server killed mid-load on $name', ({ name, skip }) => {
  it.skipIf(skip)('keeps every acknowledged attempt', async () => {
    const backend = await createBackend(name);
    const server = await startServer(build.outDir, { ...backend.env, SLIPWAY_ROOT: content.root });
    const acknowledged: Array<{ learnerId: string; submissionId: string }> = [];
    let killed = false;

    // Keep 32 requests in flight until the server dies; kill it after 300 acknowledgements.
    const worker = async (): Promise<void> => {
      while (!killed) {
        const sent = body(newLearner(), rightChoice);
        try {
          const response = await post(server.url, unlimitedId, sent);
          if (response.status === 201) {
            acknowledged.push({ learnerId: String(sent.learnerId), submissionId: String(sent.submissionId) });
          }
        } catch {
          // The connection dropped because the server was killed: not acknowledged.
        }
        if (acknowledged.length >= 300 && !killed) {
          killed = true;
          server.process.kill('SIGKILL');
        }
      }
    };
    const exited = new Promise((resolve) => server.process.once('exit', resolve));
    await Promise.all(Array.from({ length: 32 }, () => worker()));
    await exited;

    const storage = await backend.open();
    try {
      const stored = new Set((await storage.listAllAttempts(unlimitedId)).map((row) => `${row.learnerId}/${row.submissionId}`));
      const lost = acknowledged.filter((ack) => !stored.has(`${ack.learnerId}/${ack.submissionId}`));
      expect(acknowledged.length).toBeGreaterThanOrEqual(300);
      expect(lost).toEqual([]);
      expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await storage.close();
    }

    if (name === 'sqlite') {
      const db = new DatabaseSync(backend.env.SLIPWAY_DB ?? '');
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      db.close();
    }
    await backend.dispose();
  }, 60_000);
});

describe('storage that cannot open', () => {
  it('fails submissions with 500', async () => {
    // A file cannot hold a folder, so creating the database's folder fails on every request.
    const server = await startServer(build.outDir, { SLIPWAY_DB: '/dev/null/slipway.db', SLIPWAY_ROOT: content.root });
    try {
      const submission = await post(server.url, 'heart-rate', body(newLearner(), rightChoice));
      const question = await fetch(`${server.url}/api/checkpoints/heart-rate`);

      expect(submission.status).toBe(500);
      expect(((await submission.json()) as { error: string }).error).toMatch(/resend it with the same submissionId/);
      expect(question.status).toBe(200);
      expect(server.stderr()).toBe('');
    } finally {
      await server.stop();
    }
  }, 60_000);
});

describe('built checkpoint HTML', () => {
  it.each([['lessons/heart-rate-checkpoint/index.html'], ['checkpoints/heart-rate/index.html']])(
    '%s hides the key',
    (page) => {
      const html = readFileSync(join(build.outDir, 'client', page), 'utf8');
      // Decode the entities Astro escapes, so an escaped leak would still match.
      const section = (/<section[^>]*class="checkpoint"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '')
        .replaceAll('&#39;', "'")
        .replaceAll('&#x27;', "'")
        .replaceAll('&quot;', '"')
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&amp;', '&');
      const checkpoint = checkpoints.get('heart-rate') as Checkpoint;

      expect(section).toContain(checkpoint.title);
      expect(section).not.toContain(checkpoint.solution);
      for (const hint of checkpoint.hints) expect(section).not.toContain(hint);
      for (const option of checkpoint.options) {
        for (const line of option.feedback) expect(section).not.toContain(line.message);
      }
      for (const reason of checkpoint.reasons) expect(section).not.toContain(reason.ticked);
    },
  );
});

describe('client files', () => {
  it('contain no key or feedback text', () => {
    // Every checkpoint of the repository, because the build mounts them all.
    const keyTexts = collectKeyTexts(loadCheckpoints(process.cwd()).values());
    const { files, leaks } = findLeaks(join(build.outDir, 'client'), keyTexts);

    expect(keyTexts.length).toBeGreaterThan(50);
    expect(files).toBeGreaterThan(10);
    expect(leaks).toEqual([]);
  });

  it.each([
    ['HTML-escaped island props', (text: string) => `<astro-island props="{&quot;f&quot;:[0,&quot;${text.replaceAll("'", '&#39;')}&quot;]}">`],
    ['a JavaScript string', (text: string) => `const f = ${JSON.stringify(text)};`],
  ])('scanner finds a leak in %s', (_case, encode) => {
    const checkpoint = checkpoints.get('heart-rate') as Checkpoint;
    const line = checkpoint.options.find((option) => option.id === 'serverless')?.feedback.at(-1)?.message ?? '';
    const dir = mkdtempSync(join(tmpdir(), 'slipway-leak-'));
    try {
      mkdirSync(join(dir, '_astro'));
      writeFileSync(join(dir, '_astro', 'page.js'), encode(line));
      const { leaks } = findLeaks(dir, collectKeyTexts([checkpoint]));

      expect(line.length).toBeGreaterThan(20);
      expect(leaks).toContainEqual({ file: join('_astro', 'page.js'), checkpointId: 'heart-rate', field: expect.stringMatching(/^options\.serverless\.feedback/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
