import { describe, expect, it } from 'vitest';
import { docker, fixtureEngine, lastBuildSteps } from './engine-helpers.test-support.ts';

const build = ['build', '-t', 'heart-model:1.0', '.'];

describe('build cache', () => {
  it('rebuild without changes is fully cached with the same ID', async () => {
    const { engine } = fixtureEngine();
    const first = await docker(engine, build);
    const second = await docker(engine, build);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect((await lastBuildSteps(engine)).every(([, cached]) => cached)).toBe(true);
    expect(second.stderr).toContain('#6 CACHED');
    const firstId = /writing image (sha256:[a-f0-9]{64})/.exec(first.stderr)?.[1];
    const secondId = /writing image (sha256:[a-f0-9]{64})/.exec(second.stderr)?.[1];
    expect(secondId).toBe(firstId);
  });

  const edits: Array<[string, string, string, boolean[]]> = [
    ['app code edit', '/lab/app.py', 'print("v2")\n', [true, true, true, false, false]],
    ['requirements edit', '/lab/requirements.txt', 'fastapi==0.115.5\nuvicorn==0.32.1\n', [true, false, false, false, false]],
    ['ignored file edit', '/lab/.env', 'TOKEN=x\n', [true, true, true, true, true]],
  ];
  it.each(edits)('%s misses from the right step', async (_name, path, text, expected) => {
    const { engine, fs } = fixtureEngine();
    await docker(engine, build);
    fs.writeFileSync(path, text);
    expect((await docker(engine, build)).code).toBe(0);
    expect((await lastBuildSteps(engine)).map(([, cached]) => cached)).toEqual(expected);
  });

  it('same content written again still hits (content, not mtime)', async () => {
    const { engine, fs } = fixtureEngine();
    await docker(engine, build);
    fs.writeFileSync('/lab/app.py', new TextDecoder().decode(await fs.readFile('/lab/app.py')));
    await docker(engine, build);
    expect((await lastBuildSteps(engine)).every(([, cached]) => cached)).toBe(true);
  });

  it('--no-cache runs every step', async () => {
    const { engine } = fixtureEngine();
    await docker(engine, build);
    await docker(engine, [...build.slice(0, 3), '--no-cache', '.']);
    expect((await lastBuildSteps(engine)).some(([, cached]) => cached)).toBe(false);
  });

  it('ARG change misses at first use, not at declaration', async () => {
    const dockerfile = 'FROM python:3.12-slim\nARG VERSION=1\nWORKDIR /app\nCOPY requirements.txt .\nRUN echo $VERSION > version.txt\nCOPY . .\n';
    const { engine } = fixtureEngine({ '/lab/Dockerfile': dockerfile });
    await docker(engine, build);
    await docker(engine, ['build', '--build-arg', 'VERSION=2', '-t', 'heart-model:1.0', '.']);
    expect((await lastBuildSteps(engine)).map(([, cached]) => cached)).toEqual([true, true, false, false]);
  });
});

describe('image identity', () => {
  it('same inputs give the same ID in separate stores', async () => {
    const ids = [];
    for (let run = 0; run < 2; run += 1) {
      const { engine } = fixtureEngine();
      await docker(engine, build);
      ids.push(await engine.store.resolve('heart-model:1.0'));
    }
    expect(ids[0]).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(ids[1]).toBe(ids[0]);
  });

  it('rm in a later layer does not shrink the image', async () => {
    const before = 'FROM python:3.12-slim\nWORKDIR /app\nRUN pip install torch\n';
    const after = `${before}RUN pip uninstall -y torch; rm -rf /usr/local/lib/python3.12/site-packages/torch\n`;
    const { engine, fs } = fixtureEngine({ '/lab/Dockerfile': before });
    await docker(engine, ['build', '-t', 'big:1', '.']);
    fs.writeFileSync('/lab/Dockerfile', after);
    await docker(engine, ['build', '-t', 'big:2', '.']);
    const images = await engine.store.listImages();
    const size = (tag: string) => images.find((image) => image.repoTags.includes(tag))?.size ?? 0;
    expect(size('big:1')).toBeGreaterThan(1_000_000_000);
    expect(size('big:2')).toBeGreaterThanOrEqual(size('big:1'));
  });

  it('floating tag moves with registry time, pinned does not', async () => {
    const rows: Array<[string, boolean]> = [['python:3', true], ['python:3.12.7-slim', false]];
    for (const [base, moves] of rows) {
      const { engine } = fixtureEngine({ '/lab/Dockerfile': `FROM ${base}\nCOPY app.py /app/\n` });
      await docker(engine, ['build', '-t', 'x:1', '.']);
      const before = await engine.store.resolve('x:1');
      await engine.advanceRegistryTime();
      await docker(engine, ['build', '-t', 'x:1', '.']);
      expect((await engine.store.resolve('x:1')) !== before).toBe(moves);
    }
  });
});

