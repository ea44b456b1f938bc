import { FsError } from '../../../vfs/index.ts';

const messages: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
};

/** Describe a file-system error the way coreutils does (`No such file or directory`). */
export function describeFsError(error: unknown): string {
  if (error instanceof FsError) return messages[error.code] ?? error.code;
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return messages[error.code] ?? error.code;
  }
  return error instanceof Error ? error.message : String(error);
}
