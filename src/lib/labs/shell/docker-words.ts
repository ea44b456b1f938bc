/**
 * Docker CLI subcommands and their common flags, offered by Tab completion.
 * The list follows the Docker CLI's own `docker --help`; a subcommand the
 * simulated engine does not implement still completes and then reports so.
 */
export const dockerSubcommands: Record<string, string[]> = {
  build: ['--build-arg', '--check', '--file', '--no-cache', '--progress', '--pull', '--quiet', '--tag', '--target', '-f', '-q', '-t'],
  history: ['--format', '--human', '--no-trunc', '--quiet', '-H', '-q'],
  image: [],
  images: ['--all', '--digests', '--filter', '--format', '--no-trunc', '--quiet', '-a', '-f', '-q'],
  inspect: ['--format', '--type', '-f'],
  ps: ['--all', '--quiet', '-a', '-q'],
  pull: ['--platform', '--quiet', '-q'],
  push: ['--quiet', '-q'],
  rmi: ['--force', '-f'],
  run: ['--detach', '--env', '--name', '--publish', '--rm', '-d', '-e', '-it', '-p'],
  tag: [],
  version: [],
};

/** Subcommands of `docker image`, with the flags of the matching top-level command. */
export const dockerImageSubcommands: Record<string, string[]> = {
  build: dockerSubcommands.build ?? [],
  history: dockerSubcommands.history ?? [],
  inspect: ['--format', '-f'],
  ls: dockerSubcommands.images ?? [],
  prune: ['--all', '--force', '-a', '-f'],
  pull: dockerSubcommands.pull ?? [],
  push: dockerSubcommands.push ?? [],
  rm: dockerSubcommands.rmi ?? [],
  tag: [],
};

/** Flags accepted before the subcommand. */
export const dockerGlobalFlags = ['--help', '--version'];

/** Subcommands whose operands are image references, so Tab offers the local tags. */
export const imageOperandCommands = new Set(['history', 'inspect', 'push', 'rm', 'rmi', 'run', 'tag']);

/** Subcommands of the `lab` built-in. */
export const labSubcommands: Record<string, string[]> = { check: [], status: [], upstream: ['advance'] };
