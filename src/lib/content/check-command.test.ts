import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
    expect(result.stderr).toMatch(/^\d+ content problems found:/);
  });

  it('rejects two roots', async () => {
    const result = await run(['a', 'b']);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^slipway check: expected at most one ROOT folder, got 2 arguments/);
  });
});
