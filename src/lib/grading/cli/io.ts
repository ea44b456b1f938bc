import { readSync } from 'node:fs';

const chunkBytes = 4 * 1024 * 1024;

/** Block the thread for a few milliseconds, for retrying non-blocking pipes. */
function pause(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

/** Read up to `buffer.length` bytes, waiting out EAGAIN on a non-blocking pipe; returns 0 at end of input. */
function readChunk(fd: number, buffer: Uint8Array): number {
  for (;;) {
    try {
      return readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EOF') return 0;
      if (code !== 'EAGAIN') throw error;
      pause(5);
    }
  }
}

/**
 * Reader of the lines of a file descriptor, a chunk at a time, so a caller can
 * pause between chunks. Reads in chunks (4 MB by default), so inputs larger
 * than the maximum string length work.
 */
export class LineReader {
  private readonly fd: number;
  private readonly buffer: Uint8Array;
  // stream: true keeps a UTF-8 sequence split across two chunks intact.
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';
  private line = 0;

  constructor(fd: number, chunkSize = chunkBytes) {
    this.fd = fd;
    this.buffer = new Uint8Array(chunkSize);
  }

  /** Read one chunk and call `onLine` with each whole line in it and its 1-based number; returns false at end of input. */
  readLines(onLine: (text: string, line: number) => void): boolean {
    const bytes = readChunk(this.fd, this.buffer);
    const text = bytes === 0 ? this.decoder.decode() : this.decoder.decode(this.buffer.subarray(0, bytes), { stream: true });
    const parts = (this.pending + text).split('\n');
    this.pending = parts.pop() ?? '';
    for (const part of parts) {
      this.line += 1;
      onLine(part, this.line);
    }
    if (bytes > 0) return true;

    // The last line may lack a newline.
    if (this.pending !== '') onLine(this.pending, this.line + 1);
    this.pending = '';
    return false;
  }
}

/** Call `onLine` with each line of a file descriptor and its 1-based number. */
export function forEachLine(fd: number, onLine: (text: string, line: number) => void, chunkSize = chunkBytes): void {
  const reader = new LineReader(fd, chunkSize);
  while (reader.readLines(onLine));
}
