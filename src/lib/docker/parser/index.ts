import { ParseError } from '../ast.ts';
import type {
  ArgInstruction,
  Dockerfile,
  EscapeToken,
  FromInstruction,
  Heredoc,
  Instruction,
  ParseWarning,
  Range,
  Stage,
} from '../ast.ts';
import { readDirectives } from './directives.ts';
import { fileLevelError, isFileLevelError } from './errors.ts';
import { findHeredocMarkers, HEREDOC_KEYWORDS } from './heredoc.ts';
import { INSTRUCTION_KEYWORDS, parseInstruction } from './instructions.ts';
import { suggestName } from './flags.ts';
import { LineScanner } from './lines.ts';
import type { LogicalLine } from './lines.ts';

export { expandWord, expandWords, referencedVariables, lookupVariable, WordSyntaxError } from './expand.ts';
export type { ExpandOptions } from './expand.ts';
export { ArgScope, PREDEFINED_PLATFORM_ARGS, PREDEFINED_PROXY_ARGS } from './arg-scope.ts';
export { formatSourceSnippet } from './snippet.ts';
export { isKnownInstruction } from './instructions.ts';

/** Source split into lines, with line endings noted. */
interface SourceLines {
  lines: string[];
  /** 1-based numbers of lines that ended in CR LF. */
  crlfLines: number[];
  lineCount: number;
}

/** Splits text into lines, dropping a UTF-8 byte order mark and the CR of CR LF endings. */
function splitLines(text: string): SourceLines {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = source.split('\n');
  const crlfLines: number[] = [];

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.charCodeAt(line.length - 1) === 13) {
      lines[i] = line.slice(0, -1);
      crlfLines.push(i + 1);
    }
  }

  // A final newline ends the last line; it does not start another one.
  const lineCount = source.endsWith('\n') ? lines.length - 1 : lines.length;
  if (source.endsWith('\n')) lines.pop();
  return { lines, crlfLines, lineCount };
}

/**
 * Parses a Dockerfile into its syntax tree. Throws ParseError, with Docker's
 * wording and the line, for anything Docker rejects before building. Unknown
 * instructions and instructions before the first FROM are kept in the tree
 * instead, so the linter can explain them; `assertBuildable` rejects them.
 */
export function parseDockerfile(text: string): Dockerfile {
  const { lines, crlfLines, lineCount } = splitLines(text);
  const block = readDirectives(lines);
  const escapeToken = block.escapeToken;
  const scanner = new LineScanner(lines, block.nextLine, escapeToken);

  const instructions: Instruction[] = [];
  const warnings: ParseWarning[] = [];
  let firstInstructionError: ParseError | undefined;

  for (let logical = scanner.next(); logical; logical = scanner.next()) {
    const heredocs = readHeredocs(logical, scanner, escapeToken);
    const range: Range = heredocs.range;

    if (logical.hasEmptyContinuation) {
      warnings.push({
        rule: 'NoEmptyContinuation',
        message: 'Empty continuation line',
        range: { start: { line: logical.endLine, column: 1 }, end: { line: logical.endLine, column: logical.endColumn } },
      });
    }

    // BuildKit reads the whole file before checking instructions, so keep going
    // after an instruction error in case a file-level error comes later.
    try {
      instructions.push(parseInstruction(logical.text, 0, logical.map, range, heredocs.list, escapeToken));
    } catch (error) {
      if (!(error instanceof ParseError) || isFileLevelError(error)) throw error;
      firstInstructionError ??= error;
    }
  }

  if (instructions.length === 0 && !firstInstructionError) {
    const line = Math.max(lineCount, 1);
    throw fileLevelError('file with no instructions', { start: { line, column: 1 }, end: { line, column: 1 } });
  }

  const dockerfile = assemble(instructions, block.directives, escapeToken, warnings, scanner, lineCount, crlfLines);

  if (firstInstructionError) {
    // An unknown instruction or a missing FROM on an earlier line is what Docker reports first.
    const earlier = findBuildError(dockerfile);
    throw earlier && earlier.line < firstInstructionError.line ? earlier : firstInstructionError;
  }
  return dockerfile;
}

