import type { Instruction, Stage } from '../../ast.ts';
import { LESSON_LINKS } from '../docs.ts';
import type { LintModel } from '../model.ts';
import type { Rule } from '../types.ts';
import { isWholeContext } from './context.ts';
import { commandsOf, operands } from './run-commands.ts';
import type { RunCommand } from './run-commands.ts';

/** Returns true for commands that install a project's dependencies from its manifest. */
function installsDependencies(command: RunCommand): boolean {
  const rest = command.words.slice(1);
  const name = command.program;
  const sub = rest.find((word) => !word.startsWith('-')) ?? '';

  if (/^pip(\d+(\.\d+)?)?$/.test(name) || (/^python(\d+(\.\d+)?)?$/.test(name) && rest[0] === '-m' && rest[1] === 'pip')) {
    return command.words.includes('install');
  }
  if (name === 'npm') return sub === 'ci' || sub === 'install' || sub === 'i';
  if (name === 'yarn' || name === 'pnpm') return sub === '' || sub === 'install';
  if (name === 'poetry' || name === 'pipenv' || name === 'bundle') return sub === 'install';
  if (name === 'uv') return sub === 'sync' || (sub === 'pip' && rest.includes('install'));
  if (name === 'go') return sub === 'mod' && rest.includes('download');
  if (name === 'conda' || name === 'mamba' || name === 'micromamba') return sub === 'install' || (sub === 'env' && rest.includes('create'));
  return false;
}

/** Joins a path onto a working directory, resolving `.` and `..`. */
function resolvePath(workdir: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${workdir}/${path}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** Returns true when one path is the other or contains it. */
function overlaps(a: string, b: string): boolean {
  return a === b || isInside(a, b) || isInside(b, a);
}

/** Returns true when `path` lies below the directory `dir` (paths are resolved, without a trailing slash). */
function isInside(path: string, dir: string): boolean {
  if (dir === '/') return path !== '/';
  return path.length > dir.length && path.charCodeAt(dir.length) === 47 && path.startsWith(dir);
}

/** File or directory an earlier instruction put into a layer. */
interface CreatedPath {
  path: string;
  line: number;
  instruction: Instruction;
}

/** Returns the paths a RUN command downloads to or fills with caches. */
function pathsCreatedBy(command: RunCommand, workdir: string): string[] {
  const { words, program } = command;
  const out: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = words[i + 1];
    if (next !== undefined && ((program === 'curl' && (word === '-o' || word === '--output')) || (program === 'wget' && (word === '-O' || word === '--output-document')))) {
      out.push(resolvePath(workdir, next));
    }
  }
  if (program === 'apt-get' && words.includes('update')) out.push('/var/lib/apt/lists');
  if (/^pip(\d+(\.\d+)?)?$/.test(program) && words.includes('install') && !words.includes('--no-cache-dir')) out.push('/root/.cache/pip');
  return out;
}

/** Returns the 1-based line of the first instruction of a stage matching `test`, after `start`. */
function findAfter(stage: Stage, start: number, test: (instruction: Instruction) => boolean): Instruction | undefined {
  return stage.instructions.slice(start + 1).find(test);
}

