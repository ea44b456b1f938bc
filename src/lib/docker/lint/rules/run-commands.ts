import type { RunInstruction, Stage } from '../../ast.ts';
import type { LintModel } from '../model.ts';
import { commandWords, programName } from '../shell.ts';

/** One simple command of a RUN, with where it came from. */
export interface RunCommand {
  run: RunInstruction;
  stage: Stage;
  stageIndex: number;
  /** Words from the program name on (wrappers such as sudo removed). */
  words: string[];
  /** Words as written, wrappers included. */
  rawWords: string[];
  program: string;
}

/** Returns every RUN instruction of every stage with its stage. */
export function runsOf(model: LintModel): { run: RunInstruction; stage: Stage; stageIndex: number }[] {
  const out: { run: RunInstruction; stage: Stage; stageIndex: number }[] = [];
  model.dockerfile.stages.forEach((stage, stageIndex) => {
    for (const instruction of stage.instructions) {
      if (instruction.kind === 'run') out.push({ run: instruction, stage, stageIndex });
    }
  });
  return out;
}

/** Returns the simple commands of one RUN, cached for the lint run; callers must not modify the list. */
export function commandsOf(model: LintModel, run: RunInstruction, stage: Stage, stageIndex: number): RunCommand[] {
  const cached = model.commandCache.get(run);
  if (cached) return cached;

  const commands = model.script(run).commands.map((command) => {
    const words = commandWords(command);
    return { run, stage, stageIndex, words, rawWords: command.words, program: programName(words) };
  });
  model.commandCache.set(run, commands);
  return commands;
}

/** Returns true for a RUN with a `--mount=type=cache` flag, which keeps package caches out of the image. */
export function hasCacheMount(run: RunInstruction): boolean {
  return run.flags.some((flag) => flag.name === 'mount' && /(^|,)type=cache(,|$)/.test(flag.value ?? ''));
}

/**
 * Returns the operands of a command after its subcommand, skipping options
 * and the values of options listed in `optionsWithValue`.
 */
export function operands(words: readonly string[], from: number, optionsWithValue: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = from; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word.startsWith('-')) {
      if (optionsWithValue.has(word)) i++;
      continue;
    }
    out.push(word);
  }
  return out;
}

/** Returns the index of the first word after the program that is not an option, such as `install`. */
export function subcommandIndex(words: readonly string[], optionsWithValue: ReadonlySet<string> = new Set()): number {
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word.startsWith('-')) {
      if (optionsWithValue.has(word)) i++;
      continue;
    }
    return i;
  }
  return -1;
}
