import { ParseError } from '../ast.ts';
import type { Range } from '../ast.ts';

/**
 * Creates an error BuildKit raises while reading the file as a whole
 * (directives, heredocs, ENV and LABEL syntax). Such errors win over
 * instruction errors on earlier lines, because BuildKit reads the whole file
 * before checking instructions.
 */
export function fileLevelError(message: string, range: Range): ParseError {
  const error = new ParseError(message, range);
  error.fileLevel = true;
  return error;
}

/** Returns true for errors made by `fileLevelError`. */
export function isFileLevelError(error: ParseError): boolean {
  return error.fileLevel;
}
