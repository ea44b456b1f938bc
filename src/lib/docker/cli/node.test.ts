import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repository = resolve(import.meta.dirname, '../../../..');

// `npx slipway` only resolves inside the repository, so the test runs bin/slipway.mjs
// with the pinned Node first on PATH, as npx would.
const slipway = join(repository, 'bin/slipway.mjs');

describe('slipway docker CLI', () => {
  it('builds the heart-model fixture in a folder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'slipway-docker-'));
    try {
      cpSync(join(import.meta.dirname, '../fixtures/heart-model'), folder, { recursive: true });
      const env = { ...process.env, PATH: `${join(repository, 'node_modules/.bin')}:${process.env.PATH ?? ''}` };
      const output = execFileSync('node', [slipway, 'docker', 'build', '-t', 'heart-model:1.0', '.'], { cwd: folder, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(output).toBe('');
      const images = execFileSync('node', [slipway, 'docker', 'images'], { cwd: folder, env, encoding: 'utf8' });
      expect(images).toMatch(/^REPOSITORY\s+TAG\s+IMAGE ID\s+CREATED\s+SIZE\nheart-model\s+1\.0\s+[a-f0-9]{12}\s/);
      const rebuild = spawnSync('node', [slipway, 'docker', 'build', '-t', 'heart-model:1.0', '.'], { cwd: folder, env, encoding: 'utf8' });
      expect(rebuild.status).toBe(0);
      expect(rebuild.stderr).toContain('#0 building with "default" instance using docker driver');
      expect(rebuild.stderr).toMatch(/#\d+ \[4\/6\] RUN pip install --no-cache-dir -r requirements.txt\n#\d+ CACHED/);
      expect(rebuild.stderr).toContain('naming to docker.io/library/heart-model:1.0 done');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
