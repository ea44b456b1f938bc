/** Dispatch table of `slipway` subcommands: each entry loads its module on demand. */
type Command = {
  summary: string;
  run: (args: string[]) => Promise<number>;
};

const commands: Record<string, Command> = {};

/** Register a subcommand; modules call this from src/cli/commands.ts. */
export function registerCommand(name: string, command: Command): void {
  commands[name] = command;
}

function usage(): string {
  const rows = Object.entries(commands)
    .map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`)
    .join('\n');
  return `Usage: slipway COMMAND [ARGS]\n\nCommands:\n${rows}\n`;
}

/** Run one CLI invocation and return its exit code. */
export async function main(argv: string[]): Promise<number> {
  await import('./commands.ts');
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 1 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    process.stderr.write(`slipway: unknown command "${name}"\n\n${usage()}`);
    return 1;
  }
  return command.run(rest);
}
