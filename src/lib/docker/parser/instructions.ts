import { ParseError } from '../ast.ts';
import type {
  ArgDeclaration,
  CommandForm,
  EscapeToken,
  Flag,
  Heredoc,
  HealthcheckOptions,
  Instruction,
  InstructionBase,
  KeyValuePair,
  Range,
  Word,
} from '../ast.ts';
import { parseGoDuration } from './duration.ts';
import { fileLevelError } from './errors.ts';
import { flagValue, validateFlags } from './flags.ts';
import type { FlagSpec } from './flags.ts';
import type { SourceMap } from './source-map.ts';
import { extractFlags, parseJsonArray, splitOnBlanks, splitShellWords } from './words.ts';
import type { RawWord } from './words.ts';

/** Input of an instruction parser: the fields common to all instructions and where its words sit in the source. */
export interface InstructionInput {
  base: InstructionBase;
  /** Offset of `base.argsText` in `base.original`. */
  argsOffset: number;
  map: SourceMap;
  /** Offset of `base.original` in the joined line (non-zero for ONBUILD triggers). */
  originOffset: number;
  escapeToken: EscapeToken;
}

type InstructionParser = (input: InstructionInput) => Instruction;

interface InstructionSpec {
  flags: FlagSpec;
  parse: InstructionParser;
}

const NO_FLAGS: FlagSpec = {};

/** Instruction keyword to its accepted flags and parser; one entry per Dockerfile instruction. */
const INSTRUCTIONS: Readonly<Record<string, InstructionSpec>> = {
  FROM: { flags: { platform: 'string' }, parse: parseFrom },
  RUN: { flags: { mount: 'strings', network: 'string', security: 'string', device: 'strings' }, parse: parseRun },
  CMD: { flags: NO_FLAGS, parse: (input) => ({ ...input.base, kind: 'cmd', ...parseCommandForm(input) }) },
  ENTRYPOINT: { flags: NO_FLAGS, parse: (input) => ({ ...input.base, kind: 'entrypoint', ...parseCommandForm(input) }) },
  SHELL: { flags: NO_FLAGS, parse: parseShell },
  COPY: {
    flags: { from: 'string', chown: 'string', chmod: 'string', link: 'bool', parents: 'bool', exclude: 'strings' },
    parse: parseCopy,
  },
  ADD: {
    flags: {
      chown: 'string',
      chmod: 'string',
      link: 'bool',
      'keep-git-dir': 'bool',
      checksum: 'string',
      exclude: 'strings',
      unpack: 'bool',
      parents: 'bool',
    },
    parse: parseCopy,
  },
  ENV: { flags: NO_FLAGS, parse: parseKeyValues },
  LABEL: { flags: NO_FLAGS, parse: parseKeyValues },
  ARG: { flags: NO_FLAGS, parse: parseArg },
  EXPOSE: { flags: NO_FLAGS, parse: parseExpose },
  WORKDIR: { flags: NO_FLAGS, parse: (input) => ({ ...input.base, kind: 'workdir', path: requireOne(input) }) },
  USER: { flags: NO_FLAGS, parse: (input) => ({ ...input.base, kind: 'user', user: requireOne(input) }) },
  STOPSIGNAL: { flags: NO_FLAGS, parse: (input) => ({ ...input.base, kind: 'stopsignal', signal: requireOne(input) }) },
  MAINTAINER: {
    flags: NO_FLAGS,
    parse: (input) => ({ ...input.base, kind: 'maintainer', name: requireOne(input).value }),
  },
  VOLUME: { flags: NO_FLAGS, parse: parseVolume },
  HEALTHCHECK: {
    flags: {
      interval: 'string',
      timeout: 'string',
      'start-period': 'string',
      'start-interval': 'string',
      retries: 'string',
    },
    parse: parseHealthcheck,
  },
  ONBUILD: { flags: NO_FLAGS, parse: parseOnbuild },
};

/** Keywords of every known instruction, in upper case. */
export const INSTRUCTION_KEYWORDS: readonly string[] = Object.keys(INSTRUCTIONS);

/** Returns true for the instruction keywords Docker defines. */
export function isKnownInstruction(keyword: string): boolean {
  return Object.prototype.hasOwnProperty.call(INSTRUCTIONS, keyword);
}

/**
 * Parses one instruction from `line` starting at `start`: keyword, flags,
 * then the keyword's own parser. Unknown keywords become `kind: 'unknown'`.
 * Throws ParseError with Docker's wording for invalid arguments.
 */
