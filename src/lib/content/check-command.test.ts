import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatProblems } from './check.ts';
import { runCheck } from './check-command.ts';

const roots: string[] = [];

afterEach(() => {
  vi.restoreAllMocks();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Runs `slipway check` with arguments and returns the exit code and what it wrote. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = await runCheck(args);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

describe('slipway check', () => {
  it('passes on the repository content', async () => {
    const result = await run([process.cwd()]);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Content OK: /);
  });

  it('lists problems and exits 1', async () => {
    const root = mkdtempSync(join(tmpdir(), 'slipway-check-'));
    roots.push(root);
    mkdirSync(join(root, 'src/data'), { recursive: true });
    writeFileSync(join(root, 'src/data/course.yaml'), 'title: T\ndescription: D\nparts:\n  - id: containers\n    title: C\n');
    mkdirSync(join(root, 'src/content/lessons'), { recursive: true });
    writeFileSync(join(root, 'src/content/lessons/a.mdx'), '---\ntitle: A\n---\n');

    const result = await run([root]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('src/content/lessons/a.mdx: description: Required field missing; expected a one-sentence string description');
    expect(result.stderr).toMatch(/^\d+ content problems in \d+ files?:/);
  });

  it('counts every printed problem', async () => {
    const root = mkdtempSync(join(tmpdir(), 'slipway-check-'));
    roots.push(root);
    cpSync(join(process.cwd(), 'src/data'), join(root, 'src/data'), { recursive: true });
    mkdirSync(join(root, 'src/content/lessons'), { recursive: true });
    writeFileSync(
      join(root, 'src/content/lessons/a.mdx'),
      '---\ntitle: A\ndescription: D\npart: deploymnet\norder: 1\nduraton: 18\nobjectives: [x]\ncheckpoint: cold-start\n---\n',
    );
    mkdirSync(join(root, 'quizzes'));
    writeFileSync(
      join(root, 'quizzes/q.yaml'),
      'id: q\nkind: freetext\ntitle: T\nprompt: P\noptions: [serverless, edge]\nanswer: servreless\nfeedback: { serverless: Yes., edge: No. }\nsolution: S\n',
    );

    const result = await run([root]);
    const printed = result.stderr.split('\n').filter((line) => /^(src|quizzes|labs)\//.test(line));

    expect(result.code).toBe(1);
    expect(printed).toEqual([
      'src/content/lessons/a.mdx: part: Expected one of the part ids in src/data/course.yaml: "containers", "deployment", found "deploymnet". Did you mean "deployment"?',
      'src/content/lessons/a.mdx: duraton: Unknown field "duraton"; did you mean "duration"?',
      'src/content/lessons/a.mdx: checkpoint: Checkpoint "cold-start" not found: expected quizzes/cold-start.yaml; fix the id or add the checkpoint',
      'quizzes/q.yaml: kind: Expected one of "single", "multiple", "scenario", "free-text", found "freetext". Did you mean "free-text"?',
      'quizzes/q.yaml: answer: Unknown option "servreless"; expected one of "serverless", "edge". Did you mean "serverless"?',
    ]);
    expect(result.stderr).toMatch(/^5 content problems in 2 files:\n/);
  });

  it('rejects two roots', async () => {
    const result = await run(['a', 'b']);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^slipway check: expected at most one ROOT folder, got 2 arguments/);
  });
});

describe('formatProblems', () => {
  const rows: Array<[string, string[], string]> = [
    ['one line', ['a.mdx: title: Missing'], '1 content problem in 1 file:'],
    ['fix lines not counted', ['q.yaml: answer: Unknown\nq.yaml: kind: Unknown\nFix: Set kind.'], '2 content problems in 1 file:'],
    ['line and column stripped', ['q.yaml:6:1: invalid YAML: x\nFix: Correct it.', 'q.yaml: id: Wrong', 'b.mdx: order: Duplicate'], '3 content problems in 2 files:'],
  ];
  it.each(rows)('%s', (_name, problems, heading) => {
    expect(formatProblems(problems).split('\n')[0]).toBe(heading);
  });
});
