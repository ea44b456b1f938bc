import { describe, expect, it } from 'vitest';
import { resolveCatalog } from '../catalog/index.ts';
import { sha256Digest } from '../digest.ts';
import { catalogFilesystem } from '../image/base-filesystem.ts';
import { parseReference } from '../reference.ts';
import type { RunContext } from './context.ts';
import { runScript } from './interpreter.ts';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Create a RUN context on a catalog image, as root in `cwd`, with its own blob map. */
function contextFor(image: string, options: { cwd?: string; user?: string } = {}): RunContext {
  const base = resolveCatalog(parseReference(image), 0);
  if (base === null) throw new Error(`${image} is not in the catalog`);
  const blobs = new Map<string, Uint8Array>();
  const fs = catalogFilesystem(base.key, base.image, (digest, data) => blobs.set(digest, data));
  const env = new Map(base.image.env.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)] as [string, string]));
  const name = options.user ?? 'root';
  const account = base.image.users.find((user) => user.name === name) ?? { uid: 1000, gid: 1000 };
  return {
    fs,
    os: base.image.os,
    shell: base.image.os === 'alpine' ? 'ash' : 'dash',
    env,
    cwd: options.cwd ?? '/',
    user: { name, uid: account.uid, gid: account.gid },
    python: base.image.tools.python,
    node: base.image.tools.node,
    output: [],
    elapsed: 0,
    options: { errexit: false, pipefail: false, xtrace: false },
    readText: async (path) => {
      const node = fs.get(path);
      const data = node?.digest === undefined ? undefined : blobs.get(node.digest);
      return data === undefined ? undefined : decoder.decode(data);
    },
    writeText: (path, text, mode) => {
      const data = encoder.encode(text);
      const digest = sha256Digest(data);
      blobs.set(digest, data);
      fs.put(path, { type: 'file', mode: mode ?? 0o644, uid: 0, gid: 0, size: data.length, digest });
    },
  };
}

/** Run a script and return its status and output text. */
async function run(image: string, script: string, options: { cwd?: string; user?: string } = {}) {
  const context = contextFor(image, options);
  const status = await runScript(script, context);
  return { status, output: context.output.map((line) => line.text).join('\n'), context };
}

