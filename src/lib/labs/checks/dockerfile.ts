import type { CopyInstruction, Dockerfile, Instruction, Stage } from '../../docker/ast.ts';
import type { LeafCheck } from '../definition/schema.ts';
import { loadDockerfile, stageBases } from './dockerfile-source.ts';
import { fail, pass, type CheckResult, type Evaluator } from './types.ts';

type DockerfileCheck = Extract<LeafCheck, { type: 'dockerfile' }>;
type Assertion = DockerfileCheck['assert'];

/** Files that declare dependencies; copying only these before the install keeps the install layer cached. */
const dependencyFilePattern = /(^|\/)(requirements[^/]*\.txt|constraints[^/]*\.txt|pyproject\.toml|poetry\.lock|uv\.lock|Pipfile(\.lock)?|setup\.cfg)$/;

/** Tell whether a tag names a release (`3.12-slim`, `3.12.7-slim-bookworm`) rather than a moving line such as `3` or `latest`. */
export function isVersionTag(tag: string): boolean {
  return /^v?\d+\.\d+/.test(tag);
}

/** Return the final stage, the one `docker build` produces without --target. */
function finalStage(dockerfile: Dockerfile): Stage | undefined {
  return dockerfile.stages[dockerfile.stages.length - 1];
}

/** Return the command text of a RUN, CMD or ENTRYPOINT in either form. */
function commandText(instruction: Instruction): string {
  if ('form' in instruction && instruction.form === 'exec' && 'args' in instruction) return instruction.args.join(' ');
  if ('command' in instruction) return instruction.command;
  return instruction.argsText;
}

/** Tell whether a COPY or ADD brings application source, not only dependency files or files of another stage. */
function copiesSource(instruction: Instruction): instruction is CopyInstruction {
  if (instruction.kind !== 'copy' && instruction.kind !== 'add') return false;
  if (instruction.from !== undefined) return false;
  return instruction.sources.some((source) => !dependencyFilePattern.test(source.value));
}

/** Tell whether a COPY brings a dependency file such as requirements.txt. */
function copiesDependencies(instruction: Instruction): boolean {
  if (instruction.kind !== 'copy' && instruction.kind !== 'add') return false;
  return instruction.sources.some((source) => dependencyFilePattern.test(source.value));
}

/** Tell whether a RUN installs Python dependencies from a file. */
function installsDependencies(instruction: Instruction): boolean {
  if (instruction.kind !== 'run') return false;
  return /\bpip3?\s+install\b|\bpython3?\s+-m\s+pip\s+install\b|\buv\s+(pip\s+install|sync)\b|\bpoetry\s+install\b/.test(commandText(instruction));
}

