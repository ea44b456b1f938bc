import { resolvePath } from '../../../vfs/index.ts';
import type { BuiltinContext } from '../types.ts';
import { describeFsError } from './errors.ts';

/** Text a command reads: one named file or the piped input (`-` or no operand). */
export type Input = { name: string; text: string };

const decoder = new TextDecoder();

/**
 * Read the inputs of a text command: each operand as a file, or the piped
 * input when there are none. Errors are written as `command: file: reason`
 * and counted, so the command can still process the readable inputs.
 */
export async function readInputs(context: BuiltinContext, command: string, operands: string[]): Promise<{ inputs: Input[]; failed: boolean }> {
  const inputs: Input[] = [];
  let failed = false;
  if (operands.length === 0) {
    if (context.stdin === undefined) {
      // A real tool would wait for keyboard input; this terminal has none to give.
      context.io.stderr(`${command}: no input: name a file or pipe a command into ${command}\n`);
      return { inputs, failed: true };
    }
    return { inputs: [{ name: '(standard input)', text: context.stdin }], failed };
  }
  for (const operand of operands) {
    if (operand === '-') {
      inputs.push({ name: '(standard input)', text: context.stdin ?? '' });
      continue;
    }
    try {
      inputs.push({ name: operand, text: decoder.decode(await context.state.fs.readFile(resolvePath(context.state.cwd, operand))) });
    } catch (error) {
      context.io.stderr(`${command}: ${operand}: ${describeFsError(error)}\n`);
      failed = true;
    }
  }
  return { inputs, failed };
}

/** Split text into lines without their newlines; a final newline does not add an empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