export function parseInstruction(
  line: string,
  start: number,
  map: SourceMap,
  range: Range,
  heredocs: Heredoc[],
  escapeToken: EscapeToken,
): Instruction {
  let keywordEnd = start;
  while (keywordEnd < line.length && !isBlank(line.charCodeAt(keywordEnd))) keywordEnd++;
  let argsStart = keywordEnd;
  while (argsStart < line.length && isBlank(line.charCodeAt(argsStart))) argsStart++;

  const keywordAsWritten = line.slice(start, keywordEnd);
  const keyword = keywordAsWritten.toUpperCase();
  const extracted = extractFlags(line.slice(argsStart));
  const argsAt = argsStart + extracted.restStart;
  const spec = isKnownInstruction(keyword) ? INSTRUCTIONS[keyword] : undefined;

  const rawFlagRange = (flag: { start: number; end: number }): Range =>
    map.rangeOf(argsStart + flag.start, argsStart + flag.end);
  const flags: Flag[] = spec
    ? validateFlags(extracted.flags, spec.flags, rawFlagRange, range)
    : extracted.flags.map((flag) => ({ name: flag.name, value: flag.value, range: rawFlagRange(flag) }));

  const base: InstructionBase = {
    keyword,
    keywordAsWritten,
    keywordRange: map.rangeOf(start, keywordEnd),
    original: line.slice(start),
    argsText: line.slice(argsAt),
    range,
    flags,
    heredocs,
  };
  if (!spec) return { ...base, kind: 'unknown' };

  return spec.parse({ base, argsOffset: argsAt - start, map, originOffset: start, escapeToken });
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** Places a word given by offsets in `argsText`. */
function wordAt(input: InstructionInput, word: RawWord): Word {
  const at = input.originOffset + input.argsOffset;
  return { value: word.value, range: input.map.rangeOf(at + word.start, at + word.end) };
}

/** Returns the whole argument text as one word, raising `X requires exactly one argument` when empty. */
function requireOne(input: InstructionInput): Word {
  const text = input.base.argsText;
  if (text === '') throw new ParseError(`${input.base.keyword} requires exactly one argument`, input.base.range);
  return wordAt(input, { value: text, start: 0, end: text.length });
}

function atLeastOne(input: InstructionInput): ParseError {
  return new ParseError(`${input.base.keyword} requires at least one argument`, input.base.range);
}

/** Reads exec form when the text is a JSON array of strings, shell form otherwise. */
function parseCommandForm(input: InstructionInput): CommandForm {
  const args = parseJsonArray(input.base.argsText);
  return args ? { form: 'exec', args } : { form: 'shell', command: input.base.argsText };
}

function parseFrom(input: InstructionInput): Instruction {
  const words = splitOnBlanks(input.base.argsText);
  const threeWords = words.length === 3 && words[1]!.value.toLowerCase() === 'as';
  if (words.length !== 1 && !threeWords) {
    throw new ParseError('FROM requires either one or three arguments', input.base.range);
  }

  const instruction: Instruction = { ...input.base, kind: 'from', image: wordAt(input, words[0]!) };
  const platform = flagValue(input.base.flags, 'platform');
  if (platform !== undefined) instruction.platform = platform;

  if (threeWords) {
    const name = words[2]!.value;
    if (!isValidStageName(name.toLowerCase())) {
      throw new ParseError(
        `invalid name for build stage: "${name}", name can't start with a number or contain symbols`,
        input.base.range,
      );
    }
    instruction.stageName = wordAt(input, words[2]!);
    instruction.asKeyword = words[1]!.value;
  }
  return instruction;
}

/** Checks a lower-cased stage name: a letter, then letters, digits, `-`, `_` or `.`. */
function isValidStageName(name: string): boolean {
  if (!/^[a-z]/.test(name)) return false;
  for (let i = 1; i < name.length; i++) {
    const ch = name.charAt(i);
    const ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch === '-' || ch === '_' || ch === '.';
    if (!ok) return false;
  }
  return true;
}

function parseRun(input: InstructionInput): Instruction {
  // NOTE: the error for a bare `RUN` follows the classic builder's wording; BuildKit's own was not confirmed.
  if (input.base.argsText === '' && input.base.heredocs.length === 0) throw atLeastOne(input);
  return { ...input.base, kind: 'run', ...parseCommandForm(input) };
}

function parseShell(input: InstructionInput): Instruction {
  const args = parseJsonArray(input.base.argsText);
  if (input.base.argsText === '' || (args && args.length === 0)) throw atLeastOne(input);
  if (!args) throw new ParseError('SHELL requires the arguments to be in JSON form', input.base.range);
  return { ...input.base, kind: 'shell', form: 'exec', args };
}

/** Splits COPY or ADD into sources and destination, from JSON or blank-separated words. */
function parseCopy(input: InstructionInput): Instruction {
  const { base } = input;
  const json = parseJsonArray(base.argsText);
  const whole = { start: 0, end: base.argsText.length };
  const words: RawWord[] = json ? json.map((value) => ({ value, ...whole })) : splitOnBlanks(base.argsText);

  if (words.length < 2) {
    throw new ParseError(
      `${base.keyword} requires at least two arguments, but only one was provided. Destination could not be determined`,
      base.range,
    );
  }

  const destination = words[words.length - 1]!;
  if (base.heredocs.length > 0 && /^\d*<<-?[^<]/.test(destination.value)) {
    throw new ParseError(`${base.keyword} cannot accept a heredoc as a destination`, base.range);
  }

  const instruction: Instruction = {
    ...base,
    kind: base.keyword === 'ADD' ? 'add' : 'copy',
    form: json ? 'exec' : 'shell',
    sources: words.slice(0, -1).map((word) => wordAt(input, word)),
    destination: wordAt(input, destination),
    link: flagValue(base.flags, 'link') === 'true',
  };
  const from = flagValue(base.flags, 'from');
  const chown = flagValue(base.flags, 'chown');
  const chmod = flagValue(base.flags, 'chmod');
  if (from !== undefined) instruction.from = from;
  if (chown !== undefined) instruction.chown = chown;
  if (chmod !== undefined) instruction.chmod = chmod;
  return instruction;
}

/** Parses ENV or LABEL: `k=v` pairs, or the legacy `k v` form holding one pair. */
function parseKeyValues(input: InstructionInput): Instruction {
  const { base } = input;
  const kind = base.keyword === 'LABEL' ? 'label' : 'env';
  const words = splitShellWords(base.argsText, input.escapeToken);
  if (words.length === 0) throw atLeastOne(input);

  const pairs: KeyValuePair[] = [];
  if (!words[0]!.value.includes('=')) {
    // Legacy form: the key is the first blank-separated word and the value is the rest of the line.
    const text = base.argsText;
    let keyEnd = 0;
    while (keyEnd < text.length && !isBlank(text.charCodeAt(keyEnd))) keyEnd++;
    let valueStart = keyEnd;
    while (valueStart < text.length && isBlank(text.charCodeAt(valueStart))) valueStart++;
    if (valueStart >= text.length) {
      throw fileLevelError(`${base.keyword} must have two arguments`, base.range);
    }
    const range = wordAt(input, { value: text, start: 0, end: text.length }).range;
    pairs.push({ key: text.slice(0, keyEnd), value: text.slice(valueStart), legacy: true, range });
    return { ...base, kind, pairs };
  }

  for (const word of words) {
    const equals = word.value.indexOf('=');
    if (equals === -1) {
      throw fileLevelError(
        `Syntax error - can't find = in ${JSON.stringify(word.value)}. Must be of the form: name=value`,
        base.range,
      );
    }
    const key = word.value.slice(0, equals);
    if (key === '') throw new ParseError(`${base.keyword} names can not be blank`, base.range);
    pairs.push({ key, value: word.value.slice(equals + 1), legacy: false, range: wordAt(input, word).range });
  }
  return { ...base, kind, pairs };
}

function parseArg(input: InstructionInput): Instruction {
  const words = splitShellWords(input.base.argsText, input.escapeToken);
  if (words.length === 0) throw atLeastOne(input);

  const args: ArgDeclaration[] = words.map((word) => {
    const equals = word.value.indexOf('=');
    const name = equals === -1 ? word.value : word.value.slice(0, equals);
    if (name === '') throw new ParseError('ARG names can not be blank', input.base.range);

    const declaration: ArgDeclaration = { name, range: wordAt(input, word).range };
    if (equals !== -1) declaration.default = word.value.slice(equals + 1);
    return declaration;
  });
  return { ...input.base, kind: 'arg', args };
}

function parseExpose(input: InstructionInput): Instruction {
  const words = splitOnBlanks(input.base.argsText);
  if (words.length === 0) throw atLeastOne(input);
  return { ...input.base, kind: 'expose', ports: words.map((word) => wordAt(input, word)) };
}

function parseVolume(input: InstructionInput): Instruction {
  const { base } = input;
  const json = parseJsonArray(base.argsText);
  const whole = { start: 0, end: base.argsText.length };
  const words: RawWord[] = json ? json.map((value) => ({ value, ...whole })) : splitOnBlanks(base.argsText);
  if (words.length === 0) throw atLeastOne(input);
  if (words.some((word) => word.value.trim() === '')) {
    throw new ParseError('VOLUME specified can not be an empty string', base.range);
  }
  return { ...base, kind: 'volume', form: json ? 'exec' : 'shell', paths: words.map((word) => wordAt(input, word)) };
}

/** Parses `HEALTHCHECK NONE` or `HEALTHCHECK [options] CMD command`. */
function parseHealthcheck(input: InstructionInput): Instruction {
  const { base } = input;
  const words = splitOnBlanks(base.argsText);
  if (words.length === 0) throw atLeastOne(input);

  const type = words[0]!.value.toUpperCase();
  if (type === 'NONE') {
    if (words.length > 1) throw new ParseError('HEALTHCHECK NONE takes no arguments', base.range);
    return { ...base, kind: 'healthcheck', test: 'NONE' };
  }
  if (type !== 'CMD') {
    throw new ParseError(`Unknown type ${JSON.stringify(words[0]!.value)} in HEALTHCHECK (try CMD)`, base.range);
  }

  const commandText = base.argsText.slice(words[0]!.end).trimStart();
  if (commandText === '') throw new ParseError('Missing command after HEALTHCHECK CMD', base.range);
  const json = parseJsonArray(commandText);
  const form: CommandForm = json ? { form: 'exec', args: json } : { form: 'shell', command: commandText };

  return { ...base, kind: 'healthcheck', test: 'CMD', options: readHealthcheckOptions(base), ...form };
}

const DURATION_OPTIONS = [
  ['interval', 'interval'],
  ['timeout', 'timeout'],
  ['start-period', 'startPeriod'],
  ['start-interval', 'startInterval'],
] as const;

/** Reads and checks the HEALTHCHECK duration and retry options. */
function readHealthcheckOptions(base: InstructionBase): HealthcheckOptions {
  const options: HealthcheckOptions = {};

  for (const [flag, field] of DURATION_OPTIONS) {
    const value = flagValue(base.flags, flag);
    if (value === undefined || value === '') continue;
    const nanoseconds = parseGoDuration(value);
    if (nanoseconds === undefined) throw new ParseError(`time: invalid duration ${JSON.stringify(value)}`, base.range);
    if (nanoseconds !== 0 && nanoseconds < 1e6) {
      throw new ParseError(`Interval ${JSON.stringify(flag)} cannot be less than 1ms`, base.range);
    }
    options[field] = value;
  }

  const retries = flagValue(base.flags, 'retries');
  if (retries !== undefined && retries !== '') {
    if (!/^[+-]?\d+$/.test(retries)) {
      throw new ParseError(`strconv.ParseInt: parsing ${JSON.stringify(retries)}: invalid syntax`, base.range);
    }
    const count = Number(retries);
    if (count < 0) throw new ParseError(`--retries cannot be negative (${count})`, base.range);
    options.retries = count;
  }
  return options;
}

/** Parses ONBUILD and its trigger, which is itself a full instruction line. */
function parseOnbuild(input: InstructionInput): Instruction {
  const { base } = input;
  if (base.argsText === '') throw atLeastOne(input);

  const triggerKeyword = (splitOnBlanks(base.argsText)[0]?.value ?? '').toUpperCase();
  if (triggerKeyword === 'ONBUILD') {
    throw new ParseError("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", base.range);
  }
  if (triggerKeyword === 'FROM' || triggerKeyword === 'MAINTAINER') {
    throw new ParseError(`${triggerKeyword} isn't allowed as an ONBUILD trigger`, base.range);
  }

  // NOTE: BuildKit checks a trigger's arguments only when a child image runs it; this parser
  // raises those errors (such as a COPY without destination) at once.
  // ONBUILD cannot nest, so this instruction starts the joined line and its offsets match the source map.
  const trigger = parseInstruction(base.original, input.argsOffset, input.map, base.range, base.heredocs, input.escapeToken);
  return { ...base, kind: 'onbuild', trigger };
}
