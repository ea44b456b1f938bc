import { referencedVariables } from '../../parser/expand.ts';
import { LESSON_LINKS } from '../docs.ts';
import type { Rule } from '../types.ts';
import { commandsOf, runsOf } from './run-commands.ts';

/** Returns true when SHELL arguments name a POSIX-style shell, where pipefail and `source` rules apply. */
function isPosixShell(shell: readonly string[] | undefined): boolean {
  if (!shell) return true;
  return /(^|\/)(ba|da|a|z|k)?sh$/.test(shell[0] ?? '');
}

/** Returns true when SHELL arguments run bash or zsh, which know `source`. */
function isBashLike(shell: readonly string[] | undefined): boolean {
  return shell !== undefined && /(^|\/)(bash|zsh|ksh)$/.test(shell[0] ?? '');
}

/** Checks of the commands inside RUN. */
export const shellUsageRules: Rule[] = [
  {
    id: 'CdInRun',
    aliases: ['DL3003'],
    severity: 'warning',
    buildkit: false,
    fix: 'Use `WORKDIR /path`: a `cd` lasts only until the end of its RUN, and WORKDIR also applies to later COPY, CMD and RUN.',
    docs: LESSON_LINKS.workdir,
    check(model, report) {
      for (const { run, stage, stageIndex } of runsOf(model)) {
        if (commandsOf(model, run, stage, stageIndex).some((command) => command.program === 'cd')) {
          report(run.range, '`cd` in RUN changes the directory only for the rest of this RUN');
        }
      }
    },
  },
  {
    id: 'SudoInRun',
    aliases: ['DL3004'],
    severity: 'warning',
    buildkit: false,
    fix: 'Drop sudo: RUN already runs as the current USER. Switch with `USER root` for the steps that need it, then back.',
    docs: LESSON_LINKS.nonRootUser,
    check(model, report) {
      for (const { run, stage, stageIndex } of runsOf(model)) {
        const commands = commandsOf(model, run, stage, stageIndex);
        if (commands.some((command) => command.rawWords.some((word, i) => word === 'sudo' && command.rawWords.slice(0, i).every((w) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(w))))) {
          report(run.range, 'sudo in RUN: most base images do not ship it, and it hides which user a step runs as');
        }
      }
    },
  },
  {
    id: 'PipeWithoutPipefail',
    aliases: ['DL4006'],
    severity: 'warning',
    buildkit: false,
    fix: 'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before this RUN, so a failing command on the left of `|` fails the build.',
    docs: LESSON_LINKS.shellPitfalls,
    check(model, report) {
      for (const { run, stage } of runsOf(model)) {
        if (run.form !== 'shell' || !model.script(run).hasPipe) continue;
        const shell = model.shellBefore(stage, run);
        if (!isPosixShell(shell) || shell?.includes('pipefail')) continue;
        // `set -o pipefail` (or `set -euo pipefail`) inside the script does the same as the SHELL option.
        if (run.command.includes('pipefail')) continue;
        report(run.range, 'RUN pipes commands without pipefail: only the last command\'s exit status counts, so `curl ... | tar x` passes even when curl fails');
      }
    },
  },
  {
    id: 'GlobalArgInRun',
    aliases: [],
    severity: 'warning',
    buildkit: false,
    fix: 'Declare the ARG again inside the stage (`ARG NAME` after FROM) to use the value from before FROM.',
    docs: LESSON_LINKS.buildArgs,
    check(model, report) {
      const { dockerfile } = model;
      const globals = new Set(dockerfile.metaArgs.flatMap((instruction) => instruction.args.map((arg) => arg.name)));
      if (globals.size === 0) return;

      for (const stage of dockerfile.stages) {
        const visible = new Set<string>();
        for (const instruction of stage.instructions) {
          if (instruction.kind === 'arg') for (const arg of instruction.args) visible.add(arg.name);
          if (instruction.kind === 'env') for (const pair of instruction.pairs) visible.add(pair.key);
          if (instruction.kind !== 'run' || instruction.form !== 'shell') continue;

          const missing = [...new Set(referencedVariables(instruction.command, dockerfile.escapeToken))].filter(
            (name) => globals.has(name) && !visible.has(name),
          );
          for (const name of missing) {
            report(instruction.range, `ARG ${name} is declared before FROM, so it is empty in this RUN: an ARG before FROM is visible only in FROM lines`, {
              fix: `Add \`ARG ${name}\` after the FROM of this stage; it then takes the value from before FROM.`,
            });
          }
        }
      }
    },
  },
  {
    id: 'SourceInShell',
    aliases: [],
    severity: 'warning',
    buildkit: false,
    fix: 'Use `. file` instead of `source file`, or set `SHELL ["/bin/bash", "-c"]` first.',
    docs: LESSON_LINKS.shellPitfalls,
    check(model, report) {
      for (const { run, stage, stageIndex } of runsOf(model)) {
        if (isBashLike(model.shellBefore(stage, run))) continue;
        if (run.form === 'exec' && /(^|\/)(bash|zsh)$/.test(run.args[0] ?? '')) continue;
        if (commandsOf(model, run, stage, stageIndex).some((command) => command.program === 'source')) {
          report(run.range, '`source` is a bash built-in; RUN uses /bin/sh, which on Debian and Ubuntu images is dash and fails with "source: not found"');
        }
      }
    },
  },
];
