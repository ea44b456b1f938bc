/**
 * `docker` for the WebContainer runtime: the lab engine as a Node program.
 * The page bundles this file with Vite (`?worker&url`, one self-contained
 * script) and writes it into the container, where jsh runs it with Node.
 * The page must never import this module: it runs `main` on load and needs
 * Node's `process`. Node's `fs` is looked up at run time (see `loadNodeFs`),
 * because the browser build replaces statically imported Node built-ins with
 * empty stubs.
 */
import { createDockerEngine } from '../../docker/index.ts';
import type { DirEntry, FileSystem, Stat } from '../../vfs/index.ts';
import { CONTAINER_STATE_DIR, NODE_FS_GLOBAL } from './container-layout.ts';

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
declare const process: NodeProcess & { getBuiltinModule?: (id: string) => unknown };

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

/** Load Node's `fs/promises` without a static import or `require` call for the bundler to stub out. */
function loadNodeFs(): NodeFs {
  if (process.getBuiltinModule !== undefined) return process.getBuiltinModule('fs/promises') as NodeFs;

  // Node before 20.16 has no getBuiltinModule; the bin shim (DOCKER_BIN_SHIM) has required it for us.
  const handed = (globalThis as Record<string, unknown>)[NODE_FS_GLOBAL];
  if (handed === undefined) throw new Error(`docker: Node's fs/promises is missing; run this program through its bin shim, which sets globalThis.${NODE_FS_GLOBAL}`);
  return handed as NodeFs;
}

/** Run one `docker …` invocation and set the exit code. */
async function main(): Promise<void> {
  const fs = nodeFileSystem(loadNodeFs());
  const home = process.cwd().split('/').slice(0, 3).join('/');
  const engine = createDockerEngine({ fs, stateDir: `${home}/${CONTAINER_STATE_DIR}` });
  const io = { stdout: (text: string) => process.stdout.write(text), stderr: (text: string) => process.stderr.write(text) };
  process.exitCode = await engine.run(process.argv.slice(2), io, { cwd: process.cwd() });
}

void main();
