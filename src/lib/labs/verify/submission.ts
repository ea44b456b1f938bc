import { z } from 'zod';
import { MAX_LINE_LENGTH } from '../shell/shell.ts';

/** Most files a submission may carry. */
export const MAX_SUBMISSION_FILES = 200;

/** Most bytes (UTF-8) of the final files together. */
export const MAX_SUBMISSION_BYTES = 1024 * 1024;

/** Most bytes (UTF-8) of the file contents in all journal entries together. */
export const MAX_JOURNAL_FILE_BYTES = 2 * 1024 * 1024;

/** Most journal entries (commands) replayed from one submission. */
export const MAX_SUBMISSION_COMMANDS = 200;

/** Earliest accepted journal time; an earlier `at` comes from a wrong clock, not from a lab session. */
export const EARLIEST_JOURNAL_TIME = '2024-01-01T00:00:00.000Z';

/** Milliseconds a journal time may lie ahead of the server clock, for a learner's clock that runs fast. */
export const MAX_JOURNAL_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/**
 * Most `docker build` commands replayed from one submission. A build is the
 * costly step of a replay (about 20 ms each uncached, see docs/benchmarks.md),
 * so this bounds the server time one request can take.
 */
export const MAX_SUBMISSION_BUILDS = 50;

/** Longest accepted file path, in characters. */
const MAX_PATH_LENGTH = 255;

const encoder = new TextEncoder();

/** Return the reason a submitted path is unsafe or malformed, or null when it is a plain relative path. */
export function invalidPathReason(path: string): string | null {
  if (path === '') return 'is empty';
  if (path.length > MAX_PATH_LENGTH) return `is longer than ${MAX_PATH_LENGTH} characters`;
  if (path.startsWith('/')) return 'is absolute; paths are relative to the lab folder';
  if (path.includes('\\')) return 'contains a backslash; use / between folders';
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'contains a control character';
  const segments = path.split('/');
  if (segments.includes('..')) return 'contains a ".." segment';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'contains an empty or "." segment';
  return null;
}

/** Count the `docker build` and `docker image build` commands in a history, `&&` chains included. */
export function countBuilds(commands: string[]): number {
  const pattern = /(^|[;&|]\s*)docker\s+(image\s+)?build\b/g;
  return commands.reduce((total, command) => total + (command.match(pattern)?.length ?? 0), 0);
}

/** Schema of a submission's files: each path is checked, then the file count and total size. */
const filesSchema = z.record(z.string(), z.string()).superRefine((files, context) => {
  const paths = Object.keys(files);
  if (paths.length > MAX_SUBMISSION_FILES) {
    context.addIssue({ code: 'custom', message: `Too many files: ${paths.length}; the limit is ${MAX_SUBMISSION_FILES}` });
  }
  let total = 0;
  for (const path of paths) {
    const reason = invalidPathReason(path);
    if (reason !== null) context.addIssue({ code: 'custom', path: [path], message: `Invalid path: ${JSON.stringify(path.slice(0, 80))} ${reason}` });
    total += encoder.encode(files[path] ?? '').byteLength;
  }
  if (total > MAX_SUBMISSION_BYTES) {
    context.addIssue({ code: 'custom', message: `Files total ${total} bytes; the limit is ${MAX_SUBMISSION_BYTES} bytes` });
  }
});

/** Schema of one journal entry's changed files: checked paths, text or `null` for a deleted file. */
const changedFilesSchema = z.record(z.string(), z.string().nullable()).superRefine((files, context) => {
  for (const path of Object.keys(files)) {
    const reason = invalidPathReason(path);
    if (reason !== null) context.addIssue({ code: 'custom', path: [path], message: `Invalid path: ${JSON.stringify(path.slice(0, 80))} ${reason}` });
  }
});

const entrySchema = z
  .object({
    at: z.iso.datetime({ offset: false, message: 'Expected an ISO 8601 UTC time such as 2026-12-04T21:00:00.000Z' }),
    files: changedFilesSchema.optional(),
    command: z.string().max(MAX_LINE_LENGTH, `Expected at most ${MAX_LINE_LENGTH} characters a command`),
  })
  .strict();

/** Schema of the journal: entry count, build count, total file bytes, and times in order within the accepted window. */
const journalSchema = z
  .array(entrySchema)
  .max(MAX_SUBMISSION_COMMANDS, `Expected at most ${MAX_SUBMISSION_COMMANDS} commands`)
  .superRefine((entries, context) => {
    if (countBuilds(entries.map((entry) => entry.command)) > MAX_SUBMISSION_BUILDS) {
      context.addIssue({ code: 'custom', message: `Expected at most ${MAX_SUBMISSION_BUILDS} docker build commands` });
    }

    const bytes = entries.reduce((total, entry) => total + Object.values(entry.files ?? {}).reduce((sum, text) => sum + encoder.encode(text ?? '').byteLength, 0), 0);
    if (bytes > MAX_JOURNAL_FILE_BYTES) {
      context.addIssue({ code: 'custom', message: `Journal files total ${bytes} bytes; the limit is ${MAX_JOURNAL_FILE_BYTES} bytes` });
    }

    const earliest = Date.parse(EARLIEST_JOURNAL_TIME);
    const latest = Date.now() + MAX_JOURNAL_CLOCK_SKEW_MS;
    let previous = earliest;
    entries.forEach((entry, index) => {
      const time = Date.parse(entry.at);
      if (time < earliest || time > latest) {
        context.addIssue({ code: 'custom', path: [index, 'at'], message: `Time ${entry.at} is outside the accepted window (${EARLIEST_JOURNAL_TIME} to one day after the server's time); check the computer's clock` });
      } else if (time < previous) {
        context.addIssue({ code: 'custom', path: [index, 'at'], message: `Time ${entry.at} is earlier than the entry before it; entries must be in time order` });
      }
      previous = Math.max(previous, time);
    });
  });

export const submissionSchema = z
  .object({
    learnerId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'Expected 1-128 letters, digits, "_" or "-"'),
    /** Commands in the order they ran, each with the files changed before it; replayed on the lab's starter files. */
    journal: journalSchema,
    /** The lab folder after the last command, by path relative to it, as text; it replaces the replayed folder. */
    files: filesSchema,
  })
  .strict();

export type Submission = z.infer<typeof submissionSchema>;
