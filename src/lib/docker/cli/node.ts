import { NodeFileSystem } from '../../vfs/node.ts';
import { createDockerEngine } from '../index.ts';

/**
 * Run the simulated docker CLI against the current folder (Node only): the
 * folder is the FileSystem root, so `.` is the build context, and state goes
 * to `.slipway/` inside it.
 */
export async function runNodeDocker(args: string[]): Promise<number> {
  const engine = createDockerEngine({ fs: new NodeFileSystem(process.cwd()), stateDir: '/.slipway' });
  return engine.run(args, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }, { cwd: '/', env: process.env });
}
