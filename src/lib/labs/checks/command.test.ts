import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../vfs/index.ts';
import { checkSchema, type Check } from '../definition/schema.ts';
import { createDockerEngine } from '../../docker/index.ts';
import { evaluateCheck } from './index.ts';

const ran = {
  type: 'command',
  assert: 'ran',
  patterns: ['^docker (image )?history\\b.*\\bheart-model:1\\.1\\b', '^docker (image )?inspect\\b.*\\bheart-model:1\\.1\\b'],
  expected: 'docker history and docker image inspect',
};

const inOrder = {
  type: 'command',
  assert: 'ran-in-order',
  patterns: ['^docker (image )?tag heart-model:1\\.1 heart-model:prod$', '^docker (image )?tag heart-model:1\\.0 heart-model:prod$'],
  expected: 'prod moved forward then back',
};

/** Evaluate a check against a history. */
async function judge(check: unknown, commands: string[]) {
  const fs = new MemoryFileSystem();
  return evaluateCheck(checkSchema.parse(check) as Check, { fs, root: '/', engine: createDockerEngine({ fs, stateDir: '/var/lib/docker' }), commands });
}

describe('command checks', () => {
  it.each<[string, object, string[], boolean]>([
    ['both run', ran, ['docker history heart-model:1.1', 'docker image inspect heart-model:1.1'], true],
    ['long forms and extra spaces', ran, ['docker image history --no-trunc heart-model:1.1', 'docker  inspect  --format {{.Config.Env}} heart-model:1.1'], true],
    ['joined with &&', ran, ['docker history heart-model:1.1 && docker inspect heart-model:1.1'], true],
    ['piped into head', ran, ['docker history heart-model:1.1 | head -n 5', 'docker image inspect heart-model:1.1 | grep -i env'], true],
    ['only history', ran, ['docker history heart-model:1.1'], false],
    ['flags after the image and a registry name', ran, ['docker image history heart-model:1.1 --no-trunc', 'docker inspect localhost:5000/heart-model:1.1'], true],
    ['a longer tag', ran, ['docker history heart-model:1.10', 'docker inspect heart-model:1.10'], false],
    ['wrong image', ran, ['docker history heart-model:1.0', 'docker inspect heart-model:1.0'], false],
    ['nothing', ran, [], false],
    ['in order', inOrder, ['docker tag heart-model:1.1 heart-model:prod', 'docker images', 'docker tag heart-model:1.0 heart-model:prod'], true],
    ['reversed', inOrder, ['docker tag heart-model:1.0 heart-model:prod', 'docker tag heart-model:1.1 heart-model:prod'], false],
    ['forward, back, forward again', inOrder, ['docker tag heart-model:1.1 heart-model:prod', 'docker tag heart-model:1.0 heart-model:prod', 'docker tag heart-model:1.1 heart-model:prod'], true],
    ['only forward', inOrder, ['docker tag heart-model:1.1 heart-model:prod'], false],
  ])('%s', async (_name, check, commands, passed) => {
    const result = await judge(check, commands);
    expect(result.passed).toBe(passed);
  });
});
