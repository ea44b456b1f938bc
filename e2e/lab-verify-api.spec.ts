import { expect, test } from '@playwright/test';
import { loadLab } from '../src/lib/labs/definition/load.ts';
import { createInPageRuntime, learnerFiles, runJournaled, starterDisk } from '../src/lib/labs/runtime/inpage.ts';
import type { JournalState } from '../src/lib/labs/verify/journal.ts';

/** Return the submission a lab page sends after the solution: solution files written, then each solution command run and journaled. */
async function solutionSubmission(id: string) {
  const lab = loadLab(id);
  const runtime = await createInPageRuntime({ disk: starterDisk({ ...lab.files, ...lab.solution }), history: [], lab: { id, title: lab.title, tasks: [] } });
  let journal: JournalState = { entries: [], base: { ...lab.files } };
  for (const command of lab.solutionCommands) journal = (await runJournaled(runtime, journal, command, { stdout: () => {}, stderr: () => {} })).journal;
  return { learnerId: 'e2e-learner', journal: journal.entries, files: learnerFiles(runtime.fs.snapshot()) };
}

test.describe('POST /api/labs/{id}/verify', () => {
  for (const id of ['dockerfile-basics', 'image-versions']) {
    test(`${id} solution passes every task`, async ({ request }) => {
      const response = await request.post(`/api/labs/${id}/verify`, { data: await solutionSubmission(id) });
      expect(response.status()).toBe(200);
      const result = (await response.json()) as { labId: string; passedAll: boolean; tasks: Array<{ id: string; passed: boolean }> };
      expect(result.labId).toBe(id);
      expect(result.tasks.filter((task) => !task.passed)).toEqual([]);
      expect(result.passedAll).toBe(true);
    });
  }

  test('GET returns the latest stored verdict', async ({ request }) => {
    const learnerId = `e2e-latest-${Date.now()}`;
    const none = await request.get(`/api/labs/dockerfile-basics/verify?learnerId=${learnerId}`);
    expect(none.status()).toBe(200);
    expect(await none.json()).toEqual({ verification: null });

    await request.post('/api/labs/dockerfile-basics/verify', { data: { ...(await solutionSubmission('dockerfile-basics')), learnerId } });
    const latest = await request.get(`/api/labs/dockerfile-basics/verify?learnerId=${learnerId}`);
    const body = (await latest.json()) as { verification: { passedAll: boolean; createdAt: string } | null };
    expect(body.verification?.passedAll).toBe(true);
    expect(Date.parse(body.verification?.createdAt ?? '')).not.toBeNaN();

    const invalid = await request.get('/api/labs/dockerfile-basics/verify?learnerId=a%20b');
    expect(invalid.status()).toBe(400);
  });

  test('starter files fail', async ({ request }) => {
    const lab = loadLab('dockerfile-basics');
    const response = await request.post('/api/labs/dockerfile-basics/verify', { data: { learnerId: 'e2e-learner', journal: [], files: lab.files } });
    const result = (await response.json()) as { passedAll: boolean };
    expect(response.status()).toBe(200);
    expect(result.passedAll).toBe(false);
  });

  const rejections: Array<[string, string, string, string, number]> = [
    ['an unknown lab', '/api/labs/no-such-lab/verify', 'application/json', '{}', 404],
    ['a form body', '/api/labs/dockerfile-basics/verify', 'application/x-www-form-urlencoded', 'a=1', 415],
    ['broken JSON', '/api/labs/dockerfile-basics/verify', 'application/json', '{"learnerId":', 400],
    ['a path outside the lab', '/api/labs/dockerfile-basics/verify', 'application/json', JSON.stringify({ learnerId: 'a', journal: [], files: { '../x': '' } }), 400],
    ['a journal path outside the lab', '/api/labs/dockerfile-basics/verify', 'application/json', JSON.stringify({ learnerId: 'a', journal: [{ at: '2026-12-04T21:00:00.000Z', files: { '../x': '' }, command: 'ls' }], files: {} }), 400],
    ['a body over 4 MB', '/api/labs/dockerfile-basics/verify', 'application/json', JSON.stringify({ learnerId: 'a', journal: [], files: { 'a.txt': 'x'.repeat(4_400_000) } }), 413],
  ];
  for (const [name, path, contentType, body, status] of rejections) {
    test(`rejects ${name}`, async ({ request }) => {
      const response = await request.post(path, { headers: { 'content-type': contentType }, data: body });
      expect(response.status()).toBe(status);
      expect(((await response.json()) as { error: string }).error).not.toBe('');
    });
  }
});
