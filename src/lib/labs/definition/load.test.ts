import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadLab, loadLabs, validateLabs } from './load.ts';

const validManifest = {
  title: 'A lab',
  summary: 'Practise one thing.',
  lesson: 'dockerfile-for-a-model-server',
  minutes: 10,
  tasks: [
    {
      id: 'pin-base-image',
      title: 'Pin the base image',
      description: 'Name a version.',
      check: { type: 'dockerfile', assert: 'base-pinned' },
      hint: 'Use python:3.12-slim.',
    },
  ],
};

/** Write a lab folder under a fresh root and return the root. */
function writeLab(id: string, manifest: unknown, files: Record<string, string> = { Dockerfile: 'FROM python\n' }, solution: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'slipway-labs-'));
  const folder = join(root, 'labs', id);
  for (const [base, tree] of [['files', files], ['solution', solution]] as const) {
    for (const [path, text] of Object.entries(tree)) {
      mkdirSync(join(folder, base, path, '..'), { recursive: true });
      writeFileSync(join(folder, base, path), text);
    }
  }
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'lab.yaml'), typeof manifest === 'string' ? manifest : stringify(manifest));
  return root;
}

/** Return the manifest with its first task's check replaced. */
function withCheck(check: unknown): unknown {
  const task = validManifest.tasks[0];
  return { ...validManifest, tasks: [{ ...task, check }] };
}

