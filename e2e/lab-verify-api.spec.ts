import { expect, test } from '@playwright/test';
import { loadLab } from '../src/lib/labs/definition/load.ts';

/** Return the submission of a lab's solution: starter and solution files plus the solution commands. */
function solutionSubmission(id: string) {
  const lab = loadLab(id);
  return { learnerId: 'e2e-learner', files: { ...lab.files, ...lab.solution }, commands: lab.solutionCommands };
}

test.describe('POST /api/labs/{id}/verify', () => {
  for (const id of ['dockerfile-basics', 'image-versions']) {
    test(`${id} solution passes every task`, async ({ request }) => {
      const response = await request.post(`/api/labs/${id}/verify`, { data: solutionSubmission(id) });
      expect(response.status()).toBe(200);
      const result = (await response.json()) as { labId: string; passedAll: boolean; tasks: Array<{ id: string; passed: boolean }> };
      expect(result.labId).toBe(id);
      expect(result.tasks.filter((task) => !task.passed)).toEqual([]);
      expect(result.passedAll).toBe(true);
    });
  }

  test('starter files fail', async ({ request }) => {
    const lab = loadLab('dockerfile-basics');
    const response = await request.post('/api/labs/dockerfile-basics/verify', { data: { learnerId: 'e2e-learner', files: lab.files, commands: [] } });
    const result = (await response.json()) as { passedAll: boolean };
    expect(response.status()).toBe(200);
    expect(result.passedAll).toBe(false);
  });

  const rejections: Array<[string, string, string, string, number]> = [
    ['an unknown lab', '/api/labs/no-such-lab/verify', 'application/json', '{}', 404],
    ['a form body', '/api/labs/dockerfile-basics/verify', 'application/x-www-form-urlencoded', 'a=1', 415],
    ['broken JSON', '/api/labs/dockerfile-basics/verify', 'application/json', '{"learnerId":', 400],
    ['a path outside the lab', '/api/labs/dockerfile-basics/verify', 'application/json', JSON.stringify({ learnerId: 'a', files: { '../x': '' }, commands: [] }), 400],
    ['a body over 2 MB', '/api/labs/dockerfile-basics/verify', 'application/json', JSON.stringify({ learnerId: 'a', files: { 'a.txt': 'x'.repeat(2_200_000) }, commands: [] }), 413],
  ];
  for (const [name, path, contentType, body, status] of rejections) {
    test(`rejects ${name}`, async ({ request }) => {
      const response = await request.post(path, { headers: { 'content-type': contentType }, data: body });
      expect(response.status()).toBe(status);
      expect(((await response.json()) as { error: string }).error).not.toBe('');
    });
  }
});
