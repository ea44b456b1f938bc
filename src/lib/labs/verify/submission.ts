import { z } from 'zod';
import { MAX_LINE_LENGTH } from '../shell/shell.ts';

/** Most files a submission may carry. */
export const MAX_SUBMISSION_FILES = 200;

/** Most bytes (UTF-8) of all submitted file contents together. */
export const MAX_SUBMISSION_BYTES = 1024 * 1024;

/** Most commands replayed from one submission. */
export const MAX_SUBMISSION_COMMANDS = 200;

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

/**
 * Keep the commands of a history that can change lab state or that task
 * checks read, dropping plain `ls`, `cat`, `pwd`, `clear`, `help`, `history`
 * and `lab status`/`lab check` lines, so a long session fits the command cap.
 */
export function submittableCommands(history: string[]): string[] {
  const readOnly = /^\s*(ls|cat|pwd|clear|help|history|lab\s+(status|check))\b[^;&|>]*$/;
  return history.filter((command) => !readOnly.test(command));
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

export const submissionSchema = z
  .object({
    learnerId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'Expected 1-128 letters, digits, "_" or "-"'),
    /** Lab files by path relative to the lab folder, as text. */
    files: filesSchema,
    /** Shell history, oldest first; replayed line by line. */
    commands: z
      .array(z.string().max(MAX_LINE_LENGTH, `Expected at most ${MAX_LINE_LENGTH} characters a command`))
      .max(MAX_SUBMISSION_COMMANDS, `Expected at most ${MAX_SUBMISSION_COMMANDS} commands`)
      .refine((commands) => countBuilds(commands) <= MAX_SUBMISSION_BUILDS, {
        message: `Expected at most ${MAX_SUBMISSION_BUILDS} docker build commands`,
      }),
  })
  .strict();

export type Submission = z.infer<typeof submissionSchema>;
