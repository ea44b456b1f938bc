/**
 * Folder of the engine's state inside the WebContainer, relative to the
 * container's working folder. The `docker` program in the container and the
 * page's task checks both read it, so it lives apart from either entry point.
 */
export const CONTAINER_STATE_DIR = '.slipway/docker';

/** Global through which the container's bin shim hands Node's `fs/promises` to the bundled `docker` program. */
export const NODE_FS_GLOBAL = 'slipwayNodeFs';

/**
 * Script at `node_modules/.bin/docker`: jsh puts that folder on the PATH and
 * runs the script with Node. It loads `fs/promises` with the CommonJS
 * `require` the bundle cannot see, then runs the bundled program.
 */
export const DOCKER_BIN_SHIM = `#!/usr/bin/env node\nglobalThis.${NODE_FS_GLOBAL} = require("fs/promises");\nrequire("../../.slipway/docker.cjs");\n`;
