import { describe, expect, it } from 'vitest';
import { loadLabs } from '../definition/load.ts';
import { MAX_LINE_LENGTH } from '../shell/shell.ts';
import type { Lab } from '../definition/schema.ts';
import { createInPageRuntime, learnerFiles, runJournaled, starterDisk } from '../runtime/inpage.ts';
import { LAB_ROOT } from '../shell/layout.ts';
import { journalFromCommands, type JournalEntry, type JournalState } from './journal.ts';
import { replayJournal, REPLAY_TIME } from './replay.ts';
import { countBuilds, MAX_JOURNAL_FILE_BYTES, MAX_SUBMISSION_BUILDS, MAX_SUBMISSION_BYTES, MAX_SUBMISSION_COMMANDS, MAX_SUBMISSION_FILES } from './submission.ts';
import { SubmissionError, verifyLab } from './verify.ts';

const labs = loadLabs(process.cwd());

/** Return a lab by id from the repository. */
function lab(id: string) {
  const found = labs.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`lab ${id} not found`);
  return found;
}

/** Return a journal that runs `commands` at one time, with `files` written before the first. */
function journal(commands: readonly string[], files?: Record<string, string>): JournalEntry[] {
  return journalFromCommands(commands, REPLAY_TIME, files);
}

/** One learner action in a simulated lab page: an edit saved from the editor, or a command typed in the terminal. */
type Step = { edit: Record<string, string> } | { command: string };

/**
 * Run `steps` the way the lab page does (editor edits go straight to the
 * disk, commands through runJournaled), one command every 1.5 s of lab time.
 * Returns the browser's runtime and the submission the page would send.
 */
async function learnerSession(definition: Lab, steps: readonly Step[]) {
  const runtime = await createInPageRuntime({ disk: starterDisk(definition.files), history: [], lab: { id: definition.id, title: definition.title, tasks: [] } });
  let state: JournalState = { entries: [], base: { ...definition.files } };
  const discard = { stdout: () => {}, stderr: () => {} };
  let time = Date.parse('2026-12-04T21:00:00.000Z');
  for (const step of steps) {
    if ('edit' in step) {
      for (const [path, text] of Object.entries(step.edit)) await runtime.fs.writeFile(`${LAB_ROOT}/${path}`, text);
      continue;
    }
    time += 1500;
    const ran = await runJournaled(runtime, state, step.command, discard, undefined, new Date(time));
    state = ran.journal;
  }
  return { runtime, submission: { journal: state.entries, files: learnerFiles(runtime.fs.snapshot()) } };
}

/** Return the steps of a lab's solution: the solution files as one editor edit, then its commands. */
function solutionSteps(definition: Lab): Step[] {
  return [{ edit: definition.solution }, ...definition.solutionCommands.map((command) => ({ command }))];
}

describe('verifyLab', () => {
  it.each(labs.map((each) => [each.id, each] as const))('%s solution passes every task', async (_id, definition) => {
    const { submission } = await learnerSession(definition, solutionSteps(definition));
    const result = await verifyLab(definition, submission);
    for (const task of result.tasks) expect({ id: task.id, passed: task.passed, detail: task.detail }).toEqual({ id: task.id, passed: true, detail: task.detail });
    expect(result.tasks.map((task) => task.id)).toEqual(definition.tasks.map((task) => task.id));
    expect(result.passedAll).toBe(true);
    expect(result.labId).toBe(definition.id);
  });

  it.each(labs.map((each) => [each.id, each] as const))('%s starter files fail every task', async (_id, definition) => {
    const result = await verifyLab(definition, { journal: [], files: definition.files });
    expect(result.tasks.filter((task) => task.passed).map((task) => task.id)).toEqual([]);
    expect(result.passedAll).toBe(false);
  });

  it('replays an editor edit between two builds', async () => {
    const definition = lab('dockerfile-basics');
    const app = definition.files['app.py'] ?? '';
    const { runtime, submission } = await learnerSession(definition, [
      { edit: definition.solution },
      { command: 'docker build -t heart-model:1.0 .' },
      { edit: { 'app.py': `${app}SERVICE_VERSION = "1.0.1"\n` } },
      { command: 'docker build -t heart-model:1.0 .' },
      { command: 'docker images' },
    ]);

    // The app.py edit travels with the second build's entry, not only in the final files.
    expect(submission.journal[1]?.files).toEqual({ 'app.py': `${app}SERVICE_VERSION = "1.0.1"\n` });
    const result = await verifyLab(definition, submission);
    expect(result.tasks.find((task) => task.id === 'rebuild-with-cache')).toMatchObject({ passed: true });
    expect(result.passedAll).toBe(true);

    // Same journal, same clock: the server builds the image ID the learner's terminal shows.
    const browserId = await runtime.engine.store.resolve('heart-model:1.0');
    const server = await replayJournal(definition.files, submission.journal, submission.files);
    expect(browserId).not.toBeNull();
    expect(await server.engine.store.resolve('heart-model:1.0')).toBe(browserId);
    expect(result.tasks.find((task) => task.id === 'build-image')?.detail).toContain((browserId ?? '').replace(/^sha256:/, '').slice(0, 12));
  });

  it('replays a file deleted after the last command', async () => {
    const definition = lab('dockerfile-basics');
    const { submission } = await learnerSession(definition, [{ command: 'touch notes.txt' }]);
    const { 'notes.txt': _notes, ...withoutNotes } = submission.files;
    const server = await replayJournal(definition.files, submission.journal, withoutNotes);
    expect(await server.fs.stat(`${LAB_ROOT}/notes.txt`)).toBeNull();
    expect(await server.fs.stat(`${LAB_ROOT}/app.py`)).not.toBeNull();
  });

  it('solution files without commands fail the command tasks', async () => {
    const definition = lab('dockerfile-basics');
    const result = await verifyLab(definition, { journal: [], files: { ...definition.files, ...definition.solution } });
    const failed = result.tasks.filter((task) => !task.passed).map((task) => task.id);
    expect(failed).toEqual(['build-image', 'rebuild-with-cache']);
  });

  it('starter Dockerfile with built image passes only the build task', async () => {
    const definition = lab('dockerfile-basics');
    const result = await verifyLab(definition, { journal: journal(['docker build -t heart-model:1.0 .']), files: definition.files });
    const passed = result.tasks.filter((task) => task.passed).map((task) => task.id);
    expect(passed).toEqual(['build-image']);
  });

  it('rollback task needs prod moved back', async () => {
    const definition = lab('image-versions');
    const commands = definition.solutionCommands.filter((command) => command !== 'docker tag heart-model:1.0 heart-model:prod');
    const result = await verifyLab(definition, { journal: journal(commands, definition.solution), files: { ...definition.files, ...definition.solution } });
    const rollback = result.tasks.find((task) => task.id === 'roll-back-prod');
    expect(rollback?.passed).toBe(false);
    expect(result.tasks.find((task) => task.id === 'promote-to-prod')?.passed).toBe(true);
  });
});

