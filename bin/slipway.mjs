#!/usr/bin/env node
// Entry point for `npx slipway`. The CLI is TypeScript run through Node 24's
// built-in type stripping, so the sources under src/ need no build step.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(
    `slipway: Node ${process.versions.node} is too old; Node 24 or newer is required. ` +
      'Run it through npx or npm scripts so the project-pinned Node is used.',
  );
  process.exit(1);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
