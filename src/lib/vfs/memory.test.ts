import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from './memory.ts';
import { normalizePath, resolvePath } from './path.ts';

describe('MemoryFileSystem', () => {
  it('creates parents when seeded from files', async () => {
    const fs = MemoryFileSystem.fromFiles({ '/lab/app/main.py': 'print(1)' });
    expect(await fs.readdir('/lab')).toEqual([{ name: 'app', kind: 'directory' }]);
    expect(new TextDecoder().decode(await fs.readFile('/lab/app/main.py'))).toBe('print(1)');
  });

  it('rejects reading a missing file with ENOENT', async () => {
    const fs = new MemoryFileSystem();
    await expect(fs.readFile('/nope')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses to remove a non-empty folder without recursive', async () => {
    const fs = MemoryFileSystem.fromFiles({ '/a/b.txt': 'x' });
    await expect(fs.rm('/a')).rejects.toMatchObject({ code: 'ENOTEMPTY' });
    await fs.rm('/a', { recursive: true });
    expect(await fs.stat('/a/b.txt')).toBeNull();
  });

  it('writeFile needs an existing parent', async () => {
    const fs = new MemoryFileSystem();
    await expect(fs.writeFile('/missing/x', 'y')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('path helpers', () => {
  it.each([
    ['/a/./b/../c', '/a/c'],
    ['//a//b/', '/a/b'],
    ['/..', '/'],
  ])('normalizePath(%s) is %s', (input, expected) => {
    expect(normalizePath(input)).toBe(expected);
  });

  it('resolvePath joins relative paths to cwd', () => {
    expect(resolvePath('/lab', '../etc/passwd')).toBe('/etc/passwd');
    expect(resolvePath('/lab', 'app')).toBe('/lab/app');
  });
});
