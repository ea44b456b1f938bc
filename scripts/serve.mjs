// Serve the production build: `node scripts/serve.mjs` after `astro build`.
// It wraps the Node adapter's handler in our own HTTP server so that a port
// already in use fails loudly with exit code 1 instead of exiting silently,
// and so that API requests can skip the adapter's static-file lookup.
import { existsSync } from 'node:fs';
import http from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const host = process.env.HOST ?? 'localhost';
const port = Number(process.env.PORT ?? 4321);
const outDir = resolve(process.env.SLIPWAY_OUT_DIR ?? 'dist');

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`slipway: PORT must be a whole number from 0 to 65535; found "${process.env.PORT}"`);
  process.exit(1);
}

// The server grades from the checkpoint files on disk, which may have changed
// since the build checked them: refuse to start with a broken one rather than
// answer every checkpoint request with a 500.
const { validateCheckpoints } = await import('../src/lib/grading/load.ts');
const checkpointErrors = validateCheckpoints();
if (checkpointErrors.length > 0) {
  console.error(`slipway: the checkpoint files are invalid, so the server did not start:\n${checkpointErrors.join('\n')}`);
  process.exit(1);
}

// The adapter starts its own server on import unless ASTRO_NODE_AUTOSTART is "disabled".
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
let entry;
try {
  entry = await import(pathToFileURL(resolve(outDir, 'server/entry.mjs')).href);
} catch (error) {
  console.error(`slipway: cannot load ${outDir}/server/entry.mjs; run \`npm run build\` first.\n${error}`);
  process.exit(1);
}

// API paths made only of these characters cannot name a static file (the
// build writes none under client/api/) and contain no dot segment or escape
// that the static lookup would have normalized. They skip that lookup.
const apiPath = /^\/api\/[A-Za-z0-9_\/-]*(?:\?|$)/;
const appHandler =
  typeof entry.appHandler === 'function' && !existsSync(resolve(outDir, 'client/api')) ? entry.appHandler : undefined;

/** Route one request: API paths straight to on-demand rendering, everything else through the adapter's handler. */
function handle(req, res) {
  if (appHandler === undefined || !apiPath.test(req.url)) {
    entry.handler(req, res);
    return;
  }

  // The adapter's handler rejects a malformed escape anywhere in the URL the same way.
  try {
    decodeURI(req.url);
  } catch {
    res.writeHead(400);
    res.end('Bad request.');
    return;
  }
  appHandler(req, res);
}

const server = http.createServer(handle);

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`slipway: ${host}:${port} is already in use. Stop the other server or set PORT to a free port.`);
  } else {
    console.error(`slipway: server failed: ${error.message}`);
  }
  process.exit(1);
});

server.listen(port, host, () => {
  const shown = host.includes(':') ? `[${host}]` : host;
  console.log(`slipway: serving the course on http://${shown}:${port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Keep-alive connections can hold close() open; do not wait for them forever.
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
