import { evaluateTasks } from '../../checks/index.ts';
import type { Builtin, BuiltinContext } from '../types.ts';

const usage = `Usage: lab COMMAND

Commands:
  status             show how many tasks are done
  check              check every task and show what is missing
  upstream advance   publish newer upstream images: floating tags such as python:3.12-slim move
`;

/** Check every task of the shell's lab against the current files and images. */
async function evaluate(context: BuiltinContext) {
  const { state } = context;
  const lab = state.lab;
  if (lab === undefined) return null;
  return evaluateTasks(lab.tasks, { fs: state.fs, root: state.root, engine: state.docker, commands: [...state.history] });
}

const subcommands: Record<string, (context: BuiltinContext) => Promise<number>> = {
  async status(context) {
    const results = await evaluate(context);
    if (results === null || context.state.lab === undefined) {
      context.io.stdout('No lab is open in this shell.\n');
      return 0;
    }
    const done = results.filter((result) => result.passed).length;
    context.io.stdout(`${context.state.lab.title}: ${done} of ${results.length} tasks done.\nRun 'lab check' to see each task.\n`);
    return 0;
  },

  async check(context) {
    const results = await evaluate(context);
    if (results === null || context.state.lab === undefined) {
      context.io.stdout('No lab is open in this shell.\n');
      return 0;
    }
    const rows = context.state.lab.tasks.map((task, index) => {
      const result = results[index];
      const mark = result?.passed === true ? '[x]' : '[ ]';
      return `${mark} ${task.id}: ${task.title}\n      ${result?.detail ?? ''}\n`;
    });
    context.io.stdout(rows.join(''));
    return results.every((result) => result.passed) ? 0 : 1;
  },

  async upstream(context) {
    if (context.args[1] !== 'advance') {
      context.io.stderr("lab: upstream: expected 'advance'\n");
      return 2;
    }
    await context.state.docker.advanceRegistryTime();
    context.io.stdout(
      'The upstream registry published newer images. Floating tags (such as python:3.12-slim and latest) now name\n' +
        'different images; a tag pinned by digest still names the image it named before. Try: docker pull python:3.12-slim\n',
    );
    return 0;
  },
};

export const lab: Builtin = {
  summary: 'lab status, lab check (task list), lab upstream advance',
  async run(context) {
    const name = context.args[0];
    if (name === undefined || name === 'help' || name === '--help') {
      context.io.stdout(usage);
      return name === undefined ? 2 : 0;
    }
    const subcommand = subcommands[name];
    if (subcommand === undefined) {
      context.io.stderr(`lab: '${name}' is not a lab command.\n${usage}`);
      return 2;
    }
    return subcommand(context);
  },
};
