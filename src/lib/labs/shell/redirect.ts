import { resolvePath, type FileSystem } from '../../vfs/index.ts';
import type { ShellIO } from './types.ts';

/** Path whose writes are discarded, as on Linux. */
export const NULL_DEVICE = '/dev/null';

/** Output of one command to one file, written when the command finishes. */
export type FileSink = { path: string; display: string; append: boolean; chunks: string[] };

/**
 * Check that a redirect target can be written and truncate it for `>`, as
 * bash does before it starts the command. Returns a bash error line or null.
 */
export async function openSink(fs: FileSystem, sink: FileSink): Promise<string | null> {
  if (sink.path === NULL_DEVICE) return null;
  const stat = await fs.stat(sink.path);
  if (stat?.kind === 'directory') return `bash: ${sink.display}: Is a directory`;
  const parentPath = resolvePath(sink.path, '..');
  const parent = await fs.stat(parentPath);
  if (parent === null) return `bash: ${sink.display}: No such file or directory`;
  if (parent.kind !== 'directory') return `bash: ${sink.display}: Not a directory`;
  if (!sink.append || stat === null) await fs.writeFile(sink.path, '');
  return null;
}

/** Append what a command wrote to its redirect file. */
export async function flushSink(fs: FileSystem, sink: FileSink): Promise<void> {
  if (sink.chunks.length === 0 || sink.path === NULL_DEVICE) return;
  const existing = new TextDecoder().decode(await fs.readFile(sink.path));
  await fs.writeFile(sink.path, existing + sink.chunks.join(''));
  sink.chunks.length = 0;
}

/** Build the IO a command writes to, sending each stream to the terminal or to its file. */
export function routeOutput(terminal: ShellIO, stdoutSink: FileSink | null, stderrSink: FileSink | null, stderrToStdout: boolean): ShellIO {
  const stdout = (text: string): void => {
    if (stdoutSink === null) terminal.stdout(text);
    else stdoutSink.chunks.push(text);
  };
  const stderr = (text: string): void => {
    if (stderrToStdout) stdout(text);
    else if (stderrSink === null) terminal.stderr(text);
    else stderrSink.chunks.push(text);
  };
  return { stdout, stderr };
}
