/**
 * Syntax tree of a Dockerfile, as produced by `parseDockerfile`
 * (`src/lib/docker/parser/index.ts`) and read by the linter and the builder.
 *
 * Every node carries a 1-based source range. Word values (image names, paths,
 * ENV values, ARG defaults) are kept raw, with quotes and `$` references
 * untouched, because Docker expands them only at build time with the
 * variables of that moment: pass them through `expandWord` (exported by
 * `./parser/index.ts`) before use.
 */

/** Place in the source, 1-based line and column (column counts UTF-16 units). */
export interface Position {
  line: number;
  column: number;
}

/** Source span; `end` points just after the last character. */
export interface Range {
  start: Position;
  end: Position;
}

/** Escape token chosen by `# escape=`: backslash by default, backtick on Windows-style files. */
export type EscapeToken = '\\' | '`';

/** Parser directive at the top of the file, such as `# syntax=docker/dockerfile:1`. */
export interface Directive {
  /** Key in lower case: `syntax`, `escape` or `check`. */
  name: string;
  value: string;
  range: Range;
}

/** Non-fatal finding of the parser itself, reported again by the linter. */
export interface ParseWarning {
  /** BuildKit check name the warning belongs to. */
  rule: 'NoEmptyContinuation';
  message: string;
  range: Range;
}

/** Command-line style flag of an instruction, such as `--from=build`. */
export interface Flag {
  /** Name without the leading dashes: `from`, `chown`, `mount`. */
  name: string;
  /** Text after `=`; null for a bare flag such as `--link`. */
  value: string | null;
  range: Range;
}

/** Here-document attached to RUN, COPY or ADD (`<<EOF` … `EOF`). */
export interface Heredoc {
  /** Terminator word without quotes. */
  delimiter: string;
  /** Body lines joined with `\n`, ending with `\n` when the body is not empty. */
  content: string;
  /** True for `<<-EOF`: leading tabs were already removed from each line of `content`. */
  stripTabs: boolean;
  /** True when the delimiter was quoted (`<<"EOF"`), which turns variable expansion off. */
  quoted: boolean;
  /** File descriptor written before `<<`, as in `3<<EOF`. */
  fd?: number;
  range: Range;
}

/** Raw word of an instruction with its place in the source. */
export interface Word {
  value: string;
  range: Range;
}

/** Fields every instruction has. */
export interface InstructionBase {
  /** Keyword in upper case. */
  keyword: string;
  /** Keyword as written, to check casing. */
  keywordAsWritten: string;
  keywordRange: Range;
  /** Instruction text after joining continuation lines and dropping comment lines. */
  original: string;
  /** Text after the keyword and the flags, as the instruction parser saw it. */
  argsText: string;
  range: Range;
  flags: Flag[];
  heredocs: Heredoc[];
}

/** Exec form (`["a","b"]`) or shell form of a command; invalid JSON falls back to shell form. */
export type CommandForm =
  | { form: 'exec'; args: string[] }
  | { form: 'shell'; command: string };

export interface FromInstruction extends InstructionBase {
  kind: 'from';
  image: Word;
  stageName?: Word;
  /** The `AS` keyword as written, to check that its casing matches FROM. */
  asKeyword?: string;
  /** Value of `--platform`, if given. */
  platform?: string;
}

export type RunInstruction = InstructionBase & { kind: 'run' } & CommandForm;
export type CmdInstruction = InstructionBase & { kind: 'cmd' } & CommandForm;
export type EntrypointInstruction = InstructionBase & { kind: 'entrypoint' } & CommandForm;

/** SHELL accepts only the exec form; a shell-form SHELL is a parse error. */
export interface ShellInstruction extends InstructionBase {
  kind: 'shell';
  form: 'exec';
  args: string[];
}

/** COPY or ADD: sources, destination and the common flags pulled out of `flags`. */
export interface CopyInstruction extends InstructionBase {
  kind: 'copy' | 'add';
  form: 'exec' | 'shell';
  sources: Word[];
  destination: Word;
  from?: string;
  chown?: string;
  chmod?: string;
  link: boolean;
}

/** One `key=value` (or legacy `key value`) pair of ENV or LABEL. */
export interface KeyValuePair {
  key: string;
  /** Raw value, quotes kept, as Docker stores it before expansion. */
  value: string;
  /** True for the legacy `ENV key value` form. */
  legacy: boolean;
  range: Range;
}

export interface EnvInstruction extends InstructionBase {
  kind: 'env' | 'label';
  pairs: KeyValuePair[];
}

/** One name of an ARG instruction; BuildKit accepts several in one ARG. */
export interface ArgDeclaration {
  name: string;
  /** Raw default after `=`, undefined when there is no `=`. */
  default?: string;
  range: Range;
}