/** Reads the bodies of the heredocs a RUN, COPY or ADD line opens, and returns the instruction's full range. */
function readHeredocs(
  logical: LogicalLine,
  scanner: LineScanner,
  escapeToken: EscapeToken,
): { list: Heredoc[]; range: Range } {
  const start = logical.map.positionAt(0);
  let range: Range = { start, end: { line: logical.endLine, column: logical.endColumn } };
  const keyword = heredocKeyword(logical.text);
  if (!HEREDOC_KEYWORDS.has(keyword)) return { list: [], range };

  const list: Heredoc[] = [];
  for (const marker of findHeredocMarkers(logical.text, escapeToken)) {
    const body = scanner.readHeredoc(marker.delimiter, marker.stripTabs);
    if (!body) {
      throw fileLevelError('unterminated heredoc', { start, end: { line: logical.endLine, column: logical.endColumn } });
    }

    range = { start, end: { line: body.endLine, column: body.endColumn } };
    const heredoc: Heredoc = {
      delimiter: marker.delimiter,
      content: body.content,
      stripTabs: marker.stripTabs,
      quoted: marker.quoted,
      range: {
        start: logical.map.positionAt(marker.word.start),
        end: { line: body.endLine, column: body.endColumn },
      },
    };
    if (marker.fd !== undefined) heredoc.fd = marker.fd;
    list.push(heredoc);
  }
  return { list, range };
}

/** Returns the keyword that decides whether heredocs apply: the instruction's, or its ONBUILD trigger's. */
function heredocKeyword(text: string): string {
  const match = /^(\S+)(?:\s+(\S+))?/.exec(text);
  if (!match) return '';
  const keyword = (match[1] ?? '').toUpperCase();
  return keyword === 'ONBUILD' && match[2] ? match[2].toUpperCase() : keyword;
}

/** Groups instructions into global ARGs and stages and builds the tree. */
function assemble(
  instructions: Instruction[],
  directives: Dockerfile['directives'],
  escapeToken: EscapeToken,
  warnings: ParseWarning[],
  scanner: LineScanner,
  lineCount: number,
  crlfLines: number[],
): Dockerfile {
  const metaArgs: ArgInstruction[] = [];
  const stages: Stage[] = [];
  let current: Stage | undefined;

  instructions.forEach((instruction, index) => {
    if (instruction.kind === 'from') {
      current = newStage(instruction, index);
      stages.push(current);
    } else if (current) {
      current.instructions.push(instruction);
    } else if (instruction.kind === 'arg') {
      metaArgs.push(instruction);
    }
  });

  return {
    directives,
    escapeToken,
    instructions,
    metaArgs,
    stages,
    warnings,
    comments: scanner.comments,
    lineCount,
    crlfLines,
  };
}

function newStage(from: FromInstruction, fromIndex: number): Stage {
  const stage: Stage = { baseImage: from.image.value, fromIndex, from, instructions: [] };
  if (from.stageName) stage.name = from.stageName.value.toLowerCase();
  return stage;
}

/**
 * Returns the first error Docker raises when it turns the tree into build
 * steps: an unknown instruction, or an instruction other than ARG before the
 * first FROM. Returns undefined for a buildable file.
 */
export function findBuildError(dockerfile: Dockerfile): ParseError | undefined {
  let seenFrom = false;

  for (const instruction of dockerfile.instructions) {
    if (instruction.kind === 'unknown') {
      const suggestion = suggestName(instruction.keywordAsWritten, INSTRUCTION_KEYWORDS, true);
      const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
      return new ParseError(`unknown instruction: ${instruction.keywordAsWritten}${hint}`, instruction.range);
    }
    if (instruction.kind === 'from') seenFrom = true;
    else if (!seenFrom && instruction.kind !== 'arg') {
      return new ParseError('no build stage in current context', instruction.range);
    }
  }
  return undefined;
}

/** Throws the error from `findBuildError`, if any, so a build stops before its first step. */
export function assertBuildable(dockerfile: Dockerfile): void {
  const error = findBuildError(dockerfile);
  if (error) throw error;
}
