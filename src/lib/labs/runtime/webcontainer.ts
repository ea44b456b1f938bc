import type { FileSystemTree, WebContainer } from '@webcontainer/api';
import type { InPageReason } from './choice.ts';

/** Outcome of one boot attempt: the container, or the reason the in-page runtime takes over. */
export type BootResult = { container: WebContainer } | { reason: InPageReason };

let booting: Promise<BootResult> | null = null;

/**
 * Boot WebContainer once per page, giving up after `timeoutSeconds`. A later
 * call gets the same attempt, because WebContainer allows one instance.
 */
export function bootWebContainerOnce(timeoutSeconds: number): Promise<BootResult> {
  booting ??= boot(timeoutSeconds);
  return booting;
}

async function boot(timeoutSeconds: number): Promise<BootResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<BootResult>((resolve) => {
    timer = setTimeout(() => resolve({ reason: { kind: 'timeout', seconds: timeoutSeconds } }), timeoutSeconds * 1000);
  });

  const attempt = (async (): Promise<BootResult> => {
    try {
      const { WebContainer } = await import('@webcontainer/api');
      const container = await WebContainer.boot({ coep: 'require-corp', workdirName: 'lab' });
      return { container };
    } catch (error) {
      return { reason: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } };
    }
  })();

  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Turn `{ 'src/app.py': text }` into WebContainer's nested mount tree. */
export function toFileSystemTree(files: Record<string, string>): FileSystemTree {
  const tree: FileSystemTree = {};
  for (const [path, contents] of Object.entries(files)) {
    const parts = path.split('/').filter((part) => part !== '');
    let folder = tree;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) {
        folder[part] = { file: { contents } };
        return;
      }
      const existing = folder[part];
      if (existing === undefined || !('directory' in existing)) folder[part] = { directory: {} };
      folder = (folder[part] as { directory: FileSystemTree }).directory;
    });
  }
  return tree;
}
