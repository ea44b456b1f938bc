import { describe, expect, it } from 'vitest';
import { docker, fixtureEngine } from '../engine-helpers.test-support.ts';

/** Engine whose clock the test moves. */
function movableEngine(extra: Record<string, string> = {}) {
  const clock = { time: new Date('2026-03-01T10:00:00Z'), now() { return this.time; } };
  const { engine, fs } = fixtureEngine(extra, clock);
  return { engine, fs, clock };
}

const multiStage = `FROM python:3.12-slim AS build
WORKDIR /src
COPY requirements.txt .
RUN pip install --user --no-cache-dir -r requirements.txt

FROM python:3.12-slim AS runtime
WORKDIR /app
COPY --from=build /root/.local /root/.local
COPY app.py model.json ./
ARG TOKEN=dev-token
RUN echo "token set" > /app/token.txt
CMD ["python", "app.py"]
`;

describe('docker images', () => {
  it('lists tags, dangling images and ages', async () => {
    const { engine, fs, clock } = movableEngine();
    await docker(engine, ['build', '-t', 'heart-model:1.0', '.']);
    clock.time = new Date('2026-03-01T11:00:00Z');
    fs.writeFileSync('/lab/app.py', 'print("v2")\n');
    await docker(engine, ['build', '-t', 'heart-model:1.0', '.']);
    clock.time = new Date('2026-03-04T11:30:00Z');
    const { stdout } = await docker(engine, ['images']);
    expect(stdout).toMatch(/^REPOSITORY    TAG       IMAGE ID       CREATED      SIZE\nheart-model   1\.0       [a-f0-9]{12}   3 days ago   180MB\n<none>        <none>    [a-f0-9]{12}   3 days ago   180MB\n$/);
  });

  const createdRows: Array<[string, string]> = [
    ['RUN that writes no file', 'FROM python:3.12-slim\nRUN echo hello\n'],
    ['RUN that writes a file', 'FROM python:3.12-slim\nRUN echo hello > /hello.txt\n'],
    ['metadata step last', 'FROM python:3.12-slim\nRUN echo hello\nENV MODE=prod\n'],
  ];
  it.each(createdRows)('Created is the build time: %s', async (_name, dockerfile) => {
    const { engine } = movableEngine({ '/lab/Dockerfile': dockerfile });
    expect((await docker(engine, ['build', '-t', 'stamp:1', '.'])).code).toBe(0);
    const created = await docker(engine, ['inspect', '--format', '{{.Created}}', 'stamp:1']);
    expect(created.stdout).toBe('2026-03-01T10:00:00Z\n');
  });

  const filterRows: Array<[string, string[]]> = [
    ['reference=heart*', ['heart-model:1.0', 'heart-model:latest']],
    ['reference=heart-model:1.*', ['heart-model:1.0']],
    ['reference=*/heart-model:*', ['localhost:5000/heart-model:1.0']],
    ['reference=other', ['other:1']],
    ['dangling=false', ['heart-model:1.0', 'heart-model:latest', 'localhost:5000/heart-model:1.0', 'other:1']],
  ];
  it.each(filterRows)('images --filter %s', async (filter, expected) => {
    const { engine } = movableEngine();
    await docker(engine, ['build', '-t', 'heart-model:1.0', '-t', 'heart-model:latest', '-t', 'localhost:5000/heart-model:1.0', '-t', 'other:1', '.']);
    const { stdout } = await docker(engine, ['images', '--filter', filter, '--format', '{{.Repository}}:{{.Tag}}']);
    expect(stdout.trimEnd().split('\n').sort()).toEqual(expected);
  });

  it('prints -q, --digests and --format json', async () => {
    const { engine } = movableEngine();
    await docker(engine, ['build', '-t', 'heart-model:1.0', '.']);
    await docker(engine, ['tag', 'heart-model:1.0', 'localhost:5000/heart-model:1.0']);
    await docker(engine, ['push', 'localhost:5000/heart-model:1.0']);
    const quiet = await docker(engine, ['images', '-q']);
    expect(quiet.stdout).toMatch(/^[a-f0-9]{12}\n$/);
    const digests = await docker(engine, ['images', '--digests']);
    expect(digests.stdout).toMatch(/localhost:5000\/heart-model {3}1\.0 {7}sha256:[a-f0-9]{64} {3}[a-f0-9]{12}/);
    const json = await docker(engine, ['images', '--format', 'json']);
    const rows = json.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
    expect(rows.map((row) => row.Repository).sort()).toEqual(['heart-model', 'localhost:5000/heart-model']);
    expect(rows[0]?.Size).toBe('180MB');
  });
});

