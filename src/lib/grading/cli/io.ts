import { readSync, writeSync } from 'node:fs';

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
 * Call `onLine` with each line of a file descriptor and its 1-based number.
 * Reads in chunks (4 MB by default), so inputs larger than the maximum string length work.
 */
export function forEachLine(fd: number, onLine: (text: string, line: number) => void, chunkSize = chunkBytes): void {
  const buffer = new Uint8Array(chunkSize);
  // stream: true keeps a UTF-8 sequence split across two chunks intact.
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let line = 0;

  for (;;) {
    const bytes = readChunk(fd, buffer);
    const text = bytes === 0 ? decoder.decode() : decoder.decode(buffer.subarray(0, bytes), { stream: true });
    const parts = (pending + text).split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) {
      line += 1;
      onLine(part, line);
    }
    if (bytes === 0) break;
  }

  if (pending !== '') onLine(pending, line + 1);
}

/** Buffer of output lines, written synchronously in batches of about 1 MB so the whole output never sits in memory. */
export class OutputBuffer {
  private readonly fd: number;
  private lines: string[] = [];
  private size = 0;

  constructor(fd: number) {
    this.fd = fd;
  }

  /** Add one line, writing the batch once it passes about 1 MB. */
  push(line: string): void {
    this.lines.push(line);
    this.size += line.length;
    if (this.size > 1_000_000) this.flush();
  }

  /** Write every buffered line. */
  flush(): void {
    if (this.lines.length === 0) return;
    writeAll(this.fd, `${this.lines.join('\n')}\n`);
    this.lines = [];
    this.size = 0;
  }
}

/** Write a whole string to a file descriptor, waiting out EAGAIN on non-blocking pipes. */
export function writeAll(fd: number, text: string): void {
  let bytes = Buffer.from(text, 'utf8');
  while (bytes.length > 0) {
    try {
      const written = writeSync(fd, bytes);
      bytes = bytes.subarray(written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      pause(5);
    }
  }
}