describe('verifyLab input limits', () => {
  const definition = lab('dockerfile-basics');
  const manyFiles = Object.fromEntries(Array.from({ length: MAX_SUBMISSION_FILES + 1 }, (_unused, index) => [`f${index}.txt`, 'x']));

  const halfJournal = 'x'.repeat(MAX_JOURNAL_FILE_BYTES / 2);
  it.each<[string, Record<string, string>, JournalEntry[], string]>([
    ['a .. segment', { '../escape.txt': 'x' }, [], 'contains a ".." segment'],
    ['a nested .. segment', { 'model/../../x': 'x' }, [], 'contains a ".." segment'],
    ['an absolute path', { '/etc/passwd': 'x' }, [], 'is absolute'],
    ['an empty segment', { 'model//x.json': 'x' }, [], 'contains an empty or "." segment'],
    ['a backslash', { 'model\\x.json': 'x' }, [], 'contains a backslash'],
    ['a control character', { 'a\u0000b': 'x' }, [], 'contains a control character'],
    ['a journal path escaping the lab', {}, journal(['ls'], { '../x': 'x' }), 'contains a ".." segment'],
    ['too many files', manyFiles, [], `Too many files: ${MAX_SUBMISSION_FILES + 1}`],
    ['too many bytes', { 'big.bin': 'x'.repeat(MAX_SUBMISSION_BYTES + 1) }, [], `the limit is ${MAX_SUBMISSION_BYTES} bytes`],
    ['too many journal bytes', {}, [{ at: REPLAY_TIME, files: { 'a.txt': halfJournal }, command: 'ls' }, { at: REPLAY_TIME, files: { 'a.txt': `${halfJournal}x` }, command: 'ls' }], `the limit is ${MAX_JOURNAL_FILE_BYTES} bytes`],
    ['too many commands', {}, journal(Array.from({ length: MAX_SUBMISSION_COMMANDS + 1 }, () => 'ls')), `at most ${MAX_SUBMISSION_COMMANDS} commands`],
    ['an over-long command', {}, journal([`echo ${'x'.repeat(MAX_LINE_LENGTH)}`]), `at most ${MAX_LINE_LENGTH} characters`],
    ['too many builds', {}, journal(Array.from({ length: MAX_SUBMISSION_BUILDS + 1 }, () => 'docker build -t a:1 .')), `at most ${MAX_SUBMISSION_BUILDS} docker build commands`],
    ['a time that is not ISO', {}, [{ at: 'yesterday', command: 'ls' }], 'Expected an ISO 8601 UTC time'],
    ['a time with an offset', {}, [{ at: '2026-12-04T21:00:00+01:00', command: 'ls' }], 'Expected an ISO 8601 UTC time'],
    ['times out of order', {}, [{ at: '2026-12-04T21:00:01.000Z', command: 'ls' }, { at: '2026-12-04T21:00:00.000Z', command: 'ls' }], 'earlier than the entry before it'],
    ['a time before 2024', {}, [{ at: '2001-01-01T00:00:00.000Z', command: 'ls' }], 'outside the accepted window'],
    ['a time far in the future', {}, [{ at: '2999-01-01T00:00:00.000Z', command: 'ls' }], 'outside the accepted window'],
  ])('rejects %s', async (_name, files, entries, message) => {
    const attempt = verifyLab(definition, { journal: entries, files });
    await expect(attempt).rejects.toBeInstanceOf(SubmissionError);
    await expect(attempt).rejects.toThrow(message);
  });

  it('accepts exactly the byte limit', async () => {
    const result = await verifyLab(definition, { journal: [], files: { 'notes.txt': 'x'.repeat(MAX_SUBMISSION_BYTES) } });
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
});
