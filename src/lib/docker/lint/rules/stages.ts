import type { Dockerfile, Instruction, Stage } from '../../ast.ts';
import { LESSON_LINKS } from '../docs.ts';
import { parentStageIndex } from '../model.ts';
import type { Rule } from '../types.ts';

/** Instructions of which only the last one in a stage takes effect, with their hadolint ids. */
const LAST_ONE_WINS: Readonly<Record<string, string[]>> = {
  cmd: ['DL4003'],
  entrypoint: ['DL4004'],
  healthcheck: ['DL3012'],
};

/** Returns true when a WORKDIR is set before `instruction` in the stage or in any stage it builds on. */
export function hasWorkdirBefore(dockerfile: Dockerfile, stageIndex: number, instruction?: Instruction): boolean {
  const stage = dockerfile.stages[stageIndex];
  if (!stage) return false;
  for (const candidate of stage.instructions) {
    if (candidate === instruction) break;
    if (candidate.kind === 'workdir') return true;
  }
  const parent = parentStageIndex(dockerfile, stageIndex);
  return parent !== undefined && hasWorkdirBefore(dockerfile, parent);
}

/** Returns true when a path is absolute, or starts with a variable that may hold an absolute path. */
function isAbsoluteOrVariable(path: string): boolean {
  const unquoted = path.replace(/^["']/, '');
  return unquoted.startsWith('/') || unquoted.startsWith('$') || /^[A-Za-z]:[\\/]/.test(unquoted);
}

function stageIndexOf(stages: readonly Stage[], stage: Stage): number {
  return stages.indexOf(stage);
}

const ARCHIVE_SUFFIXES = ['.tar', '.tar.gz', '.tgz', '.tar.bz2', '.tbz2', '.tar.xz', '.txz', '.tar.zst', '.gz', '.bz2', '.xz'];

/** Returns true for ADD sources that ADD treats specially: URLs, git repositories and local tar archives. */
function addIsNeeded(source: string): boolean {
  const lower = source.toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(lower) || lower.startsWith('git@') || lower.startsWith('<<')) return true;
  return ARCHIVE_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/** Stage structure checks: commands, users, working directories and references between stages. */
export const stageRules: Rule[] = [
  {
    id: 'JSONArgsRecommended',
    aliases: ['DL3025'],
    severity: 'warning',
    buildkit: true,
    fix: 'Use the exec form, `CMD ["python", "app.py"]`: in shell form /bin/sh is PID 1 and does not pass SIGTERM on, so `docker stop` waits 10 s and then kills the server.',
    docs: LESSON_LINKS.execForm,
    check(model, report) {
      if (model.context.shellSet) return;
      for (const stage of model.dockerfile.stages) {
        for (const instruction of stage.instructions) {
          if (instruction.kind !== 'cmd' && instruction.kind !== 'entrypoint') continue;
          if (instruction.form !== 'shell' || instruction.command === '') continue;
          if (model.shellBefore(stage, instruction)) continue;
          report(
            instruction.range,
            `JSON arguments recommended for ${instruction.keyword} to prevent unintended behavior related to OS signals`,
          );
        }
      }
    },
  },
  {
    id: 'MultipleInstructionsDisallowed',
    aliases: ['DL4003', 'DL4004'],
    severity: 'warning',
    buildkit: true,
    fix: 'Keep one CMD, one ENTRYPOINT and one HEALTHCHECK per stage: only the last one takes effect.',
    docs: LESSON_LINKS.execForm,
    check(model, report) {
      for (const stage of model.dockerfile.stages) {
        const byKind = new Map<string, Instruction[]>();
        for (const instruction of stage.instructions) {
          if (!(instruction.kind in LAST_ONE_WINS)) continue;
          const list = byKind.get(instruction.kind) ?? [];
          list.push(instruction);
          byKind.set(instruction.kind, list);
        }

        for (const [kind, list] of byKind) {
          for (const instruction of list.slice(0, -1)) {
            report(
              instruction.range,
              `Multiple ${instruction.keyword} instructions should not be used in the same stage because only the last one will be used`,
              { aliases: LAST_ONE_WINS[kind] ?? [] },
            );
          }
        }
      }
    },
  },
  {
    id: 'WorkdirRelativePath',
    aliases: ['DL3000'],
    severity: 'warning',
    buildkit: true,
    fix: 'Give WORKDIR an absolute path such as /app: a relative one is resolved against whatever directory the base image left set.',
    docs: LESSON_LINKS.workdir,
    check(model, report) {
      const { stages } = model.dockerfile;
      stages.forEach((stage, index) => {
        for (const instruction of stage.instructions) {
          if (instruction.kind !== 'workdir' || isAbsoluteOrVariable(instruction.path.value)) continue;
          if (hasWorkdirBefore(model.dockerfile, index, instruction)) continue;
          report(
            instruction.range,
            `Relative workdir ${JSON.stringify(instruction.path.value)} can have unexpected results if the base image changes`,
          );
        }
      });
    },
  },
  {
    id: 'RunAsRoot',
    aliases: ['DL3002'],
    severity: 'warning',
    buildkit: false,
    fix: 'Create an unprivileged user and end the final stage with `USER app` (or a numeric UID), so a compromised server cannot write to the whole file system.',
    docs: LESSON_LINKS.nonRootUser,
    check(model, report) {
      const final = model.dockerfile.stages[model.dockerfile.stages.length - 1];
      if (!final) return;
      const users = final.instructions.filter((instruction) => instruction.kind === 'user');
      const last = users[users.length - 1];

      if (!last) {
        report(final.from.range, 'The final stage sets no USER, so the container runs as root unless the base image chose another user', {
          aliases: [],
          severity: 'info',
        });
        return;
      }
      const name = last.user.value.split(':')[0] ?? '';
      if (name === 'root' || name === '0') {
        report(last.range, `The last USER is ${JSON.stringify(last.user.value)}, so the container runs as root`);
      }
    },
  },
  {
    id: 'InstructionBeforeFrom',
    aliases: ['DL3061'],
    severity: 'error',
    buildkit: false,
    fix: 'Start the Dockerfile with FROM; only ARG may come before the first FROM.',
    docs: LESSON_LINKS.syntax,
    check(model, report) {
      for (const instruction of model.dockerfile.instructions) {
        if (instruction.kind === 'from') return;
        if (instruction.kind !== 'arg') {
          report(instruction.range, `${instruction.keyword} comes before the first FROM: Docker fails with "no build stage in current context"`);
        }
      }
    },
  },
  {
    id: 'CopyFromUnknownStage',
    aliases: ['DL3022'],
    severity: 'warning',
    buildkit: false,
    fix: 'Name the stage you copy from (`FROM python:3.12 AS build`) before the COPY, and use that name in `--from=build`.',
    docs: LESSON_LINKS.multiStage,
    check(model, report) {
      const { stages } = model.dockerfile;
      for (const stage of stages) {
        const current = stageIndexOf(stages, stage);
        for (const instruction of stage.instructions) {
          if (instruction.kind !== 'copy' || instruction.from === undefined) continue;
          const from = instruction.from;
          if (from.includes('$')) continue;

          if (/^\d+$/.test(from)) {
            if (Number(from) > current) report(instruction.range, `COPY --from=${from} refers to a later stage; only earlier stages can be copied from`);
            continue;
          }
          const target = stages.findIndex((candidate) => candidate.name === from.toLowerCase());
          if (target === current) continue;
          if (target > current) {
            report(instruction.range, `COPY --from=${from} refers to a stage defined later in the file`);
          } else if (target === -1 && !/[:/@.]/.test(from)) {
            report(instruction.range, `COPY --from=${from} names no stage, so Docker pulls an image called "${from}" instead`);
          }
        }
      }
    },
  },
  {
    id: 'CopyFromOwnStage',
    aliases: ['DL3023'],
    severity: 'error',
    buildkit: false,
    fix: 'Copy from an earlier stage: a stage cannot read its own files through --from.',
    docs: LESSON_LINKS.multiStage,
    check(model, report) {
      const { stages } = model.dockerfile;
      stages.forEach((stage, current) => {
        for (const instruction of stage.instructions) {
          if (instruction.kind !== 'copy' || instruction.from === undefined) continue;
          const from = instruction.from.toLowerCase();
          if (from === String(current) || (stage.name !== undefined && from === stage.name)) {
            report(instruction.range, `COPY --from=${instruction.from} refers to the stage it is in`);
          }
        }
      });
    },
  },
  {
    id: 'RelativeCopyWithoutWorkdir',
    aliases: ['DL3045'],
    severity: 'warning',
    buildkit: false,
    fix: 'Set `WORKDIR /app` before copying to a relative destination, or give COPY an absolute destination.',
    docs: LESSON_LINKS.workdir,
    check(model, report) {
      model.dockerfile.stages.forEach((stage, index) => {
        for (const instruction of stage.instructions) {
          if (instruction.kind !== 'copy' && instruction.kind !== 'add') continue;
          if (isAbsoluteOrVariable(instruction.destination.value)) continue;
          if (hasWorkdirBefore(model.dockerfile, index, instruction)) continue;
          report(
            instruction.range,
            `${instruction.keyword} to relative destination ${JSON.stringify(instruction.destination.value)} with no WORKDIR set: the files land relative to the base image's directory`,
          );
        }
      });
    },
  },
  {
    id: 'ConsecutiveRunInstructions',
    aliases: ['DL3059'],
    severity: 'info',
    buildkit: false,
    fix: 'Join related commands into one RUN with `&&`, so they make one layer and clean-up happens in the layer that made the mess.',
    docs: LESSON_LINKS.layerOrder,
    check(model, report) {
      for (const stage of model.dockerfile.stages) {
        let previous: Instruction | undefined;
        for (const instruction of stage.instructions) {
          const sameFlags =
            previous?.kind === 'run' &&
            instruction.kind === 'run' &&
            previous.flags.map((flag) => `${flag.name}=${flag.value}`).join() ===
              instruction.flags.map((flag) => `${flag.name}=${flag.value}`).join();
          if (sameFlags) report(instruction.range, 'RUN follows another RUN: each one adds a layer; consider joining them');
          previous = instruction;
        }
      }
    },
  },
  {
    id: 'CopyMultipleSourcesDirectory',
    aliases: ['DL3021'],
    severity: 'error',
    buildkit: false,
    fix: 'End the destination with `/` when COPY or ADD has more than one source.',
    docs: LESSON_LINKS.copyAndAdd,
    check(model, report) {
      for (const instruction of model.dockerfile.instructions) {
        if (instruction.kind !== 'copy' && instruction.kind !== 'add') continue;
        if (instruction.sources.length < 2 || instruction.destination.value.endsWith('/')) continue;
        report(
          instruction.range,
          `When using ${instruction.keyword} with more than one source file, the destination must be a directory and end with a /`,
        );
      }
    },
  },
  {
    id: 'AddForLocalFile',
    aliases: ['DL3020'],
    severity: 'warning',
    buildkit: false,
    fix: 'Use COPY for local files and folders; keep ADD for URLs and for local tar archives you want unpacked.',
    docs: LESSON_LINKS.copyAndAdd,
    check(model, report) {
      for (const instruction of model.dockerfile.instructions) {
        if (instruction.kind !== 'add') continue;
        const plain = instruction.sources.filter((source) => !addIsNeeded(source.value));
        if (plain.length > 0) {
          report(instruction.range, `ADD of plain files (${plain.map((source) => source.value).join(', ')}): COPY does the same with no hidden unpacking or downloading`);
        }
      }
    },
  },
];
