import type { LeafCheck } from '../definition/schema.ts';
import { fail, pass, type Evaluator } from './types.ts';

type CommandCheck = Extract<LeafCheck, { type: 'command' }>;

/** Split a history line at `;`, `&&`, `||` and `|`, so `docker tag a b && docker images` counts as two commands. */
function splitCommands(line: string): string[] {
  return line
    .split(/&&|\|\||;|\|/)
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter((part) => part !== '');
}

/**
 * Judge the shell history: `ran` needs a command matching every pattern
 * (each pattern on some command), `ran-in-order` needs them in that order.
 */
export const evaluateCommandCheck: Evaluator<CommandCheck> = async (check, state) => {
  const commands = state.commands.flatMap(splitCommands);
  const matchers = check.patterns.map((source) => new RegExp(source));

  if (check.assert === 'ran') {
    const missing = matchers.filter((matcher) => !commands.some((command) => matcher.test(command)));
    return missing.length === 0 ? pass(`You ran ${check.expected}.`) : fail(`Not run yet: ${check.expected}.`);
  }

  let position = 0;
  for (const matcher of matchers) {
    while (position < commands.length && !matcher.test(commands[position] ?? '')) position += 1;
    if (position === commands.length) return fail(`Not run in this order yet: ${check.expected}.`);
    position += 1;
  }
  return pass(`You ran ${check.expected}.`);
};