describe('docker history and inspect', () => {
  it('shows build args of a RUN, truncated and not', async () => {
    const { engine } = movableEngine({ '/lab/Dockerfile': multiStage });
    expect((await docker(engine, ['build', '--build-arg', 'TOKEN=s3cr3t', '-t', 'multi:1', '.'])).code).toBe(0);
    const truncated = await docker(engine, ['history', 'multi:1']);
    expect(truncated.stdout).toContain('RUN |1 TOKEN=s3cr3t /bin/sh -c echo "token s…   ');
    const full = await docker(engine, ['history', '--no-trunc', 'multi:1']);
    expect(full.stdout).toContain('RUN |1 TOKEN=s3cr3t /bin/sh -c echo "token set" > /app/token.txt # buildkit');
    expect(full.stdout).toContain('CMD ["python" "app.py"]');
  });

  const humanRows: Array<[string[], string]> = [
    [['history', '--format', '{{.CreatedSince}}|{{.Size}}', 'heart-model:1.0'], '2 hours ago|0B'],
    [['history', '-H=false', '--format', '{{.CreatedSince}}|{{.Size}}', 'heart-model:1.0'], '2026-03-01T10:00:00Z|0'],
    [['history', '--human=false', '--format', '{{.CreatedSince}}|{{.Size}}', 'heart-model:1.0'], '2026-03-01T10:00:00Z|0'],
  ];
  it.each(humanRows)('history top row for %j', async (args, firstRow) => {
    const { engine, clock } = movableEngine();
    await docker(engine, ['build', '-t', 'heart-model:1.0', '.']);
    clock.time = new Date('2026-03-01T12:00:00Z');
    const { stdout } = await docker(engine, args);
    expect(stdout.split('\n')[0]).toBe(firstRow);
  });

  it('inspect prints the moby JSON shape', async () => {
    const { engine } = movableEngine();
    await docker(engine, ['build', '-t', 'heart-model:1.0', '.']);
    const [object] = JSON.parse((await docker(engine, ['image', 'inspect', 'heart-model:1.0'])).stdout) as Array<Record<string, unknown>>;
    expect(Object.keys(object ?? {})).toEqual(['Id', 'RepoTags', 'RepoDigests', 'Parent', 'Comment', 'Created', 'DockerVersion', 'Author', 'Config', 'Architecture', 'Os', 'Size', 'GraphDriver', 'RootFS', 'Metadata']);
    expect(object?.Config).toMatchObject({ User: 'app', WorkingDir: '/app', ExposedPorts: { '8080/tcp': {} }, Cmd: ['uvicorn', 'app:app', '--host', '0.0.0.0', '--port', '8080'] });
    expect(Object.keys(object?.Config ?? {})).toEqual(['User', 'ExposedPorts', 'Env', 'Cmd', 'Volumes', 'WorkingDir', 'Entrypoint', 'OnBuild', 'Labels']);
    expect(object?.Comment).toBe('buildkit.dockerfile.v0');
    const id = await docker(engine, ['inspect', '--format', '{{.Id}}', 'heart-model:1.0']);
    expect(id.stdout).toBe(`${String(object?.Id)}\n`);
    const missing = await docker(engine, ['inspect', 'nope:1']);
    expect(missing.stdout).toBe('[]\n');
    expect(missing.stderr).toBe('Error: No such object: nope:1\n');
    const missingImage = await docker(engine, ['image', 'inspect', 'nope']);
    expect(missingImage.stderr).toBe('Error response from daemon: No such image: nope:latest\n');
  });
});

describe('multi-stage builds', () => {
  it('labels steps per stage and honours --target', async () => {
    const { engine } = movableEngine({ '/lab/Dockerfile': multiStage });
    const full = await docker(engine, ['build', '-t', 'multi:1', '.']);
    expect(full.stderr).toContain('[build 4/4] RUN pip install --user --no-cache-dir -r requirements.txt');
    expect(full.stderr).toContain('[runtime 3/5] COPY --from=build /root/.local /root/.local');
    const target = await docker(engine, ['build', '--target', 'build', '-t', 'multi:build', '.']);
    expect(target.stderr).not.toContain('[runtime');
    expect(target.stderr).toContain('[build 4/4] RUN pip install --user --no-cache-dir -r requirements.txt\n#');
    const unknown = await docker(engine, ['build', '--target', 'tests', '.']);
    expect(unknown.stderr).toContain('ERROR: failed to build: failed to solve: target stage "tests" could not be found');
  });
});

