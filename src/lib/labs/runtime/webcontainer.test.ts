import { describe, expect, it } from 'vitest';
import { toFileSystemTree } from './webcontainer.ts';

describe('toFileSystemTree', () => {
  const rows: Array<[string, Record<string, string>, unknown]> = [
    ['flat files', { Dockerfile: 'FROM a', 'app.py': 'x' }, { Dockerfile: { file: { contents: 'FROM a' } }, 'app.py': { file: { contents: 'x' } } }],
    ['nested folders', { 'src/model/a.py': '1', 'src/b.py': '2' }, {
      src: { directory: { model: { directory: { 'a.py': { file: { contents: '1' } } } }, 'b.py': { file: { contents: '2' } } } },
    }],
    ['empty', {}, {}],
  ];
  it.each(rows)('%s', (_name, files, expected) => {
    expect(toFileSystemTree(files)).toEqual(expected);
  });
});
