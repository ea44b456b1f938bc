import { registerCommand } from './main.ts';

// One entry per subcommand. Each module is imported only when its command runs.
registerCommand('docker', {
  summary: 'Run the simulated docker CLI against the current folder (state in .slipway/)',
  run: async (args) => (await import('../lib/docker/cli/node.ts')).runNodeDocker(args),
});