describe('failures', () => {
  const rows: Array<[string, string, string]> = [
    ['missing requirements file', 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n', "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements.txt'"],
    ['apt-get without -y', 'FROM python:3.12-slim\nRUN apt-get update && apt-get install curl\n', 'Do you want to continue? [Y/n] Abort.'],
    ['apt-get on alpine', 'FROM python:3.12-alpine\nRUN apt-get update\n', '/bin/sh: apt-get: not found'],
    ['apk on debian', 'FROM python:3.12-slim\nRUN apk add curl\n', '/bin/sh: 1: apk: not found'],
    ['pipefail under dash', 'FROM python:3.12-slim\nRUN set -o pipefail && echo hi | cat\n', '/bin/sh: 1: set: Illegal option -o pipefail'],
    ['bash on alpine', 'FROM alpine:3.20\nRUN bash -c "echo hi"\n', '/bin/sh: bash: not found'],
    ['source under dash', 'FROM python:3.12-slim\nRUN source /etc/os-release\n', '/bin/sh: 1: source: not found'],
    ['chown unknown user', 'FROM python:3.12-slim\nRUN chown app /tmp\n', 'chown: invalid user: \u2018app\u2019'],
    ['copy outside context', 'FROM python:3.12-slim\nCOPY ../secret.txt .\n', '"/secret.txt": not found'],
    ['unknown base image', 'FROM python:2.9-slim\n', 'failed to resolve source metadata for docker.io/library/python:2.9-slim: docker.io/library/python:2.9-slim: not found'],
  ];
  it.each(rows)('%s', async (_name, dockerfile, message) => {
    const { engine } = fixtureEngine({ '/lab/Dockerfile': dockerfile });
    const result = await docker(engine, ['build', '-t', 'broken:1', '.']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('ERROR: failed to build: failed to solve:');
  });

  it('failing RUN ends with the process summary and source excerpt', async () => {
    const { engine } = fixtureEngine({ '/lab/Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nRUN pip install -r requirements.txt\n' });
    const { stderr } = await docker(engine, ['build', '.']);
    expect(stderr).toContain(' > [3/3] RUN pip install -r requirements.txt:');
    expect(stderr).toContain('   3 | >>> RUN pip install -r requirements.txt');
    expect(stderr).toContain('ERROR: failed to build: failed to solve: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 1');
  });
});

describe('cli', () => {
  it('images, history and inspect output', async () => {
    const { engine } = fixtureEngine({}, { now: () => new Date('2026-03-01T10:00:00Z') });
    await docker(engine, build);
    const images = await docker(engine, ['images']);
    expect(images.stdout).toMatch(/^REPOSITORY\s+TAG\s+IMAGE ID\s+CREATED\s+SIZE\nheart-model\s+1\.0\s+[a-f0-9]{12}\s+Less than a second ago\s+\d+MB\n$/);
    const history = await docker(engine, ['history', 'heart-model:1.0']);
    expect(history.stdout.split('\n')[0]).toMatch(/^IMAGE {10}CREATED {2,}CREATED BY {38}SIZE {2,}COMMENT$/);
    expect(history.stdout).toContain('<missing>');
    expect(history.stdout).toContain('COPY . . # buildkit');
    const inspect = await docker(engine, ['image', 'inspect', '--format', '{{.Config.User}} {{json .Config.ExposedPorts}} {{.Os}}', 'heart-model:1.0']);
    expect(inspect.stdout).toBe('app {"8080/tcp":{}} linux\n');
    const json = JSON.parse((await docker(engine, ['inspect', 'heart-model:1.0'])).stdout) as Array<Record<string, unknown>>;
    expect(json[0]?.RootFS).toMatchObject({ Type: 'layers' });
  });

  it('tag, rollback and rmi', async () => {
    const { engine, fs } = fixtureEngine();
    await docker(engine, build);
    fs.writeFileSync('/lab/app.py', 'print("v1.1")\n');
    await docker(engine, ['build', '-t', 'heart-model:1.1', '.']);
    await docker(engine, ['tag', 'heart-model:1.1', 'heart-model:prod']);
    await docker(engine, ['tag', 'heart-model:1.0', 'heart-model:prod']);
    expect(await engine.store.resolve('heart-model:prod')).toBe(await engine.store.resolve('heart-model:1.0'));
    const rmi = await docker(engine, ['rmi', 'heart-model:prod']);
    expect(rmi.stdout).toBe('Untagged: heart-model:prod\n');
    const missing = await docker(engine, ['rmi', 'foo']);
    expect(missing.stderr).toBe('Error response from daemon: No such image: foo:latest\n');
  });

  it('push adds a RepoDigest', async () => {
    const { engine } = fixtureEngine();
    await docker(engine, build);
    await docker(engine, ['tag', 'heart-model:1.0', 'localhost:5000/heart-model:1.0']);
    const push = await docker(engine, ['push', 'localhost:5000/heart-model:1.0']);
    expect(push.code).toBe(0);
    const digest = /1\.0: digest: (sha256:[a-f0-9]{64}) size: \d+/.exec(push.stdout)?.[1];
    expect(digest).toBeDefined();
    const inspect = await docker(engine, ['inspect', '--format', '{{index .RepoDigests 0}}', 'heart-model:1.0']);
    expect(inspect.stdout).toBe(`localhost:5000/heart-model@${digest}\n`);
  });

  const usage: Array<[string[], string, number]> = [
    [['build'], "ERROR: docker: 'docker buildx build' requires 1 argument\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nRun 'docker buildx build --help' for more information\n", 1],
    [['build', '-x', '.'], "unknown shorthand flag: 'x' in -x\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nRun 'docker buildx build --help' for more information\n", 125],
    [['foo'], "docker: unknown command: docker foo\n\nRun 'docker --help' for more information\n", 1],
    [['--boo'], "unknown flag: --boo\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n", 125],
    [['build', '-t', 'Heart:1', '.'], 'ERROR: invalid tag "Heart:1": repository name must be lowercase\n', 1],
    [['build', '-t', 'heart model', '.'], 'ERROR: invalid tag "heart model": invalid reference format\n', 1],
    [['build', '-t', 'heart:1', 'missing-dir'], 'ERROR: failed to build: unable to prepare context: path "missing-dir" not found\n', 1],
    [['tag', 'a'], "docker: 'docker tag' requires 2 arguments\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nRun 'docker tag --help' for more information\n", 1],
    [['image', 'tag', 'a'], "docker: 'docker image tag' requires 2 arguments\n\nUsage:  docker image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nRun 'docker image tag --help' for more information\n", 1],
    [['tag', '--boo', 'a', 'b'], "unknown flag: --boo\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nRun 'docker tag --help' for more information\n", 125],
    [['rmi'], "docker: 'docker rmi' requires at least 1 argument\n\nUsage:  docker rmi [OPTIONS] IMAGE [IMAGE...]\n\nSee 'docker rmi --help' for more information\n", 1],
    [['images', 'a', 'b'], "docker: 'docker images' requires at most 1 argument\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nRun 'docker images --help' for more information\n", 1],
    [['image', 'ls', 'a', 'b'], "docker: 'docker image ls' requires at most 1 argument\n\nUsage:  docker image ls [OPTIONS] [REPOSITORY[:TAG]]\n\nRun 'docker image ls --help' for more information\n", 1],
    [['history'], "docker: 'docker history' requires 1 argument\n\nUsage:  docker history [OPTIONS] IMAGE\n\nRun 'docker history --help' for more information\n", 1],
    [['inspect'], "docker: 'docker inspect' requires at least 1 argument\n\nUsage:  docker inspect [OPTIONS] NAME|ID [NAME|ID...]\n\nSee 'docker inspect --help' for more information\n", 1],
    [['run'], "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information\n", 1],
    [['push'], "docker: 'docker push' requires 1 argument\n\nUsage:  docker push [OPTIONS] NAME[:TAG]\n\nRun 'docker push --help' for more information\n", 1],
  ];
  const help: Array<[string[], string]> = [
    [['tag', '--help'], '\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nCreate a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n'],
    [['image', 'tag', '--help'], '\nUsage:  docker image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nCreate a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n'],
    [['rmi', '--help'], '\nUsage:  docker rmi [OPTIONS] IMAGE [IMAGE...]\n\nRemove one or more images\n'],
  ];
  it.each(help)('help for %j', async (args, stdout) => {
    const { engine } = fixtureEngine();
    const result = await docker(engine, args);
    expect(result.stdout).toBe(stdout);
    expect(result.code).toBe(0);
  });

  it.each(usage)('usage error for %j', async (args, stderr, code) => {
    const { engine } = fixtureEngine();
    const result = await docker(engine, args);
    expect(result.stderr).toBe(stderr);
    expect(result.code).toBe(code);
  });
});

describe('state file', () => {
  it('a truncated state file starts a fresh store', async () => {
    const { engine, fs } = fixtureEngine();
    await docker(engine, ['build', '-t', 'heart-model:1.0', '.']);
    fs.writeFileSync('/state/state.json', '{"version":1,"images":{');
    const images = await docker(engine, ['images']);
    expect(images.code).toBe(0);
    expect(images.stdout).toBe('REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n');
  });

  it('state with an inline build log still loads', async () => {
    const { engine, fs } = fixtureEngine();
    fs.writeFileSync('/state/state.json', JSON.stringify({ version: 1, epoch: 0, images: {}, layers: {}, cache: {}, builds: [{ time: 'x' }], registry: {} }));
    expect((await docker(engine, ['build', '-t', 'heart-model:1.0', '.'])).code).toBe(0);
    expect((await engine.store.builds()).length).toBe(1);
  });
});

describe('layer sizes', () => {
  it('cleaning apt lists only helps in the same RUN', async () => {
    const sameLayer = 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n';
    const laterLayer = 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n';
    const sizes: number[] = [];
    for (const dockerfile of [sameLayer, laterLayer]) {
      const { engine } = fixtureEngine({ '/lab/Dockerfile': dockerfile });
      expect((await docker(engine, ['build', '-t', 'apt:1', '.'])).code).toBe(0);
      sizes.push((await engine.store.listImages())[0]?.size ?? 0);
    }
    expect((sizes[1] ?? 0) - (sizes[0] ?? 0)).toBeGreaterThan(18_000_000);
  });
});
