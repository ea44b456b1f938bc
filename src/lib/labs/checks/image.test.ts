import { describe, expect, it } from 'vitest';
import { checkSchema, type Check } from '../definition/schema.ts';
import { replay } from '../verify/replay.ts';
import { evaluateCheck } from './index.ts';

const files = {
  'app.py': 'print("serving")\n',
  'requirements.txt': 'numpy==2.2.1\n',
  Dockerfile: `FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
ARG APP_VERSION=1.0
ENV APP_VERSION=\${APP_VERSION}
CMD ["python", "app.py"]
`,
};

const build10 = 'docker build -t heart-model:1.0 .';
const build11 = 'docker build --build-arg APP_VERSION=1.1 -t heart-model:1.1 .';
const push11 = ['docker tag heart-model:1.1 localhost:5000/heart-model:1.1', 'docker push localhost:5000/heart-model:1.1'];

/** Replay commands on the sample project, then evaluate one check. */
async function judge(check: unknown, commands: string[], extraFiles: Record<string, string> = {}) {
  const state = await replay({ ...files, ...extraFiles }, commands);
  return evaluateCheck(checkSchema.parse(check) as Check, { fs: state.fs, root: state.root, engine: state.engine, commands: state.shell.history });
}

/** Return the digest the registry reports for the pushed 1.1 image. */
async function pushedDigest(): Promise<string> {
  const state = await replay(files, [build10, build11, ...push11]);
  const tags = await state.engine.store.registryTags();
  const entry = tags.find((tag) => tag.tag === '1.1');
  if (entry === undefined) throw new Error('push did not reach the registry');
  return entry.digest;
}

describe('image checks', () => {
  it.each<[string, unknown, string[], boolean, string]>([
    ['tag exists after a build', { type: 'image', assert: 'tag-exists', ref: 'heart-model:1.0' }, [build10], true, 'heart-model:1.0 exists'],
    ['tag missing before a build', { type: 'image', assert: 'tag-exists', ref: 'heart-model:1.0' }, [], false, 'There is no image heart-model:1.0'],
    ['tag missing after a failed build', { type: 'image', assert: 'tag-exists', ref: 'heart-model:1.0' }, ['docker build -t heart-model:1.0 -f Missing.dockerfile .'], false, 'There is no image'],
    ['same id after docker tag', { type: 'image', assert: 'same-id', refs: ['heart-model:prod', 'heart-model:1.0'] }, [build10, 'docker tag heart-model:1.0 heart-model:prod'], true, 'name the same image'],
    ['same id fails for two versions', { type: 'image', assert: 'same-id', refs: ['heart-model:prod', 'heart-model:1.0'] }, [build10, build11, 'docker tag heart-model:1.1 heart-model:prod'], false, 'heart-model:prod is'],
    ['same id after a rollback', { type: 'image', assert: 'same-id', refs: ['heart-model:prod', 'heart-model:1.0'] }, [build10, build11, 'docker tag heart-model:1.1 heart-model:prod', 'docker tag heart-model:1.0 heart-model:prod'], true, 'name the same image'],
    ['same id fails for a missing tag', { type: 'image', assert: 'same-id', refs: ['heart-model:prod', 'heart-model:1.0'] }, [build10], false, 'There is no image heart-model:prod'],
    ['different ids for two build args', { type: 'image', assert: 'different-id', refs: ['heart-model:1.0', 'heart-model:1.1'] }, [build10, build11], true, 'are different images'],
    ['different ids fail for one image', { type: 'image', assert: 'different-id', refs: ['heart-model:1.0', 'heart-model:1.1'] }, [build10, 'docker tag heart-model:1.0 heart-model:1.1'], false, 'name the same image'],
    ['pushed after docker push', { type: 'image', assert: 'pushed', ref: 'localhost:5000/heart-model:1.1' }, [build10, build11, ...push11], true, 'was pushed; its manifest digest is sha256:'],
    ['not pushed when only tagged', { type: 'image', assert: 'pushed', ref: 'localhost:5000/heart-model:1.1' }, [build10, build11, push11[0] ?? ''], false, 'is not in the lab registry yet'],
    ['digest file missing', { type: 'image', assert: 'digest-in-file', ref: 'localhost:5000/heart-model:1.1', file: 'release.txt' }, [build10, build11, ...push11], false, 'release.txt does not exist yet'],
    ['digest file before a push', { type: 'image', assert: 'digest-in-file', ref: 'localhost:5000/heart-model:1.1', file: 'release.txt' }, [build10, build11, 'echo sha256:abc > release.txt'], false, 'has not been pushed yet'],
    ['digest file with a wrong digest', { type: 'image', assert: 'digest-in-file', ref: 'localhost:5000/heart-model:1.1', file: 'release.txt' }, [build10, build11, ...push11, `echo localhost:5000/heart-model@sha256:${'0'.repeat(64)} > release.txt`], false, 'does not contain the digest'],
  ])('%s', async (_name, check, commands, passed, detail) => {
    const result = await judge(check, commands);
    expect(result.passed).toBe(passed);
    expect(result.detail).toContain(detail);
  });

  it('digest file with the pushed digest passes', async () => {
    const digest = await pushedDigest();
    const check = { type: 'image', assert: 'digest-in-file', ref: 'localhost:5000/heart-model:1.1', file: 'release.txt' };
    const result = await judge(check, [build10, build11, ...push11, `echo localhost:5000/heart-model@${digest} > release.txt`]);
    expect(result.passed).toBe(true);
    expect(result.detail).toBe(`release.txt records ${digest}.`);
  });

  it.each<[string, boolean, boolean]>([
    ['a live session', false, false],
    ['a server replay', true, true],
  ])('a copied digest from another session in %s', async (_name, replayed, passed) => {
    const state = await replay({ ...files, 'release.txt': `localhost:5000/heart-model@sha256:${'ab'.repeat(32)}\n` }, [build10, build11, ...push11]);
    const check = checkSchema.parse({ type: 'image', assert: 'digest-in-file', ref: 'localhost:5000/heart-model:1.1', file: 'release.txt' }) as Check;
    const result = await evaluateCheck(check, { fs: state.fs, root: state.root, engine: state.engine, commands: state.shell.history, replayed });
    expect(result.passed).toBe(passed);
  });

  it('replay still rejects another repository', async () => {
    const state = await replay({ ...files, 'release.txt': `localhost:5000/other@sha256:${'ab'.repeat(32)}\n` }, [build10, build11, ...push11]);
    const check = checkSchema.parse({ type: 'image', assert: 'digest-in-file', ref: 'localhost:5000/heart-model:1.1', file: 'release.txt' }) as Check;
    const result = await evaluateCheck(check, { fs: state.fs, root: state.root, engine: state.engine, commands: state.shell.history, replayed: true });
    expect(result.passed).toBe(false);
  });

  it('pushed digest matches the local RepoDigest', async () => {
    const state = await replay(files, [build10, build11, ...push11]);
    const inspected = await state.engine.store.inspect('localhost:5000/heart-model:1.1');
    const digest = await pushedDigest();
    expect(inspected?.RepoDigests).toContain(`localhost:5000/heart-model@${digest}`);
  });
});
