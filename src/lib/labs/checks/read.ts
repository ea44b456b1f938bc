import { resolvePath } from '../../vfs/index.ts';
import type { CheckState } from './types.ts';

/** Read a lab file as text, or return null when it does not exist or is a folder. */
export async function readLabFile(state: CheckState, path: string): Promise<string | null> {
  const absolute = resolvePath(state.root, path);
  const stat = await state.fs.stat(absolute);
  if (stat?.kind !== 'file') return null;
  return new TextDecoder().decode(await state.fs.readFile(absolute));
}
