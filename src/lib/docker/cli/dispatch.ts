import { buildCommand, buildHelp } from './build.ts';
import { builderPruneCommand } from './builder-prune.ts';
import { mainHelp, versionText } from './help.ts';
import { historyCommand, imageInspectCommand, imagesCommand, inspectCommand } from './images.ts';
import { pullCommand, pushCommand } from './registry.ts';
import { runCommand } from './run.ts';
import { pruneCommand, rmiCommand, tagCommand } from './tags.ts';
import type { CliContext, Subcommand } from './types.ts';
import { usageLine } from './usage.ts';

const versionCommand: Subcommand = {
  usage: 'docker version [OPTIONS]',
  summary: 'Show the Docker version information',
  run: async (_args, context) => {
    context.io.stdout(versionText());
    return 0;
  },
};

const psCommand: Subcommand = {
  usage: 'docker ps [OPTIONS]',
  summary: 'List containers',
  // Containers of `docker run` exit as soon as their command ends, so the list is always empty.
  run: async (args, context) => {
    if (args.includes('-q') || args.includes('--quiet')) return 0;
    context.io.stdout('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
    return 0;
  },
};

/** Docker commands the lab engine does not simulate; they get a note instead of "not a docker command". */
const unsimulated = new Set(['exec', 'logs', 'stop', 'start', 'restart', 'kill', 'rm', 'create', 'attach', 'cp', 'commit', 'compose', 'login', 'logout', 'network', 'volume', 'system', 'info', 'save', 'load', 'stats', 'top', 'port', 'rename', 'pause', 'unpause', 'wait', 'diff', 'events', 'search', 'export', 'import', 'update', 'manifest', 'context', 'plugin', 'swarm', 'node', 'service', 'stack', 'secret', 'config', 'trust', 'init', 'scout', 'container', 'image', 'builder', 'buildx']);

/** The subcommands, including two-word forms (`image ls`). */
export const subcommands: Record<string, Subcommand> = {
  build: buildCommand,
  run: runCommand,
  images: imagesCommand,
  pull: pullCommand,
  push: pushCommand,
  tag: tagCommand,
  rmi: rmiCommand,
  history: historyCommand,
  inspect: inspectCommand,
  version: versionCommand,
  'image ls': imagesCommand,
  'image list': imagesCommand,
  'image build': buildCommand,
  'image history': historyCommand,
  'image inspect': imageInspectCommand,
  'image tag': tagCommand,
  'image rm': rmiCommand,
  'image remove': rmiCommand,
  'builder prune': builderPruneCommand,
  'buildx prune': builderPruneCommand,
  ps: psCommand,
  'container ls': psCommand,
  'container list': psCommand,
  'image prune': pruneCommand,
  'image push': pushCommand,
  'image pull': pullCommand,
  'buildx build': buildCommand,
  'builder build': buildCommand,
  'container run': runCommand,
};

/** Run `docker ARGS...` (arguments after `docker`); returns the exit code. */
export async function dispatch(args: string[], context: CliContext): Promise<number> {
  const [first, second, ...rest] = args;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    context.io.stdout(mainHelp(subcommands));
    return 0;
  }
  if (first === '--version' || first === '-v') {
    context.io.stdout('Docker version 28.5.2, build ecc6942\n');
    return 0;
  }
  if (first.startsWith('-')) {
    const flag = first.startsWith('--') ? `flag: ${first.split('=')[0]}` : `shorthand flag: '${first[1]}' in ${first}`;
    context.io.stderr(`unknown ${flag}\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n`);
    return 125;
  }
  const twoWord = second === undefined ? undefined : subcommands[`${first} ${second}`];
  const command = twoWord ?? subcommands[first];
  const commandArgs = twoWord !== undefined ? rest : args.slice(1);
  if (command === undefined) {
    if (unsimulated.has(first)) {
      const name = ['container', 'image', 'builder', 'buildx'].includes(first) && second !== undefined ? `${first} ${second}` : first;
      context.io.stderr(`simulated: "docker ${name}" is not part of the Slipway lab engine, which builds, tags, pushes and pulls images but runs no long-lived containers.\n`);
      return 1;
    }
    context.io.stderr(`docker: unknown command: docker ${first}\n\nRun 'docker --help' for more information\n`);
    return 1;
  }
  if (command === buildCommand && (commandArgs.includes('--help') || commandArgs.includes('-h'))) {
    context.io.stdout(buildHelp);
    return 0;
  }
  const commandPath = twoWord !== undefined ? `${first} ${second}` : first;
  if (commandArgs.includes('--help')) {
    context.io.stdout(`\nUsage:  ${usageLine(command.usage, commandPath)}\n\n${command.summary}\n`);
    return 0;
  }
  return command.run(commandArgs, { ...context, commandPath });
}
