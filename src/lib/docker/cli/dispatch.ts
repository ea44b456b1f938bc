import { buildCommand, buildHelp } from './build.ts';
import { mainHelp, versionText } from './help.ts';
import { historyCommand, imageInspectCommand, imagesCommand, inspectCommand } from './images.ts';
import { pullCommand, pushCommand } from './registry.ts';
import { runCommand } from './run.ts';
import { pruneCommand, rmiCommand, tagCommand } from './tags.ts';
import type { CliContext, Subcommand } from './types.ts';

const versionCommand: Subcommand = {
  usage: 'docker version [OPTIONS]',
  summary: 'Show the Docker version information',
  run: async (_args, context) => {
    context.io.stdout(versionText());
    return 0;
  },
};

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
    context.io.stderr(`unknown flag: ${first}\nSee 'docker --help'.\n`);
    return 125;
  }
  const twoWord = second === undefined ? undefined : subcommands[`${first} ${second}`];
  const command = twoWord ?? subcommands[first];
  const commandArgs = twoWord !== undefined ? rest : args.slice(1);
  if (command === undefined) {
    if (first === 'image' || first === 'buildx' || first === 'container') {
      context.io.stderr(`docker: '${first} ${second ?? ''}' is not a docker command.\nSee 'docker --help'\n`);
      return 1;
    }
    context.io.stderr(`docker: '${first}' is not a docker command.\nSee 'docker --help'\n`);
    return 1;
  }
  if (command === buildCommand && (commandArgs.includes('--help') || commandArgs.includes('-h'))) {
    context.io.stdout(buildHelp);
    return 0;
  }
  if (commandArgs.includes('--help')) {
    context.io.stdout(`\nUsage:  ${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  return command.run(commandArgs, context);
}