const assertions: Record<Assertion, (dockerfile: Dockerfile, check: DockerfileCheck) => CheckResult> = {
  'base-pinned'(dockerfile) {
    const bases = stageBases(dockerfile);
    if (bases.length === 0) return fail('No stage starts FROM an external image.');
    for (const base of bases) {
      const line = base.stage.from.range.start.line;
      if (base.reference === null) return fail(`FROM ${base.text} on line ${line} is not a valid image reference: ${base.error}.`);
      if (base.reference.digest !== null) continue;
      if (base.reference.tag === null) {
        return fail(`FROM ${base.text} on line ${line} has no tag, so Docker pulls latest, which moves whenever upstream publishes. Name a version, such as python:3.12-slim.`);
      }
      if (base.reference.tag === 'latest') {
        return fail(`FROM ${base.text} on line ${line} uses latest, which moves whenever upstream publishes. Name a version, such as python:3.12-slim.`);
      }
      if (!isVersionTag(base.reference.tag)) {
        return fail(`FROM ${base.text} on line ${line}: the tag ${base.reference.tag} follows a whole release line and moves on each release. Name at least a minor version, such as python:3.12-slim.`);
      }
    }
    return pass(`Every base image names a version: ${bases.map((base) => base.text).join(', ')}.`);
  },

  'deps-before-source'(dockerfile) {
    for (const stage of dockerfile.stages) {
      const install = stage.instructions.findIndex(installsDependencies);
      if (install < 0) continue;
      const installLine = stage.instructions[install]?.range.start.line;
      const sourceCopy = stage.instructions.findIndex(copiesSource);
      if (sourceCopy >= 0 && sourceCopy < install) {
        const copy = stage.instructions[sourceCopy] as CopyInstruction;
        return fail(
          `${copy.original.trim()} on line ${copy.range.start.line} comes before the install on line ${installLine}, so every edit to the source invalidates the install layer. Copy requirements.txt, install, then copy the source.`,
        );
      }
      const dependencyCopy = stage.instructions.slice(0, install).some(copiesDependencies);
      if (!dependencyCopy) return fail(`The install on line ${installLine} runs before requirements.txt is copied into the image. Add COPY requirements.txt . above it.`);
      if (sourceCopy < 0) return fail('The Dockerfile installs dependencies but never copies the application source. Add COPY . . after the install.');
      return pass(`Dependencies are installed on line ${installLine}, before the source is copied, so a source edit reuses the cached install layer.`);
    }
    return fail('No RUN pip install -r requirements.txt found. Install the dependencies from requirements.txt in a RUN step.');
  },

  'non-root-user'(dockerfile) {
    const stage = finalStage(dockerfile);
    const users = stage?.instructions.filter((instruction) => instruction.kind === 'user') ?? [];
    const last = users[users.length - 1];
    if (last === undefined || last.kind !== 'user') {
      return fail('The final stage has no USER instruction, so the server runs as root. Create a user (RUN useradd ...) and switch to it with USER.');
    }
    const name = last.user.value.split(':')[0] ?? '';
    if (name === 'root' || name === '0') return fail(`USER ${last.user.value} on line ${last.range.start.line} is still root. Switch to an unprivileged user.`);
    return pass(`The final stage runs as ${last.user.value}.`);
  },

  'exec-form-cmd'(dockerfile) {
    const stage = finalStage(dockerfile);
    const commands = stage?.instructions.filter((instruction) => instruction.kind === 'cmd' || instruction.kind === 'entrypoint') ?? [];
    if (commands.length === 0) return fail('The final stage has no CMD, so the container starts whatever the base image runs. Add CMD ["uvicorn", ...].');
    const lastCmd = [...commands].reverse().find((instruction) => instruction.kind === 'cmd');
    const lastEntrypoint = [...commands].reverse().find((instruction) => instruction.kind === 'entrypoint');
    for (const instruction of [lastEntrypoint, lastCmd]) {
      if (instruction === undefined || !('form' in instruction)) continue;
      if (instruction.form === 'shell') {
        return fail(
          `${instruction.keyword} on line ${instruction.range.start.line} uses the shell form, so /bin/sh is PID 1 and docker stop's SIGTERM never reaches the server. Write it as a JSON array: ${instruction.keyword} ["uvicorn", "app:app", ...].`,
        );
      }
    }
    return pass(`${(lastCmd ?? lastEntrypoint)?.keyword ?? 'CMD'} uses the exec form, so the server is PID 1 and receives SIGTERM.`);
  },

  'exposes-port'(dockerfile, check) {
    const stage = finalStage(dockerfile);
    const port = String(check.port);
    const exposed = (stage?.instructions ?? []).flatMap((instruction) => (instruction.kind === 'expose' ? instruction.ports.map((word) => word.value) : []));
    if (exposed.some((spec) => spec === port || spec === `${port}/tcp`)) {
      return pass(`EXPOSE ${port} documents the server's port. It does not publish it: docker run -p does that.`);
    }
    const found = exposed.length === 0 ? 'no EXPOSE' : `EXPOSE ${exposed.join(' ')}`;
    return fail(`The server listens on port ${port}, but the final stage has ${found}. Add EXPOSE ${port}.`);
  },
};

/** Judge one property of the lab's Dockerfile from its syntax tree. */
export const evaluateDockerfileCheck: Evaluator<DockerfileCheck> = async (check, state) => {
  const loaded = await loadDockerfile(state, check.path);
  if ('error' in loaded) return fail(loaded.error);
  return assertions[check.assert](loaded.dockerfile, check);
};
