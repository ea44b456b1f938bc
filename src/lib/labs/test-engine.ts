import type { DockerEngine } from '../docker/index.ts';
import type { FileSystem } from '../vfs/index.ts';

/**
 * Stand-in engine for shell tests until the Docker engine is available:
 * it knows one image, `heart-model:1.0`, and echoes each docker command.
 */
export function createTestEngine(_fs: FileSystem): DockerEngine {
  const engine = {
    async run(args: string[], io: { stdout: (text: string) => void }) {
      io.stdout(`docker ${args.join(' ')}\n`);
      return 0;
    },
    store: {
      async listImages() {
        return [{ repoTags: ['heart-model:1.0'] }];
      },
    },
    async advanceRegistryTime() {},
  };
  return engine as unknown as DockerEngine;
}
