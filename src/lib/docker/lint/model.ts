import type { Dockerfile, Instruction, RunInstruction, Stage } from '../ast.ts';
import { parseShellScript } from './shell.ts';
import type { ShellScript } from './shell.ts';
import type { RunCommand } from './rules/run-commands.ts';
import type { LintContext } from './types.ts';

/** Facts about a Dockerfile that several rules need, computed once per lint run. */
export interface LintModel {
  dockerfile: Dockerfile;
  context: LintContext;
  /** Index of the stage each instruction belongs to; absent before the first FROM. */
  stageOf: Map<Instruction, number>;
  /** Returns the parsed shell script of a RUN (shell form, exec `sh -c`, and heredoc bodies). */
  script: (run: RunInstruction) => ShellScript;
  /** Split commands of each RUN, filled by `commandsOf` and shared by the rules. */
  commandCache: Map<RunInstruction, RunCommand[]>;
  /** Returns the SHELL arguments in effect before an instruction (the whole stage when omitted), if any SHELL set them. */
  shellBefore: (stage: Stage, instruction?: Instruction) => string[] | undefined;
}

/** Builds the shared facts for the rules. */
export function buildLintModel(dockerfile: Dockerfile, context: LintContext): LintModel {
  const stageOf = new Map<Instruction, number>();
  dockerfile.stages.forEach((stage, index) => {
    stageOf.set(stage.from, index);
    for (const instruction of stage.instructions) stageOf.set(instruction, index);
  });

  const scripts = new Map<RunInstruction, ShellScript>();
  const script = (run: RunInstruction): ShellScript => {
    let parsed = scripts.get(run);
    if (!parsed) {
      parsed = parseShellScript(runScriptText(run));
      scripts.set(run, parsed);
    }
    return parsed;
  };

  // A stage built on an earlier stage inherits its SHELL, as the image config carries it.
  const shellBefore = (stage: Stage, instruction?: Instruction): string[] | undefined => {
    let shell: string[] | undefined;
    for (const candidate of stage.instructions) {
      if (candidate === instruction) break;
      if (candidate.kind === 'shell') shell = candidate.args;
    }
    if (shell) return shell;

    const parent = parentStageIndex(dockerfile, dockerfile.stages.indexOf(stage));
    const parentStage = parent === undefined ? undefined : dockerfile.stages[parent];
    return parentStage ? shellBefore(parentStage) : undefined;
  };

  return { dockerfile, context, stageOf, script, shellBefore, commandCache: new Map() };
}

/** Returns the index of the earlier stage a stage builds on (`FROM build`), or undefined for an image. */
export function parentStageIndex(dockerfile: Dockerfile, stageIndex: number): number | undefined {
  const base = dockerfile.stages[stageIndex]?.baseImage.toLowerCase();
  if (base === undefined) return undefined;
  for (let i = 0; i < stageIndex; i++) {
    if (dockerfile.stages[i]?.name === base) return i;
  }
  return undefined;
}

/** Returns the shell text a RUN executes, with heredoc bodies appended. */
export function runScriptText(run: RunInstruction): string {
  let text: string;
  if (run.form === 'shell') {
    text = run.command;
  } else {
    // `["sh", "-c", "script"]` runs a script; any other exec form is one command.
    const [program, flag, body] = run.args;
    const isShell = program !== undefined && /(^|\/)(ba|da|a|z)?sh$/.test(program) && flag === '-c';
    text = isShell && body !== undefined ? body : run.args.map(quoteWord).join(' ');
  }
  for (const heredoc of run.heredocs) text += '\n' + heredoc.content;
  return text;
}

function quoteWord(word: string): string {
  return /^[A-Za-z0-9_./=:@+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
