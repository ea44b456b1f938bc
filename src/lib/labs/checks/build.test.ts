import { describe, expect, it } from 'vitest';
import { checkSchema, type Check } from '../definition/schema.ts';
import { replay } from '../verify/replay.ts';
import { evaluateCheck } from './index.ts';

const goodDockerfile = `FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "app.py"]
`;

const badDockerfile = `FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -r requirements.txt
CMD ["python", "app.py"]
`;

const build = 'docker build -t heart-model:1.0 .';
const edit = "echo 'SERVICE_VERSION = \"1.0.1\"' >> app.py";
const check = { type: 'build', assert: 'cached-deps-after-source-edit' };

/** Replay commands on a project with the given Dockerfile and evaluate a build check. */
async function judge(dockerfile: string, commands: string[], buildCheck: unknown = check) {
  const state = await replay({ 'app.py': 'print("serving")\n', 'requirements.txt': 'numpy==2.2.1\n', Dockerfile: dockerfile }, commands);
  return evaluateCheck(checkSchema.parse(buildCheck) as Check, { fs: state.fs, root: state.root, engine: state.engine, commands: state.shell.history });
}

describe('build check', () => {
  it.each<[string, string, string[], boolean, string]>([
    ['edit between two builds', goodDockerfile, [build, edit, build], true, 'reused the cached "RUN pip install'],
    ['no build', goodDockerfile, [], false, 'No successful build'],
    ['one build', goodDockerfile, [build], false, 'only one build'],
    ['two builds without an edit', goodDockerfile, [build, build], false, 'was CACHED in the latest build'],
    ['source copied before the install', badDockerfile, [build, edit, build], false, 'ran "RUN pip install'],
    ['edit only to requirements', goodDockerfile, [build, 'echo uvicorn==0.34.0 >> requirements.txt', build], false, 'ran "RUN pip install'],
  ])('%s', async (_name, dockerfile, commands, passed, detail) => {
    const result = await judge(dockerfile, commands);
    expect(result.passed).toBe(passed);
    expect(result.detail).toContain(detail);
  });

  it('counts only builds of the named tag', async () => {
    const tagged = { ...check, tag: 'heart-model:2.0' };
    const result = await judge(goodDockerfile, [build, edit, build], tagged);
    expect(result.passed).toBe(false);
    expect(result.detail).toContain('No successful build of heart-model:2.0');
  });
});