describe('runScript failures', () => {
  const rows: Array<[string, string, string, number, string]> = [
    ['apt-get without -y', 'python:3.12-slim', 'apt-get update && apt-get install curl', 1, 'Do you want to continue? [Y/n] Abort.'],
    ['apt-get install before update', 'python:3.12-slim', 'apt-get install -y curl', 100, 'E: Unable to locate package curl'],
    ['apt-get on alpine', 'alpine:3.20', 'apt-get update', 127, '/bin/sh: apt-get: not found'],
    ['apt-get as non-root', 'python:3.12-slim', 'apt-get update', 100, 'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)'],
    ['apk on debian', 'debian:bookworm-slim', 'apk add --no-cache curl', 127, '/bin/sh: 1: apk: not found'],
    ['pip missing requirements', 'python:3.12-slim', 'pip install -r requirements.txt', 1, "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements.txt'"],
    ['pip without python', 'debian:bookworm-slim', 'pip install numpy', 127, '/bin/sh: 1: pip: not found'],
    ['npm without package.json', 'node:22-slim', 'npm install', 254, "npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '/app/package.json'"],
    ['npm ci without lock file', 'node:22-slim', 'echo {} > package.json && npm ci', 1, 'npm error The `npm ci` command can only install with an existing package-lock.json or'],
    ['mkdir without -p', 'python:3.12-slim', 'mkdir /srv/app/models', 1, 'mkdir: cannot create directory \u2018/srv/app/models\u2019: No such file or directory'],
    ['mkdir on alpine', 'alpine:3.20', 'mkdir /srv/app/models', 1, "mkdir: can't create directory '/srv/app/models': No such file or directory"],
    ['useradd on alpine', 'alpine:3.20', 'useradd app', 127, '/bin/sh: useradd: not found'],
    ['useradd twice', 'python:3.12-slim', 'useradd app; useradd app', 9, "useradd: user 'app' already exists"],
    ['useradd unknown group', 'python:3.12-slim', 'useradd -g models app', 6, "useradd: group 'models' does not exist"],
    ['adduser -D on debian', 'python:3.12-slim', 'adduser -D app', 1, 'Unknown option: D'],
    ['adduser without -D on alpine', 'alpine:3.20', 'adduser app', 1, 'passwd: password for app is unchanged'],
    ['chown unknown user', 'python:3.12-slim', 'chown -R app:app /tmp', 1, 'chown: invalid user: \u2018app:app\u2019'],
    ['chown on alpine', 'alpine:3.20', 'chown app /tmp', 1, 'chown: unknown user app'],
    ['chmod missing file', 'python:3.12-slim', 'chmod +x start.sh', 1, 'chmod: cannot access \u2018start.sh\u2019: No such file or directory'],
    ['rm missing file', 'python:3.12-slim', 'rm /tmp/nothing', 1, 'rm: cannot remove \u2018/tmp/nothing\u2019: No such file or directory'],
    ['cd to missing dir', 'python:3.12-slim', 'cd /models && ls', 2, "/bin/sh: 1: cd: can't cd to /models"],
    ['pipefail under dash', 'python:3.12-slim', 'set -o pipefail && echo hi | cat', 2, '/bin/sh: 1: set: Illegal option -o pipefail'],
    ['bash on alpine', 'alpine:3.20', 'bash -c "echo hi"', 127, '/bin/sh: bash: not found'],
    ['source under dash', 'python:3.12-slim', 'source /etc/os-release', 127, '/bin/sh: 1: source: not found'],
    ['curl missing on slim', 'python:3.12-slim', 'curl -fsSL https://example.org', 127, '/bin/sh: 1: curl: not found'],
    ['redirect into missing dir', 'python:3.12-slim', 'echo 1 > /models/version.txt', 2, '/bin/sh: 1: cannot create /models/version.txt: Directory nonexistent'],
    ['python import of missing module', 'python:3.12-slim', 'python -c "import numpy"', 1, "ModuleNotFoundError: No module named 'numpy'"],
  ];
  it.each(rows)('%s', async (_name, image, script, status, message) => {
    const user = _name.includes('non-root') ? 'nobody' : undefined;
    const cwd = image.startsWith('node') ? '/app' : '/';
    const context = contextFor(image, { user, cwd });
    if (cwd === '/app') context.fs.put('/app', { type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0 });
    const result = await runScript(script, context);
    expect(result).toBe(status);
    expect(context.output.map((line) => line.text).join('\n')).toContain(message);
  });
});

describe('runScript effects', () => {
  it('pipefail works under bash', async () => {
    const { status } = await run('python:3.12-slim', 'bash -c "set -o pipefail && false | cat"');
    expect(status).toBe(1);
  });

  it('echo redirect writes a file and cat reads it', async () => {
    const { status, output } = await run('python:3.12-slim', 'mkdir -p /app && echo "model v1" > /app/VERSION && cat /app/VERSION');
    expect(status).toBe(0);
    expect(output).toBe('model v1');
  });

  it('cd affects only the rest of the script', async () => {
    const { context } = await run('python:3.12-slim', 'mkdir -p /srv/app && cd /srv/app && touch ready');
    expect(context.fs.exists('/srv/app/ready')).toBe(true);
  });

  it('|| runs the fallback and ; continues', async () => {
    const { status, output } = await run('python:3.12-slim', 'false || echo recovered; echo done');
    expect(status).toBe(0);
    expect(output).toBe('recovered\ndone');
  });

  it('set -e stops at the first failure', async () => {
    const { status, output } = await run('python:3.12-slim', 'set -e; false; echo never');
    expect(status).toBe(1);
    expect(output).not.toContain('never');
  });

  it('unknown commands succeed with a simulated note', async () => {
    const { status, output } = await run('python:3.12-slim', 'python manage.py collectstatic');
    expect(status).toBe(0);
    expect(output).toContain('simulated: python manage.py collectstatic was not run; Slipway assumed it succeeded');
  });

  const notes: Array<[string, string]> = [
    ['sh', 'simulated: sh was not run; Slipway assumed it succeeded'],
    ['bash', 'simulated: bash was not run; Slipway assumed it succeeded'],
    ['python', 'simulated: python was not run; Slipway assumed it succeeded'],
    ['frobnicate --all', 'simulated: frobnicate --all was not run; Slipway assumed it succeeded'],
  ];
  it.each(notes)('simulated note for %j', async (script, note) => {
    const { output } = await run('python:3.12-slim', script);
    expect(output).toBe(note);
  });

  it('useradd adds the account and its group', async () => {
    const { context } = await run('python:3.12-slim', 'useradd --create-home --uid 1001 app');
    expect(await context.readText('/etc/passwd')).toContain('app:x:1001:1001::/home/app:/bin/sh');
    expect(await context.readText('/etc/group')).toContain('app:x:1001:');
    expect(context.fs.isDirectory('/home/app')).toBe(true);
  });

  it('apt-get update then install adds the binary', async () => {
    const { status, context } = await run('python:3.12-slim', 'apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*');
    expect(status).toBe(0);
    expect(context.fs.exists('/usr/bin/curl')).toBe(true);
    expect(context.fs.descendants('/var/lib/apt/lists')).toEqual([]);
  });

  it('pip --no-cache-dir leaves no wheel cache', async () => {
    const cached = await run('python:3.12-slim', 'pip install numpy');
    const uncached = await run('python:3.12-slim', 'pip install --no-cache-dir numpy');
    expect(cached.context.fs.descendants('/root/.cache/pip').length).toBeGreaterThan(0);
    expect(uncached.context.fs.exists('/root/.cache/pip')).toBe(false);
  });

  it('python --version reports the image version', async () => {
    expect((await run('python:3.12.7-slim', 'python --version')).output).toBe('Python 3.12.7');
  });
});