export interface ArgInstruction extends InstructionBase {
  kind: 'arg';
  args: ArgDeclaration[];
}

export interface ExposeInstruction extends InstructionBase {
  kind: 'expose';
  /** Raw port specs such as `8080`, `53/udp` or `${PORT}`. */
  ports: Word[];
}

export interface WorkdirInstruction extends InstructionBase {
  kind: 'workdir';
  path: Word;
}

export interface UserInstruction extends InstructionBase {
  kind: 'user';
  user: Word;
}

export interface VolumeInstruction extends InstructionBase {
  kind: 'volume';
  form: 'exec' | 'shell';
  paths: Word[];
}

export interface StopsignalInstruction extends InstructionBase {
  kind: 'stopsignal';
  signal: Word;
}

/** HEALTHCHECK options as written (durations stay strings such as `30s`). */
export interface HealthcheckOptions {
  interval?: string;
  timeout?: string;
  startPeriod?: string;
  startInterval?: string;
  retries?: number;
}

export type HealthcheckInstruction = InstructionBase & { kind: 'healthcheck' } & (
  | { test: 'NONE' }
  | ({ test: 'CMD'; options: HealthcheckOptions } & CommandForm)
);

export interface OnbuildInstruction extends InstructionBase {
  kind: 'onbuild';
  /** Trigger instruction, parsed like a top-level one. */
  trigger: Instruction;
}

export interface MaintainerInstruction extends InstructionBase {
  kind: 'maintainer';
  name: string;
}

/** Instruction with an unknown keyword: it parses, and the build then fails with `unknown instruction: X`. */
export interface UnknownInstruction extends InstructionBase {
  kind: 'unknown';
}

/** Any instruction; switch on `kind`. */
export type Instruction =
  | FromInstruction
  | RunInstruction
  | CmdInstruction
  | EntrypointInstruction
  | ShellInstruction
  | CopyInstruction
  | EnvInstruction
  | ArgInstruction
  | ExposeInstruction
  | WorkdirInstruction
  | UserInstruction
  | VolumeInstruction
  | StopsignalInstruction
  | HealthcheckInstruction
  | OnbuildInstruction
  | MaintainerInstruction
  | UnknownInstruction;

export type InstructionKind = Instruction['kind'];

/** Build stage: one FROM and the instructions up to the next FROM. */
export interface Stage {
  /** Name from `FROM image AS name`, lower-cased as BuildKit does. */
  name?: string;
  /** Raw base image reference (may contain `$` references to global ARGs). */
  baseImage: string;
  /** Index of the FROM in `Dockerfile.instructions`. */
  fromIndex: number;
  from: FromInstruction;
  /** Instructions after the FROM, in order. */
  instructions: Instruction[];
}

/** Result of `parseDockerfile`. */
export interface Dockerfile {
  directives: Directive[];
  escapeToken: EscapeToken;
  /** Every instruction in source order, including global ARGs and FROMs. */
  instructions: Instruction[];
  /** ARG instructions before the first FROM (visible only in FROM lines unless re-declared). */
  metaArgs: ArgInstruction[];
  stages: Stage[];
  warnings: ParseWarning[];
  /** Comment lines outside instructions, kept for `# hadolint ignore=` and definition comments. */
  comments: Word[];
  /** Number of source lines, counting a last line without a newline. */
  lineCount: number;
  /** 1-based numbers of the lines that end in CR LF (Windows line endings). */
  crlfLines: number[];
}

/**
 * Fatal Dockerfile error with Docker's own message text in `message`.
 * `describe()` adds BuildKit's location prefix.
 */
export class ParseError extends Error {
  line: number;
  range: Range;
  /** True for errors raised while reading the file as a whole, before instructions are checked. */
  fileLevel = false;

  constructor(message: string, range: Range) {
    super(message);
    this.name = 'ParseError';
    this.line = range.start.line;
    this.range = range;
  }

  /**
   * Formats the error as BuildKit reports it. Instruction errors read
   * `dockerfile parse error on line N: message`. BuildKit adds that prefix only
   * when it checks instructions, so file-level errors (directives, heredocs,
   * `file with no instructions`) print the bare message.
   */
  describe(): string {
    return this.fileLevel ? this.message : `dockerfile parse error on line ${this.line}: ${this.message}`;
  }
}

/** Error raised by `${name:?message}` or `${name?message}` during expansion. */
export class ExpansionError extends Error {
  variable: string;

  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ExpansionError';
    this.variable = variable;
  }
}

/** Variables visible to an expansion: a Map or a plain record of name to value. */
export type Variables = ReadonlyMap<string, string> | Readonly<Record<string, string>>;
