import { registerCommand } from './main.ts';

// One entry per subcommand. Each module is imported only when its command runs.
registerCommand('docker', {
  summary: 'Run the simulated docker CLI against the current folder (state in .slipway/)',
  run: async (args) => (await import('../lib/docker/cli/node.ts')).runNodeDocker(args),
});

registerCommand('grade', {
  summary: 'Grade a JSONL file of checkpoint submissions offline (--out FILE, summary on stderr)',
  run: async (args) => (await import('../lib/grading/cli/node.ts')).runGradeCli(args),
});

registerCommand('regrade', {
  summary: 'Re-grade stored submissions of a checkpoint with the current key (--dry-run to only report)',
  run: async (args) => (await import('../lib/grading-service/regrade-cli.ts')).runRegrade(args),
});

registerCommand('check', {
  summary: 'Check lessons, labs and checkpoints and list every problem with its file and field',
  run: async (args) => (await import('../lib/content/check-command.ts')).runCheck(args),
});
