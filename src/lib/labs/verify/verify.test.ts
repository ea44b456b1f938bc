import { describe, expect, it } from 'vitest';
import { loadLabs } from '../definition/load.ts';
import { MAX_LINE_LENGTH } from '../shell/shell.ts';
import { countBuilds, MAX_SUBMISSION_BUILDS, MAX_SUBMISSION_BYTES, MAX_SUBMISSION_COMMANDS, MAX_SUBMISSION_FILES, submittableCommands } from './submission.ts';
import { SubmissionError, verifyLab } from './verify.ts';

const labs = loadLabs(process.cwd());

/** Return a lab by id from the repository. */
function lab(id: string) {
  const found = labs.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`lab ${id} not found`);
  return found;
}

describe('verifyLab', () => {
  it.each(labs.map((each) => [each.id, each] as const))('%s solution passes every task', async (_id, definition) => {
    const result = await verifyLab(definition, { files: { ...definition.files, ...definition.solution }, commands: definition.solutionCommands });
    for (const task of result.tasks) expect({ id: task.id, passed: task.passed, detail: task.detail }).toEqual({ id: task.id, passed: true, detail: task.detail });
    expect(result.tasks.map((task) => task.id)).toEqual(definition.tasks.map((task) => task.id));
    expect(result.passedAll).toBe(true);
    expect(result.labId).toBe(definition.id);
  });

  it.each(labs.map((each) => [each.id, each] as const))('%s starter files fail every task', async (_id, definition) => {
    const result = await verifyLab(definition, { files: definition.files, commands: [] });
    expect(result.tasks.filter((task) => task.passed).map((task) => task.id)).toEqual([]);
    expect(result.passedAll).toBe(false);
  });

  it('solution files without commands fail the command tasks', async () => {
    const definition = lab('dockerfile-basics');
    const result = await verifyLab(definition, { files: { ...definition.files, ...definition.solution }, commands: [] });
    const failed = result.tasks.filter((task) => !task.passed).map((task) => task.id);
    expect(failed).toEqual(['build-image', 'rebuild-with-cache']);
  });

  it('starter Dockerfile with built image passes only the build task', async () => {
    const definition = lab('dockerfile-basics');
    const result = await verifyLab(definition, { files: definition.files, commands: ['docker build -t heart-model:1.0 .'] });
    const passed = result.tasks.filter((task) => task.passed).map((task) => task.id);
    expect(passed).toEqual(['build-image']);
  });

  it('rollback task needs prod moved back', async () => {
    const definition = lab('image-versions');
    const commands = definition.solutionCommands.filter((command) => command !== 'docker tag heart-model:1.0 heart-model:prod');
    const result = await verifyLab(definition, { files: { ...definition.files, ...definition.solution }, commands });
    const rollback = result.tasks.find((task) => task.id === 'roll-back-prod');
    expect(rollback?.passed).toBe(false);
    expect(result.tasks.find((task) => task.id === 'promote-to-prod')?.passed).toBe(true);
  });
});

describe('verifyLab input limits', () => {
  const definition = lab('dockerfile-basics');
  const manyFiles = Object.fromEntries(Array.from({ length: MAX_SUBMISSION_FILES + 1 }, (_unused, index) => [`f${index}.txt`, 'x']));

  it.each<[string, Record<string, string>, string[], string]>([
    ['a .. segment', { '../escape.txt': 'x' }, [], 'contains a ".." segment'],
    ['a nested .. segment', { 'model/../../x': 'x' }, [], 'contains a ".." segment'],
    ['an absolute path', { '/etc/passwd': 'x' }, [], 'is absolute'],
    ['an empty segment', { 'model//x.json': 'x' }, [], 'contains an empty or "." segment'],
    ['a backslash', { 'model\\x.json': 'x' }, [], 'contains a backslash'],
    ['a control character', { 'a\u0000b': 'x' }, [], 'contains a control character'],
    ['too many files', manyFiles, [], `Too many files: ${MAX_SUBMISSION_FILES + 1}`],
    ['too many bytes', { 'big.bin': 'x'.repeat(MAX_SUBMISSION_BYTES + 1) }, [], `the limit is ${MAX_SUBMISSION_BYTES} bytes`],
    ['too many commands', {}, Array.from({ length: MAX_SUBMISSION_COMMANDS + 1 }, () => 'ls'), `at most ${MAX_SUBMISSION_COMMANDS} commands`],
    ['an over-long command', {}, [`echo ${'x'.repeat(MAX_LINE_LENGTH)}`], `at most ${MAX_LINE_LENGTH} characters`],
    ['too many builds', {}, Array.from({ length: MAX_SUBMISSION_BUILDS + 1 }, () => 'docker build -t a:1 .'), `at most ${MAX_SUBMISSION_BUILDS} docker build commands`],
  ])('rejects %s', async (_name, files, commands, message) => {
    const attempt = verifyLab(definition, { files, commands });
    await expect(attempt).rejects.toBeInstanceOf(SubmissionError);
    await expect(attempt).rejects.toThrow(message);
  });

  it('accepts exactly the byte limit', async () => {
    const result = await verifyLab(definition, { files: { 'notes.txt': 'x'.repeat(MAX_SUBMISSION_BYTES) }, commands: [] });
    expect(result.passedAll).toBe(false);
  });
});

describe('submission helpers', () => {
  it.each<[string[], number]>([
    [['docker build -t a:1 .'], 1],
    [['docker image build .', 'docker images'], 1],
    [['ls && docker build . && docker build --no-cache .'], 2],
    [['echo docker build', 'docker buildx ls'], 0],
  ])('countBuilds(%j) is %i', (commands, expected) => {
    expect(countBuilds(commands)).toBe(expected);
  });

  it.each<[string[], string[]]>([
    [['ls', 'ls -la', 'cat app.py', 'pwd', 'clear', 'history', 'lab check'], []],
    [['cat app.py > copy.py', 'ls && docker build .', 'docker images', 'lab upstream advance'], ['cat app.py > copy.py', 'ls && docker build .', 'docker images', 'lab upstream advance']],
    [['echo x >> app.py', 'cd model', 'docker history heart-model:1.1'], ['echo x >> app.py', 'cd model', 'docker history heart-model:1.1']],
  ])('submittableCommands(%j)', (history, expected) => {
    expect(submittableCommands(history)).toEqual(expected);
  });
});
