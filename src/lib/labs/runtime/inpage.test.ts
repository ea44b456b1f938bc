import { describe, expect, it } from 'vitest';
import { createInPageRuntime, learnerFiles, starterDisk } from './inpage.ts';

const encode = (text: string) => new TextEncoder().encode(text);

describe('starterDisk', () => {
  const rows: Array<[Record<string, string>, Record<string, string>]> = [
    [{ Dockerfile: 'FROM a' }, { '/home/learner/lab/Dockerfile': 'FROM a' }],
    [{ 'model/anomaly.json': '{}' }, { '/home/learner/lab/model/anomaly.json': '{}' }],
    [{}, {}],
  ];
  it.each(rows)('%j', (files, expected) => {
    expect(starterDisk(files)).toEqual(expected);
  });
});

describe('learnerFiles', () => {
  const rows: Array<[string, Record<string, Uint8Array>, Record<string, string>]> = [
    ['lab files only', { '/home/learner/lab/Dockerfile': encode('FROM a'), '/var/lib/docker/state.json': encode('{}') }, { Dockerfile: 'FROM a' }],
    ['nested path', { '/home/learner/lab/src/app.py': encode('x') }, { 'src/app.py': 'x' }],
    ['sibling folder is not the lab', { '/home/learner/lab2/a': encode('x') }, {}],
  ];
  it.each(rows)('%s', (_name, disk, expected) => {
    expect(learnerFiles(disk)).toEqual(expected);
  });
});

describe('createInPageRuntime', () => {
  it('runs docker and keeps history', async () => {
    const runtime = await createInPageRuntime({
      disk: starterDisk({ Dockerfile: 'FROM scratch\nCOPY a.txt /\n', 'a.txt': 'hello\n' }),
      history: ['ls'],
      lab: { id: 'demo', title: 'Demo', tasks: [] },
    });
    const output: string[] = [];
    const io = { stdout: (text: string) => output.push(text), stderr: (text: string) => output.push(text) };

    expect(runtime.shell.history).toEqual(['ls']);
    expect(await runtime.shell.execute('docker build -t demo:1 .', io)).toBe(0);
    expect((await runtime.engine.store.listImages()).map((image) => image.repoTags)).toEqual([['demo:1']]);
    expect(runtime.shell.history).toEqual(['ls', 'docker build -t demo:1 .']);
  });
});
