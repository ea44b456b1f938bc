import type { Subcommand } from './types.ts';

/** Docker CLI version the simulation presents itself as. */
export const simulatedVersion = { client: '28.5.2', api: '1.51', go: 'go1.24.9', buildx: 'v0.29.1' };

/** Text of `docker version`. */
export function versionText(): string {
  return `Client:
 Version:           ${simulatedVersion.client}
 API version:       ${simulatedVersion.api}
 Go version:        ${simulatedVersion.go}
 Git commit:        ecc6942
 Built:             Wed Nov  5 14:43:25 2025
 OS/Arch:           linux/amd64
 Context:           default

Server: Slipway lab engine (simulated Docker Engine - Community)
 Engine:
  Version:          ${simulatedVersion.client}
  API version:      ${simulatedVersion.api} (minimum version 1.24)
  Go version:       ${simulatedVersion.go}
  Git commit:       89c5e8f
  Built:            Wed Nov  5 14:43:25 2025
  OS/Arch:          linux/amd64
  Experimental:     false
`;
}

/** Text of `docker --help`, listing the subcommands the simulation supports. */
export function mainHelp(commands: Record<string, Subcommand>): string {
  const rows = Object.entries(commands)
    .filter(([name]) => !name.includes(' '))
    .map(([name, command]) => `  ${name.padEnd(11)} ${command.summary}`)
    .join('\n');
  return `
Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
${rows}

Run 'docker COMMAND --help' for more information on a command.

For more help on how to use Docker, head to https://docs.docker.com/go/guides/
`;
}
