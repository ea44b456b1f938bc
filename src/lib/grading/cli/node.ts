import { closeSync, openSync } from 'node:fs';
import { loadCheckpoints } from '../load.ts';
import { createBatchGrader, formatSummary, type BatchGrader } from './batch.ts';
import { LineReader } from './io.ts';
import { OutputBuffer } from './output.ts';
import { serializeHead, serializeTail } from './serialize.ts';

const usage = `Usage: slipway grade FILE.jsonl [--out RESULTS.jsonl] [--no-feedback]

Grades each line { checkpointId, learnerId, submissionId, answer } with the
checkpoints under quizzes/, in file order, so earlier lines of the same learner
and checkpoint count as earlier attempts. FILE may be - for standard input.

  --out FILE      write the JSONL results to FILE instead of standard output
  --no-feedback   leave feedback, hints and solution out of each result
  --max-errors N  report at most N skipped lines one by one (default 20)
`;

type Options = { input: string; out?: string; feedback: boolean; maxErrors: number };

/** Parse the command line, or return an error message. */
function parseArgs(args: readonly string[]): Options | string {
  const options: Options = { input: '', feedback: true, maxErrors: 20 };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--out') {
      const value = args[index + 1];
      if (value === undefined) return '--out needs a file name';
      options.out = value;
      index += 1;
    } else if (arg === '--no-feedback') {
      options.feedback = false;
    } else if (arg === '--max-errors') {
      const value = Number(args[index + 1]);
      if (!Number.isInteger(value) || value < 0) return `--max-errors needs a whole number; found ${String(args[index + 1])}`;
      options.maxErrors = value;
      index += 1;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option ${arg}`;
    } else if (options.input === '') {
      options.input = arg;
    } else {
      return `unexpected argument ${arg}; give one input file`;
    }
  }
  return options.input === '' ? 'missing the input file' : options;
}

/** Grade every line of `input`, writing results to `output` and reporting skipped lines on stderr. */
async function gradeLines(input: number, grader: BatchGrader, output: OutputBuffer, options: Options): Promise<void> {
  let reported = 0;
  const onLine = (text: string, line: number): void => {
    const outcome = grader.gradeLine(text, line);
    if ('result' in outcome) {
      output.pushLine(serializeHead(outcome.result), serializeTail(outcome.result, options.feedback));
    } else if ('error' in outcome) {
      if (reported < options.maxErrors) process.stderr.write(`slipway grade: ${outcome.error}; skipped\n`);
      reported += 1;
    }
  };

  // Input chunks of 1 MB produce up to about 15 MB of results with feedback, so waiting between chunks bounds memory.
  const reader = new LineReader(input, 1024 * 1024);
  while (reader.readLines(onLine)) await output.ready();

  if (reported > options.maxErrors) {
    process.stderr.write(`slipway grade: ${reported - options.maxErrors} more skipped lines not shown (--max-errors ${options.maxErrors})\n`);
  }
  await output.finish();
}

/** Run `slipway grade` and return its exit code. */
export async function runGradeCli(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage);
    return 0;
  }
  const options = parseArgs(args);
  if (typeof options === 'string') {
    process.stderr.write(`slipway grade: ${options}\n\n${usage}`);
    return 2;
  }

  let input: number;
  try {
    input = options.input === '-' ? 0 : openSync(options.input, 'r');
  } catch (error) {
    process.stderr.write(`slipway grade: cannot read ${options.input}: ${(error as Error).message}\n`);
    return 1;
  }

  let checkpoints;
  try {
    checkpoints = loadCheckpoints();
  } catch (error) {
    process.stderr.write(`slipway grade: the checkpoints are invalid, so nothing was graded:\n${(error as Error).message}\n`);
    return 1;
  }

  let fd: number;
  try {
    fd = options.out === undefined ? 1 : openSync(options.out, 'w');
  } catch (error) {
    process.stderr.write(`slipway grade: cannot write ${String(options.out)}: ${(error as Error).message}\n`);
    return 1;
  }

  const started = performance.now();
  const grader = createBatchGrader(checkpoints);
  try {
    await gradeLines(input, grader, new OutputBuffer(fd), options);
  } catch (error) {
    process.stderr.write(`slipway grade: ${(error as Error).message}\n`);
    return 1;
  } finally {
    if (input !== 0) closeSync(input);
    if (fd !== 1) closeSync(fd);
  }

  const seconds = (performance.now() - started) / 1000;
  const rate = seconds > 0 ? Math.round(grader.summary.total / seconds) : grader.summary.total;
  process.stderr.write(`${formatSummary(grader.summary)}\ngraded in ${seconds.toFixed(2)} s (${rate} submissions/s)\n`);
  return 0;
}