/** Checks of layer order and layer contents, the core of cache-friendly images. */
export const layerRules: Rule[] = [
  {
    id: 'CopyBeforeInstall',
    aliases: [],
    severity: 'warning',
    buildkit: false,
    fix: 'Copy only the dependency manifest first (`COPY requirements.txt .`), install, and `COPY . .` after the install, so code edits reuse the cached install layer.',
    docs: LESSON_LINKS.layerOrder,
    check(model, report) {
      model.dockerfile.stages.forEach((stage, stageIndex) => {
        const copyIndex = stage.instructions.findIndex(
          (instruction) =>
            (instruction.kind === 'copy' || instruction.kind === 'add') &&
            instruction.from === undefined &&
            instruction.sources.some((source) => isWholeContext(source.value)),
        );
        if (copyIndex === -1) return;
        const copy = stage.instructions[copyIndex];
        if (!copy) return;

        const install = findAfter(stage, copyIndex, (instruction) =>
          instruction.kind === 'run' && commandsOf(model, instruction, stage, stageIndex).some(installsDependencies),
        );
        if (install) {
          report(
            copy.range,
            `${copy.original} on line ${copy.range.start.line} comes before the dependency install on line ${install.range.start.line}: every source edit invalidates the cache here, so each build reinstalls all dependencies`,
          );
        }
      });
    },
  },
  {
    id: 'RemoveInLaterLayer',
    aliases: [],
    severity: 'warning',
    buildkit: false,
    fix: 'Delete files in the same RUN that creates them (`curl -o x && use x && rm x`), or build in one stage and copy only the results into the final stage.',
    docs: LESSON_LINKS.layersOnlyAdd,
    check(model, report) {
      model.dockerfile.stages.forEach((stage, stageIndex) => {
        const created: CreatedPath[] = [];
        let workdir = '/';

        for (const instruction of stage.instructions) {
          if (instruction.kind === 'workdir' && !instruction.path.value.includes('$')) {
            workdir = resolvePath(workdir, instruction.path.value);
          } else if ((instruction.kind === 'copy' || instruction.kind === 'add') && !instruction.destination.value.includes('$')) {
            const destination = resolvePath(workdir, instruction.destination.value);
            const intoDirectory = instruction.destination.value.endsWith('/') || instruction.sources.length > 1;
            for (const source of instruction.sources) {
              const base = source.value.split('/').filter(Boolean).pop() ?? '';
              const path = intoDirectory && !isWholeContext(source.value) ? resolvePath(destination, base) : destination;
              created.push({ path, line: instruction.range.start.line, instruction });
            }
          } else if (instruction.kind === 'run') {
            reportRemovals(model, report, instruction, stage, stageIndex, created, workdir);
          }
        }
      });
    },
  },
  {
    id: 'ExposeDoesNotPublish',
    aliases: [],
    severity: 'info',
    buildkit: false,
    fix: 'Publish the port when you start the container: `docker run -p 8080:8080 image` maps host port 8080 to the container.',
    docs: LESSON_LINKS.exposeDocuments,
    check(model, report) {
      const expose = model.dockerfile.instructions.find((instruction) => instruction.kind === 'expose');
      if (expose?.kind !== 'expose') return;
      const port = expose.ports[0]?.value.split('/')[0] ?? '8080';
      report(expose.range, `EXPOSE records the port in the image metadata only; nothing is reachable from the host until you run with -p ${port}:${port}`);
    },
  },
];

/**
 * Reports `rm` commands of a RUN that target files earlier instructions of
 * the stage created, then records what this RUN leaves behind: files it
 * downloads or caches and does not delete itself.
 */
function reportRemovals(
  model: LintModel,
  report: Parameters<Rule['check']>[1],
  run: Instruction & { kind: 'run' },
  stage: Stage,
  stageIndex: number,
  created: CreatedPath[],
  workdir: string,
): void {
  const createdHere: CreatedPath[] = [];
  let cwd = workdir;

  for (const command of commandsOf(model, run, stage, stageIndex)) {
    if (command.program === 'cd' && command.words[1] && !command.words[1].includes('$')) cwd = resolvePath(cwd, command.words[1]);
    for (const path of pathsCreatedBy(command, cwd)) createdHere.push({ path, line: run.range.start.line, instruction: run });
    if (command.program !== 'rm') continue;

    for (const target of operands(command.words, 1, new Set())) {
      if (target.includes('$')) continue;
      // `rm -rf /tmp/*` removes what is inside /tmp.
      const path = resolvePath(cwd, target.replace(/\/?\*+$/, ''));
      if (path === '/') continue;

      removeOverlapping(createdHere, path);
      const earlier = removeOverlapping(created, path);
      if (earlier) {
        report(run.range, `rm of ${target} in a later layer does not make the image smaller: the layer from line ${earlier.line} still holds it`);
      }
    }
  }
  created.push(...createdHere);
}

/** Removes the entries at or below `path` (or containing it) and returns the first one removed. */
function removeOverlapping(entries: CreatedPath[], path: string): CreatedPath | undefined {
  let first: CreatedPath | undefined;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry && overlaps(entry.path, path)) {
      first = entry;
      entries.splice(i, 1);
    }
  }
  return first;
}
