import { ParseError } from '../ast.ts';
import type { Range } from '../ast.ts';

/**
 * Errors BuildKit raises while reading the file as a whole (directives,
 * heredocs, ENV and LABEL syntax). They win over instruction errors on earlier
 * lines, because BuildKit reads the whole file before checking instructions.
 */
const fileLevelErrors = new WeakSet<ParseError>();

/** Creates a ParseError raised while reading the file as a whole. */
export function fileLevelError(message: string, range: Range): ParseError {
  const error = new ParseError(message, range);
  fileLevelErrors.add(error);
  return error;
}

/** Returns true for errors made by `fileLevelError`. */
export function isFileLevelError(error: ParseError): boolean {
  return fileLevelErrors.has(error);
}
