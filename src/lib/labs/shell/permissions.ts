import { normalizePath } from '../../vfs/index.ts';
import type { ShellState } from './types.ts';

/**
 * Tell whether the lab user may create, change or remove `path`: only inside
 * the home folder and /tmp, as for an unprivileged user. This also keeps
 * shell commands away from the engine's state folder, so a replayed history
 * cannot forge images or builds.
 */
export function canWrite(state: ShellState, path: string): boolean {
  const target = normalizePath(path);
  return state.writableRoots.some((root) => target === root || target.startsWith(`${root}/`));
}