describe('build errors and warnings', () => {
  it('reports an unknown instruction with the source excerpt', async () => {
    const { engine } = movableEngine({ '/lab/Dockerfile': 'FROM python:3.12-slim\nRUNN pip install numpy\n' });
    const result = await docker(engine, ['build', '.']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('   2 | >>> RUNN pip install numpy');
    expect(result.stderr).toMatch(/ERROR: failed to build: failed to solve: dockerfile parse error on line 2: unknown instruction: RUNN/);
  });

  it('prints lint warnings after the build', async () => {
    const { engine } = movableEngine({ '/lab/Dockerfile': 'FROM python:3.12-slim\nCOPY . /app\nCMD python /app/app.py\n' });
    const result = await docker(engine, ['build', '.']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(' 1 warning found (use docker --debug to expand):\n - JSONArgsRecommended: ');
    expect(result.stderr).toContain('(line 3)');
  });

  it('reports an unknown chown user at COPY', async () => {
    const { engine } = movableEngine({ '/lab/Dockerfile': 'FROM python:3.12-slim\nCOPY --chown=app:app . /app\n' });
    const result = await docker(engine, ['build', '.']);
    expect(result.stderr).toContain("unable to convert uid/gid chown string to host mapping: can't find uid for user app: no such user: app");
  });

  it('reports an unknown USER at the next RUN', async () => {
    const { engine } = movableEngine({ '/lab/Dockerfile': 'FROM python:3.12-slim\nUSER app\nRUN echo hi\n' });
    const result = await docker(engine, ['build', '.']);
    expect(result.stderr).toContain('ERROR: failed to build: failed to solve: unable to find user app: no matching entries in passwd file');
  });
});

describe('missing images in a build', () => {
  const rows: Array<[string, string]> = [
    ['FROM nosuchimage:1\n', 'ERROR: failed to build: failed to solve: nosuchimage:1: failed to resolve source metadata for docker.io/library/nosuchimage:1: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n'],
    ['FROM python:2.9-slim\n', 'ERROR: failed to build: failed to solve: python:2.9-slim: failed to resolve source metadata for docker.io/library/python:2.9-slim: docker.io/library/python:2.9-slim: not found\n'],
    ['FROM alpine:3.20\nCOPY --from=nosuch /a /a\n', 'ERROR: failed to build: failed to solve: nosuch: failed to resolve source metadata for docker.io/library/nosuch:latest: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n'],
    ['FROM alpine:3.20\nCOPY --from=python:2.9-slim /a /a\n', 'ERROR: failed to build: failed to solve: python:2.9-slim: failed to resolve source metadata for docker.io/library/python:2.9-slim: docker.io/library/python:2.9-slim: not found\n'],
  ];
  it.each(rows)('error for %j', async (dockerfile, lastLine) => {
    const { engine } = movableEngine({ '/lab/Dockerfile': dockerfile });
    const result = await docker(engine, ['build', '-t', 'missing:1', '.']);
    expect(result.code).toBe(1);
    expect(result.stderr.endsWith(lastLine)).toBe(true);
  });
});

describe('images the daemon cannot find', () => {
  const rows: Array<[string[], string]> = [
    [['rmi', 'nope'], 'Error response from daemon: No such image: nope:latest\n'],
    [['rmi', 'BAD'], 'Error response from daemon: invalid reference format: repository name (library/BAD) must be lowercase\n'],
    [['history', 'BAD:1'], 'Error response from daemon: invalid reference format: repository name (library/BAD) must be lowercase\n'],
    [['image', 'inspect', 'nope:2'], 'Error response from daemon: No such image: nope:2\n'],
    [['tag', 'BAD', 'good:1'], 'Error parsing reference: "BAD" is not a valid repository/tag: invalid reference format: repository name (library/BAD) must be lowercase\n'],
    [['tag', 'nope:1', 'BAD:1'], 'Error parsing reference: "BAD:1" is not a valid repository/tag: invalid reference format: repository name (library/BAD) must be lowercase\n'],
    [['tag', 'nope:1', 'good:1'], 'Error response from daemon: No such image: nope:1\n'],
    [['rmi', 'abcdef123456'], 'Error response from daemon: No such image: abcdef123456\n'],
  ];
  it.each(rows)('stderr for %j', async (args, stderr) => {
    const { engine } = movableEngine();
    const result = await docker(engine, args);
    expect(result.stderr).toBe(stderr);
    expect(result.code).toBe(1);
  });
});

describe('docker run, pull and prune', () => {
  it('runs what the model can run', async () => {
    const { engine } = movableEngine();
    await docker(engine, ['build', '-t', 'heart-model:1.0', '.']);
    const version = await docker(engine, ['run', '--rm', 'heart-model:1.0', 'python', '--version']);
    expect(version.stdout).toBe('Python 3.12.11\n');
    expect(version.stderr).toContain('simulated container: entrypoint [], command ["python","--version"], user app, workdir /app');
    const cat = await docker(engine, ['run', '--rm', 'heart-model:1.0', 'cat', 'requirements.txt']);
    expect(cat.stdout).toBe('fastapi==0.115.5\nuvicorn==0.32.1\nnumpy==2.1.3\n');
    const server = await docker(engine, ['run', '--rm', 'heart-model:1.0']);
    expect(server.stdout).toContain('simulated: uvicorn app:app --host 0.0.0.0 --port 8080 was not run');
  });

  const pullRows: Array<[string, string[][], string, string]> = [
    ['up-to-date pull lists no layers', [['pull', 'alpine:3.20']], 'pull alpine:3.20', '3.20: Pulling from library/alpine\nDigest: sha256:'],
    ['pull -q prints only the reference', [], 'pull -q alpine:3.20', 'docker.io/library/alpine:3.20\n'],
    ['run pulls without the reference line', [], 'run --rm alpine:3.20 echo hi', 'hi\n'],
  ];
  it.each(pullRows)('%s', async (_name, setup, command, stdoutStart) => {
    const { engine } = movableEngine();
    for (const args of setup) await docker(engine, args);
    const result = await docker(engine, command.split(' '));
    expect(result.stdout.startsWith(stdoutStart)).toBe(true);
    expect(result.code).toBe(0);
  });

  it('run prints pull progress on stderr', async () => {
    const { engine } = movableEngine();
    const result = await docker(engine, ['run', '--rm', 'alpine:3.20', 'echo', 'hi']);
    expect(result.stderr).toMatch(/^Unable to find image 'alpine:3\.20' locally\n3\.20: Pulling from library\/alpine\n/);
    expect(result.stderr).toContain('Status: Downloaded newer image for alpine:3.20\n');
    expect(result.stderr).not.toContain('docker.io/library/alpine:3.20');
  });

  it('pulls from the catalog and reports up to date', async () => {
    const { engine } = movableEngine();
    const first = await docker(engine, ['pull', 'python:3.12-slim']);
    expect(first.stdout).toMatch(/^3\.12-slim: Pulling from library\/python\n/);
    expect(first.stdout).toContain('Status: Downloaded newer image for python:3.12-slim\ndocker.io/library/python:3.12-slim\n');
    const second = await docker(engine, ['pull', 'python:3.12-slim']);
    expect(second.stdout).toContain('Status: Image is up to date for python:3.12-slim');
    const images = await docker(engine, ['images']);
    expect(images.stdout).toMatch(/^REPOSITORY   TAG         IMAGE ID       CREATED        SIZE\npython       3\.12-slim   [a-f0-9]{12}   8 months ago   131MB\n$/);
    const missing = await docker(engine, ['pull', 'python:2.9-slim']);
    expect(missing.stderr).toBe('Error response from daemon: manifest for python:2.9-slim not found: manifest unknown: manifest unknown\n');
  });

  it('prune removes dangling images only, -a removes all', async () => {
    const { engine, fs } = movableEngine();
    await docker(engine, ['build', '-t', 'heart-model:1.0', '.']);
    fs.writeFileSync('/lab/app.py', 'print(2)\n');
    await docker(engine, ['build', '-t', 'heart-model:1.0', '.']);
    const prune = await docker(engine, ['image', 'prune', '-f']);
    expect(prune.stdout).toMatch(/^Deleted Images:\ndeleted: sha256:[a-f0-9]{64}\n\nTotal reclaimed space: 180MB\n$/);
    expect((await engine.store.listImages()).length).toBe(1);
    await docker(engine, ['image', 'prune', '-a', '-f']);
    expect(await engine.store.listImages()).toEqual([]);
  });

  it('rmi by ID of a multi-tagged image is a conflict', async () => {
    const { engine } = movableEngine();
    await docker(engine, ['build', '-t', 'heart-model:1.0', '-t', 'heart-model:latest', '.']);
    const id = (await engine.store.resolve('heart-model:1.0'))?.slice(7, 19) ?? '';
    const conflict = await docker(engine, ['rmi', id]);
    expect(conflict.stderr).toBe(`Error response from daemon: conflict: unable to delete ${id} (must be forced) - image is referenced in multiple repositories\n`);
    const forced = await docker(engine, ['rmi', '-f', id]);
    expect(forced.stdout).toMatch(/^Untagged: heart-model:1\.0\nUntagged: heart-model:latest\nDeleted: sha256:[a-f0-9]{64}\n$/);
  });
});

describe('build options', () => {
  it('-q prints only the image ID', async () => {
    const { engine } = movableEngine();
    const result = await docker(engine, ['build', '-q', '-t', 'heart-model:1.0', '.']);
    expect(result.stdout).toMatch(/^sha256:[a-f0-9]{64}\n$/);
    expect(result.stderr).toBe('');
  });

  const quietRows: Array<[string[], string, string, number]> = [
    [['-q'], 'sha256:', '', 0],
    [['-q', '--progress=plain'], '', 'ERROR: progress=plain and quiet cannot be used together\n', 1],
    [['-q', '--progress', 'auto'], 'sha256:', '', 0],
  ];
  it.each(quietRows)('quiet build with warnings: %j', async (flags, stdoutStart, stderr, code) => {
    const { engine } = movableEngine({ '/lab/Dockerfile': 'FROM python:3.12-slim as base\nCMD python app.py\n' });
    const result = await docker(engine, ['build', ...flags, '-t', 'quiet:1', '.']);
    expect(result.stdout.startsWith(stdoutStart)).toBe(true);
    expect(result.stderr).toBe(stderr);
    expect(result.code).toBe(code);
  });

  const buildArgRows: Array<[string, Record<string, string>, string]> = [
    ['TOKEN=flag', {}, 'token=flag'],
    ['TOKEN', { TOKEN: 'from-env' }, 'token=from-env'],
    ['TOKEN', {}, 'token=default'],
    ['TOKEN=', { TOKEN: 'from-env' }, 'token='],
  ];
  it.each(buildArgRows)('--build-arg %s with env %j', async (buildArg, env, expected) => {
    const { engine } = movableEngine({ '/lab/Dockerfile': 'FROM python:3.12-slim\nARG TOKEN=default\nRUN echo "token=$TOKEN"\n' });
    let stderr = '';
    const code = await engine.run(['build', '--build-arg', buildArg, '-t', 'args:1', '.'], { stdout: () => undefined, stderr: (text) => (stderr += text) }, { cwd: '/lab', env });
    expect(code).toBe(0);
    expect(stderr).toMatch(new RegExp(`#\\d+ \\d+\\.\\d+ ${expected}\n`));
  });

  it('--check lists BuildKit warnings without building', async () => {
    const { engine } = movableEngine({ '/lab/Dockerfile': 'FROM python:3.12-slim as base\nCMD python app.py\n' });
    const result = await docker(engine, ['build', '--check', '.']);
    expect(result.stdout).toContain('Check complete, 2 warnings have been found!');
    expect(result.stdout).toContain('WARNING: FromAsCasing - https://docs.docker.com/go/dockerfile/rule/from-as-casing/');
    expect(await engine.store.listImages()).toEqual([]);
  });

  const checkStatus: Array<[string, string, number]> = [
    ['clean Dockerfile', 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n', 0],
    ['one BuildKit warning', 'FROM python:3.12-slim\nCMD python app.py\n', 1],
    ['warning skipped by check=skip', '# check=skip=JSONArgsRecommended\nFROM python:3.12-slim\nCMD python app.py\n', 0],
    ['Slipway rule only', 'FROM python:3.12-slim\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n', 0],
    ['check=error=true', '# check=error=true\nFROM python:3.12-slim\nCMD python app.py\n', 1],
  ];
  it.each(checkStatus)('--check exit status: %s', async (_name, dockerfile, code) => {
    const { engine } = movableEngine({ '/lab/Dockerfile': dockerfile });
    const result = await docker(engine, ['build', '--check', '.']);
    expect(result.code).toBe(code);
  });

  it('global ARG sets the base image tag', async () => {
    const { engine } = movableEngine({ '/lab/Dockerfile': 'ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-alpine\nRUN apk add --no-cache curl\n' });
    const result = await docker(engine, ['build', '--build-arg', 'PYTHON_VERSION=3.13', '-t', 'alpine-app:1', '.']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('[internal] load metadata for docker.io/library/python:3.13-alpine');
    expect(result.stderr).toContain('(1/1) Installing curl (8.11.1-r0)');
  });

  it('HEALTHCHECK, ENTRYPOINT and VOLUME reach the config', async () => {
    const dockerfile = 'FROM nginx:1.27\nHEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1\nVOLUME /data\nENTRYPOINT ["nginx"]\nSTOPSIGNAL SIGTERM\n';
    const { engine } = movableEngine({ '/lab/Dockerfile': dockerfile });
    await docker(engine, ['build', '-t', 'web:1', '.']);
    const config = JSON.parse((await docker(engine, ['inspect', '--format', '{{json .Config}}', 'web:1'])).stdout) as Record<string, unknown>;
    expect(config.Healthcheck).toEqual({ Test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], Interval: 30_000_000_000, Timeout: 3_000_000_000 });
    expect(config.Volumes).toEqual({ '/data': {} });
    expect(config.Entrypoint).toEqual(['nginx']);
    expect(config.Cmd).toBeNull();
    expect(config.StopSignal).toBe('SIGTERM');
  });

  it('help texts read like Docker', async () => {
    const { engine } = movableEngine();
    expect((await docker(engine, ['build', '--help'])).stdout).toContain('Usage:  docker buildx build [OPTIONS] PATH | URL | -');
    expect((await docker(engine, ['--help'])).stdout).toContain('Usage:  docker [OPTIONS] COMMAND');
    expect((await docker(engine, ['version'])).stdout).toMatch(/^Client:\n Version: +\d+\.\d+\.\d+/);
  });
});

describe('RUN mounts', () => {
  it('cache mount keeps the pip cache out of the layer', async () => {
    const withCache = 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n';
    const withMount = 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n';
    const sizes: number[] = [];
    for (const dockerfile of [withCache, withMount]) {
      const { engine } = movableEngine({ '/lab/Dockerfile': dockerfile });
      expect((await docker(engine, ['build', '-t', 'm:1', '.'])).code).toBe(0);
      sizes.push((await engine.store.listImages())[0]?.size ?? 0);
    }
    expect(sizes[1]).toBeLessThan(sizes[0] ?? 0);
  });

  it('secret mount is readable during RUN but not in the image', async () => {
    const dockerfile = 'FROM python:3.12-slim\nRUN --mount=type=secret,id=token cat /run/secrets/token > /tmp/seen\n';
    const { engine } = movableEngine({ '/lab/Dockerfile': dockerfile });
    expect((await docker(engine, ['build', '-t', 's:1', '.'])).code).toBe(0);
    const run = await docker(engine, ['run', '--rm', 's:1', 'cat', '/run/secrets/token']);
    expect(run.stderr).toContain('cat: /run/secrets/token: No such file or directory');
    expect(run.code).toBe(1);
  });
});

describe('multi-stage virtual environment', () => {
  it('copies a venv from the build stage', async () => {
    const dockerfile = `FROM python:3.12-slim AS build
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

FROM python:3.12-slim
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
RUN python -c "import fastapi; print('ok')"
`;
    const { engine } = movableEngine({ '/lab/Dockerfile': dockerfile });
    const result = await docker(engine, ['build', '-t', 'venv:1', '.']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/#\d+ \d+\.\d{3} ok\n/);
  });
});

describe('lab registry', () => {
  it('pull restores a removed image with the same ID', async () => {
    const { engine } = movableEngine();
    await docker(engine, ['build', '-t', 'localhost:5000/heart-model:1.0', '.']);
    const id = await engine.store.resolve('localhost:5000/heart-model:1.0');
    await docker(engine, ['push', 'localhost:5000/heart-model:1.0']);
    const removed = await docker(engine, ['rmi', 'localhost:5000/heart-model:1.0']);
    expect(removed.stdout).toMatch(/^Untagged: localhost:5000\/heart-model:1\.0\nUntagged: localhost:5000\/heart-model@sha256:[a-f0-9]{64}\nDeleted: sha256:[a-f0-9]{64}\n$/);
    const pull = await docker(engine, ['pull', 'localhost:5000/heart-model:1.0']);
    expect(pull.code).toBe(0);
    expect(pull.stdout).toContain('Pull complete');
    expect(pull.stdout).toContain('Status: Downloaded newer image for localhost:5000/heart-model:1.0');
    expect(await engine.store.resolve('localhost:5000/heart-model:1.0')).toBe(id);
    expect((await engine.store.registryTags()).map((tag) => `${tag.repository}:${tag.tag}`)).toEqual(['heart-model:1.0']);
  });

  it('push to Docker Hub is denied', async () => {
    const { engine } = movableEngine();
    await docker(engine, ['build', '-t', 'heart-model:1.0', '.']);
    const push = await docker(engine, ['push', 'heart-model:1.0']);
    expect(push.code).toBe(1);
    expect(push.stdout).toContain('The push refers to repository [docker.io/library/heart-model]');
    expect(push.stderr).toBe('denied: requested access to the resource is denied\n');
  });
});

describe('expansion errors', () => {
  it('a required variable fails the build at its instruction', async () => {
    const { engine } = movableEngine({ '/lab/Dockerfile': 'FROM python:3.12-slim\nARG MODEL_URL\nENV MODEL=${MODEL_URL:?required}\n' });
    const result = await docker(engine, ['build', '.']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('   3 | >>> ENV MODEL=${MODEL_URL:?required}');
    expect(result.stderr).toContain('ERROR: failed to build: failed to solve: failed to process "MODEL=${MODEL_URL:?required}": MODEL_URL: required');
  });
});

describe('build cache and other commands', () => {
  it('builder prune -a makes the next build run every step', async () => {
    const { engine } = movableEngine();
    await docker(engine, ['build', '-t', 'heart-model:1.0', '.']);
    const prune = await docker(engine, ['builder', 'prune', '-a', '-f']);
    expect(prune.stdout).toMatch(/^Deleted build cache objects:\n([a-z0-9]{25}\n)+\nTotal reclaimed space: 0B\n$/);
    await docker(engine, ['build', '-t', 'heart-model:1.0', '.']);
    const steps = (await engine.store.builds()).at(-1)?.steps ?? [];
    expect(steps.filter((step) => !step.title.includes(' FROM ')).some((step) => step.cached)).toBe(false);
  });

  it('ps lists no containers, unsimulated commands say so', async () => {
    const { engine } = movableEngine();
    expect((await docker(engine, ['ps'])).stdout).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
    const logs = await docker(engine, ['logs', 'web']);
    expect(logs.code).toBe(1);
    expect(logs.stderr).toContain('simulated: "docker logs" is not part of the Slipway lab engine');
  });

  it('ARG before FROM is empty inside the stage', async () => {
    const { engine } = movableEngine({ '/lab/Dockerfile': 'ARG VERSION=1.0\nFROM python:3.12-slim\nRUN echo "v=$VERSION"\n' });
    const result = await docker(engine, ['build', '.']);
    expect(result.stderr).toMatch(/#\d+ \d+\.\d{3} v=\n/);
  });
});

describe('heredocs', () => {
  it('COPY and RUN heredocs write and run', async () => {
    const dockerfile = 'FROM python:3.12-slim\nENV PORT=8080\nCOPY <<EOF /app/settings.env\nport=${PORT}\nEOF\nRUN <<EOF\nset -e\ncat /app/settings.env\nEOF\n';
    const { engine } = movableEngine({ '/lab/Dockerfile': dockerfile });
    const result = await docker(engine, ['build', '-t', 'h:1', '.']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/#\d+ \d+\.\d{3} port=8080\n/);
  });
});

describe('build warnings', () => {
  it('variables of the base image are not undefined', async () => {
    const dockerfile = 'FROM python:3.12-slim\nENV VERSION=$PYTHON_VERSION EXTRA=$PYTHONPATH\nCMD ["python"]\n';
    const { engine } = movableEngine({ '/lab/Dockerfile': dockerfile });
    const result = await docker(engine, ['build', '.']);
    expect(result.stderr).toContain("UndefinedVar: Usage of undefined variable '$PYTHONPATH' (line 2)");
    expect(result.stderr).not.toContain("'$PYTHON_VERSION'");
  });
});

describe('docker run user', () => {
  it('runs as the image USER from its passwd file', async () => {
    const { engine } = movableEngine();
    await docker(engine, ['build', '-t', 'heart-model:1.0', '.']);
    expect((await docker(engine, ['run', '--rm', 'heart-model:1.0', 'whoami'])).stdout).toBe('app\n');
    expect((await docker(engine, ['run', '--rm', 'heart-model:1.0', 'id'])).stdout).toBe('uid=1000(app) gid=1000(app) groups=1000(app)\n');
    expect((await docker(engine, ['run', '--rm', '-u', 'root', 'heart-model:1.0', 'whoami'])).stdout).toBe('root\n');
    const unknown = await docker(engine, ['run', '--rm', '-u', 'ghost', 'heart-model:1.0', 'whoami']);
    expect(unknown.code).toBe(125);
    expect(unknown.stderr).toContain('unable to find user ghost: no matching entries in passwd file');
  });

  const runErrors: Array<[string[], string, number]> = [
    [['run', '--rm', '-u', 'ghost', 'heart-model:1.0', 'whoami'], 'docker: Error response from daemon: unable to find user ghost: no matching entries in passwd file\n\nRun \'docker run --help\' for more information\n', 125],
    [['run', '--rm', 'heart-model:1.0', 'nosuchtool'], 'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuchtool": executable file not found in $PATH: unknown.\n\nRun \'docker run --help\' for more information\n', 127],
    [['run', 'nosuch:1'], "Unable to find image 'nosuch:1' locally\ndocker: Error response from daemon: pull access denied for nosuch, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n\nRun 'docker run --help' for more information\n", 125],
  ];
  it.each(runErrors)('run error for %j', async (args, stderrEnd, code) => {
    const { engine } = movableEngine();
    await docker(engine, ['build', '-t', 'heart-model:1.0', '.']);
    const result = await docker(engine, args);
    expect(result.stderr.endsWith(stderrEnd)).toBe(true);
    expect(result.code).toBe(code);
  });
});

describe('docker images --format', () => {
  it('renders Go templates and custom tables', async () => {
    const { engine } = movableEngine();
    await docker(engine, ['build', '-t', 'heart-model:1.0', '.']);
    expect((await docker(engine, ['images', '--format', '{{.Repository}}:{{.Tag}} {{.Size}}'])).stdout).toBe('heart-model:1.0 180MB\n');
    expect((await docker(engine, ['images', '--format', 'table {{.Repository}}\\t{{.Tag}}\\t{{.Size}}'])).stdout).toBe('REPOSITORY    TAG       SIZE\nheart-model   1.0       180MB\n');
  });
});

describe('ADD archives', () => {
  it('unpacks a local tar.gz into the destination', async () => {
    const { gzipSync } = await import('fflate');
    const { writeTar } = await import('../image/tar.ts');
    const archive = gzipSync(writeTar([
      { name: 'model/', type: 'dir', mode: 0o755, uid: 0, gid: 0 },
      { name: 'model/weights.json', type: 'file', mode: 0o644, uid: 0, gid: 0, data: new TextEncoder().encode('{"w":[1,2]}\n') },
    ]), { mtime: 0 });
    const { engine, fs } = movableEngine({ '/lab/Dockerfile': 'FROM python:3.12-slim\nADD model.tar.gz /opt/\nCOPY model.tar.gz /srv/\n' });
    fs.writeFileSync('/lab/model.tar.gz', archive);
    expect((await docker(engine, ['build', '-t', 'a:1', '.'])).code).toBe(0);
    expect((await docker(engine, ['run', '--rm', 'a:1', 'cat', '/opt/model/weights.json'])).stdout).toBe('{"w":[1,2]}\n');
    expect((await docker(engine, ['run', '--rm', 'a:1', 'test', '-f', '/srv/model.tar.gz'])).code).toBe(0);
    expect((await docker(engine, ['run', '--rm', 'a:1', 'test', '-f', '/srv/model/weights.json'])).code).toBe(1);
  });
});

describe('SHELL', () => {
  it('bash as SHELL on alpine fails to start the process', async () => {
    const { engine } = movableEngine({ '/lab/Dockerfile': 'FROM alpine:3.20\nSHELL ["/bin/bash", "-c"]\nRUN echo hi\n' });
    const result = await docker(engine, ['build', '.']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ERROR: failed to build: failed to solve: process "/bin/bash -c echo hi" did not complete successfully: runc run failed: unable to start container process: error during container init: exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown');
  });

  it('bash as SHELL on debian runs pipefail', async () => {
    const { engine } = movableEngine({ '/lab/Dockerfile': 'FROM python:3.12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN false | cat\n' });
    const result = await docker(engine, ['build', '.']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('process "/bin/bash -o pipefail -c false | cat" did not complete successfully: exit code: 1');
  });
});

describe('images after upstream moves', () => {
  it('lists the replaced base as <none> under its repository', async () => {
    const { engine } = movableEngine();
    await docker(engine, ['pull', 'python:3.12-slim']);
    await engine.advanceRegistryTime();
    await docker(engine, ['pull', 'python:3.12-slim']);
    const listing = await docker(engine, ['images', '--digests', 'python']);
    const rows = listing.stdout.trimEnd().split('\n').slice(1).map((line) => line.split(/ {3,}/).slice(0, 2).join(' '));
    expect(rows).toEqual(['python 3.12-slim', 'python <none>']);
    expect((await docker(engine, ['images', '-q', 'python:3.12-slim'])).stdout).toMatch(/^[a-f0-9]{12}\n$/);
  });

  it('metadata rows carry the build time, not the base time', async () => {
    const { engine } = movableEngine();
    await docker(engine, ['build', '-t', 'heart-model:1.0', '.']);
    const history = await engine.store.history('heart-model:1.0');
    const exposeRow = history?.find((row) => row.createdBy.startsWith('EXPOSE'));
    expect(exposeRow?.created).toBe('2026-03-01T10:00:00Z');
  });
});

describe('docker run executables', () => {
  it('fails like runc when the command is not installed', async () => {
    const { engine } = movableEngine({ '/lab/Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY app.py .\nCMD ["uvicorn", "app:app"]\n' });
    await docker(engine, ['build', '-t', 'no-deps:1', '.']);
    const result = await docker(engine, ['run', '--rm', 'no-deps:1']);
    expect(result.code).toBe(127);
    expect(result.stderr).toContain('exec: "uvicorn": executable file not found in $PATH: unknown.');
  });

  it('finds console scripts pip installed', async () => {
    const { engine } = movableEngine();
    await docker(engine, ['build', '-t', 'heart-model:1.0', '.']);
    const result = await docker(engine, ['run', '--rm', 'heart-model:1.0']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('simulated: uvicorn app:app --host 0.0.0.0 --port 8080 was not run');
  });
});

describe('docker history --format', () => {
  it('prints the requested fields per row', async () => {
    const { engine } = movableEngine({ '/lab/Dockerfile': 'FROM python:3.12-slim\nARG TOKEN\nRUN echo ok\n' });
    await docker(engine, ['build', '--build-arg', 'TOKEN=abc123', '-t', 't:1', '.']);
    const result = await docker(engine, ['history', '--no-trunc', '--format', '{{.CreatedBy}}', 't:1']);
    expect(result.stdout.split('\n')[0]).toBe('RUN |1 TOKEN=abc123 /bin/sh -c echo ok # buildkit');
  });
});

describe('entrypoint scripts', () => {
  const rows: Array<[string, string, string, number, string]> = [
    ['CRLF shebang', '#!/bin/sh\r\nexec uvicorn app:app\r\n', 'COPY start.sh /app/start.sh\nRUN chmod +x /app/start.sh\n', 255, 'exec /app/start.sh: no such file or directory'],
    ['missing execute bit', '#!/bin/sh\nexec uvicorn app:app\n', 'COPY start.sh /app/start.sh\n', 126, 'exec: "/app/start.sh": permission denied: unknown.'],
  ];
  it.each(rows)('%s fails at docker run', async (_name, script, copy, exitCode, message) => {
    const { engine } = movableEngine({ '/lab/start.sh': script, '/lab/Dockerfile': `FROM python:3.12-slim\n${copy}ENTRYPOINT ["/app/start.sh"]\n` });
    expect((await docker(engine, ['build', '-t', 'entry:1', '.'])).code).toBe(0);
    const result = await docker(engine, ['run', '--rm', 'entry:1']);
    expect(result.code).toBe(exitCode);
    expect(result.stderr).toContain(message);
  });
});
