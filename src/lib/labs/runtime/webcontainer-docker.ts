/**
 * `docker` for the WebContainer runtime: the lab engine as a Node program.
 * The page bundles this file with Vite (`?worker&url`, one self-contained
 * script) and writes it into the container, where jsh runs it with Node.
 * Node's `fs` comes through `require` because the bundle is loaded as
 * CommonJS and must not import Node built-ins that a browser build would stub.
 */
import { createDockerEngine } from '../../docker/index.ts';
import type { DirEntry, FileSystem, Stat } from '../../vfs/index.ts';

type NodeDirent = { name: string; isDirectory(): boolean };
type NodeFs = {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  readdir(path: string, options: { withFileTypes: true }): Promise<NodeDirent[]>;
  stat(path: string): Promise<{ isDirectory(): boolean; size: number; mode: number }>;
  mkdir(path: string, options?: { recursive?: boolean }): Promise<unknown>;
  rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void>;
};
type NodeProcess = {
  argv: string[];
  cwd(): string;
  exitCode?: number;
  stdout: { write(text: string): void };
  stderr: { write(text: string): void };
};
declare const require: (id: string) => unknown;
declare const process: NodeProcess;

/** Folder of the engine's state, relative to the container's working folder (shared with the page's checks). */
export const CONTAINER_STATE_DIR = '.slipway/docker';

function nodeFileSystem(fs: NodeFs): FileSystem {
  return {
    readFile: (path) => fs.readFile(path),
    writeFile: (path, data) => fs.writeFile(path, data),
    async readdir(path): Promise<DirEntry[]> {
      const entries = await fs.readdir(path, { withFileTypes: true });
      return entries.map((entry) => ({ name: entry.name, kind: entry.isDirectory() ? 'directory' : 'file' }));
    },
    async stat(path): Promise<Stat | null> {
      try {
        const info = await fs.stat(path);
        return { kind: info.isDirectory() ? 'directory' : 'file', size: info.isDirectory() ? 0 : info.size, mode: info.mode & 0o777 };
      } catch {
        return null;
      }
    },
    mkdir: async (path, options) => {
      await fs.mkdir(path, options);
    },
    rm: (path, options) => fs.rm(path, options),
  };
}

/** Run one `docker …` invocation and set the exit code. */
async function main(): Promise<void> {
  const fs = nodeFileSystem(require('fs/promises') as NodeFs);
  const home = process.cwd().split('/').slice(0, 3).join('/');
  const engine = createDockerEngine({ fs, stateDir: `${home}/${CONTAINER_STATE_DIR}` });
  const io = { stdout: (text: string) => process.stdout.write(text), stderr: (text: string) => process.stderr.write(text) };
  process.exitCode = await engine.run(process.argv.slice(2), io, { cwd: process.cwd() });
}

void main();