describe('validateLabs', () => {
  it('accepts the repository labs', () => {
    expect(validateLabs(process.cwd())).toEqual([]);
  });

  it.each<[string, string, unknown, string]>([
    ['unknown check type', 'lab-a', withCheck({ type: 'docker-compose' }), 'labs/lab-a/lab.yaml: tasks[0].check.type: Unknown check type "docker-compose"; expected one of all, build, command, digest-pinned, dockerfile, file, image'],
    ['unknown dockerfile assertion', 'lab-a', withCheck({ type: 'dockerfile', assert: 'small' }), 'labs/lab-a/lab.yaml: tasks[0].check.assert: Expected one of "base-pinned", "deps-before-source", "non-root-user", "exec-form-cmd", "exposes-port", found "small"'],
    ['exposes-port without a port', 'lab-a', withCheck({ type: 'dockerfile', assert: 'exposes-port' }), 'labs/lab-a/lab.yaml: tasks[0].check.port: exposes-port needs a port, such as port: 8000'],
    ['same-id without refs', 'lab-a', withCheck({ type: 'image', assert: 'same-id', ref: 'a:1' }), 'labs/lab-a/lab.yaml: tasks[0].check.refs: same-id needs refs: two or more image references'],
    ['a bad command pattern', 'lab-a', withCheck({ type: 'command', assert: 'ran', patterns: ['('], expected: 'x' }), 'labs/lab-a/lab.yaml: tasks[0].check.patterns[0]: Expected a valid regular expression; found "("'],
    ['a path with ..', 'lab-a', withCheck({ type: 'file', path: '../etc/passwd', assert: 'exists' }), 'labs/lab-a/lab.yaml: tasks[0].check.path: Expected a path relative to the lab folder, without ".." segments; found "../etc/passwd"'],
    ['a missing title', 'lab-a', { ...validManifest, title: undefined }, 'labs/lab-a/lab.yaml: title: Required field missing; expected a string'],
    ['an unknown field', 'lab-a', { ...validManifest, level: 'easy' }, 'labs/lab-a/lab.yaml: level: Unknown field "level"; expected one of title, summary, lesson, minutes, tasks'],
    ['a misspelt assertion', 'lab-a', withCheck({ type: 'dockerfile', assert: 'base-pined' }), 'labs/lab-a/lab.yaml: tasks[0].check.assert: Expected one of "base-pinned", "deps-before-source", "non-root-user", "exec-form-cmd", "exposes-port", found "base-pined". Did you mean "base-pinned"?'],
    ['a port in words', 'lab-a', withCheck({ type: 'dockerfile', assert: 'exposes-port', port: 'eighty' }), 'labs/lab-a/lab.yaml: tasks[0].check.port: Expected a number, found "eighty"'],
    ['a misspelt field', 'lab-a', { ...validManifest, title: undefined, titel: 'A lab' }, 'labs/lab-a/lab.yaml: titel: Unknown field "titel"; did you mean "title"?'],
    ['duplicate task ids', 'lab-a', { ...validManifest, tasks: [validManifest.tasks[0], validManifest.tasks[0]] }, 'labs/lab-a/lab.yaml: tasks[1].id: Duplicate task id "pin-base-image"; task ids must be unique within a lab'],
    ['a bad task id', 'lab-a', { ...validManifest, tasks: [{ ...validManifest.tasks[0], id: 'Pin Base' }] }, 'labs/lab-a/lab.yaml: tasks[0].id: Expected a lowercase id with dashes, such as pin-base-image; found "Pin Base"'],
    ['a bad folder name', 'Lab_A', validManifest, 'labs/Lab_A: Expected a lab id with lowercase letters, digits and dashes; found "Lab_A"'],
    ['broken YAML', 'lab-a', 'title: [unclosed\n', 'labs/lab-a/lab.yaml: (file): Invalid YAML:'],
  ])('reports %s', (_name, id, manifest, message) => {
    const errors = validateLabs(writeLab(id, manifest));
    expect(errors.some((error) => error.startsWith(message))).toBe(true);
  });

  it('reports a lesson slug without a lesson', () => {
    const root = writeLab('lab-a', { ...validManifest, lesson: 'no-such-lesson' });
    mkdirSync(join(root, 'src', 'content', 'lessons'), { recursive: true });
    writeFileSync(join(root, 'src', 'content', 'lessons', 'dockerfile-for-a-model-server.mdx'), '');
    expect(validateLabs(root)).toEqual(['labs/lab-a/lab.yaml: lesson: Expected the slug of a lesson in src/content/lessons/, found "no-such-lesson"']);
  });

  it('reports a missing lesson next to schema errors', () => {
    const root = writeLab('lab-a', { ...validManifest, lesson: 'dockerfile-for-model-server', minutes: 'ten' });
    mkdirSync(join(root, 'src', 'content', 'lessons'), { recursive: true });
    writeFileSync(join(root, 'src', 'content', 'lessons', 'dockerfile-for-a-model-server.mdx'), '');
    expect(validateLabs(root)).toEqual([
      'labs/lab-a/lab.yaml: minutes: Expected a number, found "ten"',
      'labs/lab-a/lab.yaml: lesson: Expected the slug of a lesson in src/content/lessons/, found "dockerfile-for-model-server". Did you mean "dockerfile-for-a-model-server"?',
    ]);
  });

  it('reports a misspelt title once', () => {
    const errors = validateLabs(writeLab('lab-a', { ...validManifest, title: undefined, titel: 'A lab' }));
    expect(errors).toEqual(['labs/lab-a/lab.yaml: titel: Unknown field "titel"; did you mean "title"?']);
  });

  it('reports a lab without starter files', () => {
    const errors = validateLabs(writeLab('lab-a', validManifest, {}));
    expect(errors).toEqual(['labs/lab-a/lab.yaml: files: Expected starter files in files/; found nothing']);
  });

  it('reports every broken lab at once', () => {
    const root = writeLab('lab-a', withCheck({ type: 'nope' }));
    mkdirSync(join(root, 'labs', 'lab-b'), { recursive: true });
    const errors = validateLabs(root);
    expect(errors.some((error) => error.startsWith('labs/lab-a/lab.yaml'))).toBe(true);
    expect(errors.some((error) => error.startsWith('labs/lab-b/lab.yaml: (file): Expected a lab manifest'))).toBe(true);
  });
});

describe('loadLab', () => {
  it('reads files, solution and solution commands', () => {
    const root = writeLab('lab-a', validManifest, { 'app.py': 'print(1)\n', 'model/m.json': '{}' }, { Dockerfile: 'FROM python:3.12\n', 'commands.sh': '# build\ndocker build -t a:1 .\n\n  docker images  \n' });
    const lab = loadLab('lab-a', root);
    expect(lab.files).toEqual({ 'app.py': 'print(1)\n', 'model/m.json': '{}' });
    expect(lab.solution).toEqual({ Dockerfile: 'FROM python:3.12\n' });
    expect(lab.solutionCommands).toEqual(['docker build -t a:1 .', 'docker images']);
    expect(lab.tasks.map((task) => task.id)).toEqual(['pin-base-image']);
    expect(lab.lesson).toBe('dockerfile-for-a-model-server');
  });

  it('defaults a dockerfile check path to Dockerfile', () => {
    const lab = loadLab('lab-a', writeLab('lab-a', validManifest));
    expect(lab.tasks[0]?.check).toEqual({ type: 'dockerfile', assert: 'base-pinned', path: 'Dockerfile' });
  });

  it('loads both repository labs', () => {
    expect(loadLabs(process.cwd()).map((lab) => lab.id)).toEqual(['dockerfile-basics', 'image-versions']);
  });
});
