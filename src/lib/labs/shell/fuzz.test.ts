import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDockerEngine } from '../../docker/index.ts';
import { MemoryFileSystem } from '../../vfs/index.ts';
import { LAB_ROOT } from './layout.ts';
import { parseLine } from './parse.ts';
import { createShell } from './shell.ts';

/** Characters that matter to the parser, mixed with ordinary ones. */
const shellText = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '"', "'", '\\', '$', '{', '}', '>', '<', '|', '&', ';', '2', '~', '*', '#', '\n', '(', ')', '-', '/', '.'), maxLength: 40 });

describe('shell on arbitrary input', () => {
  it('parseLine returns a result for any text', () => {
    fc.assert(
      fc.property(shellText, (line) => {
        const result = parseLine(line);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('execute resolves to a status for any text', async () => {
    const fs = MemoryFileSystem.fromFiles({ [`${LAB_ROOT}/app.py`]: 'print(1)\n' });
    const shell = createShell({ fs, cwd: LAB_ROOT, docker: createDockerEngine({ fs, stateDir: '/var/lib/docker' }), builtins: ['cat', 'cd', 'echo', 'ls', 'mkdir', 'pwd', 'touch'] });
    await fc.assert(
      fc.asyncProperty(shellText, async (line) => {
        const status = await shell.execute(line, { stdout: () => {}, stderr: () => {} });
        expect(Number.isInteger(status)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