describe('runScript virtual environments and scripts', () => {
  it('python -m venv then pip installs into the venv', async () => {
    const context = contextFor('python:3.12-slim');
    context.env.set('PATH', `/opt/venv/bin:${context.env.get('PATH') ?? ''}`);
    const status = await runScript('python -m venv /opt/venv && pip install --no-cache-dir numpy', context);
    expect(status).toBe(0);
    expect(context.fs.exists('/opt/venv/lib/python3.12/site-packages/numpy/__init__.py')).toBe(true);
    expect(context.fs.exists('/usr/local/lib/python3.12/site-packages/numpy')).toBe(false);
    expect(context.output.map((line) => line.text).join('\n')).not.toContain("Running pip as the 'root' user");
  });

  it('runs a multi-line heredoc script line by line', async () => {
    const { status, output } = await run('python:3.12-slim', 'set -e\n# make the folder\nmkdir -p /app\necho one > /app/a &&\n  cat /app/a\n');
    expect(status).toBe(0);
    expect(output).toBe('one');
  });

  it('runs a program called by path', async () => {
    const { status, output } = await run('python:3.12-slim', '/usr/local/bin/python --version');
    expect(status).toBe(0);
    expect(output).toBe('Python 3.12.11');
    expect((await run('python:3.12-slim', '/opt/tool/run')).status).toBe(127);
  });
});

describe('runScript unknown packages', () => {
  it('installs them with a visible estimate note', async () => {
    const { status, output } = await run('python:3.12-slim', 'pip install --no-cache-dir heart-features==0.3.1');
    expect(status).toBe(0);
    expect(output).toContain("simulated: heart-features not in Slipway's package table; installed size estimated at 1 MB each");
    expect(output).toContain('Successfully installed heart-features-0.3.1');
  });
});

describe('runScript text filters', () => {
  const rows: Array<[string, string, number, string]> = [
    ['head of a file', 'head -n 1 /etc/os-release', 0, 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"'],
    ['grep in a pipe', 'python --version | grep 3.12', 0, 'Python 3.12.11'],
    ['grep without a match', 'python --version | grep -q 3.13', 1, ''],
    ['tail of stdin', 'cat /etc/group | tail -1', 0, 'nobody:x:65534:'],
    ['wc -l of a file', 'wc -l /etc/os-release', 0, '3 /etc/os-release'],
  ];
  it.each(rows)('%s', async (_name, script, status, output) => {
    const result = await run('python:3.12-slim', script);
    expect(result.status).toBe(status);
    expect(result.output).toBe(output);
  });
});
