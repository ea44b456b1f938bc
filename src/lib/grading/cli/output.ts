import { writev } from 'node:fs';

/** Drop the first `count` bytes from a list of chunks. */
function skipBytes(chunks: readonly Uint8Array[], count: number): Uint8Array[] {
  const rest: Uint8Array[] = [];
  let remaining = count;
  for (const chunk of chunks) {
    if (remaining >= chunk.length) {
      remaining -= chunk.length;
    } else {
      rest.push(remaining === 0 ? chunk : chunk.subarray(remaining));
      remaining = 0;
    }
  }
  return rest;
}

/** Write all chunks in order to a file descriptor on libuv's thread pool, waiting out EAGAIN on non-blocking pipes. */
function writeAllAsync(fd: number, chunks: readonly Uint8Array[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = (pending: readonly Uint8Array[]): void => {
      writev(fd, pending as NodeJS.ArrayBufferView[], null, (error, written) => {
        if (error !== null) {
          if (error.code === 'EAGAIN') setTimeout(() => attempt(pending), 5);
          else reject(error);
          return;
        }
        const rest = skipBytes(pending, written);
        if (rest.length > 0) attempt(rest);
        else resolve();
      });
    };
    attempt(chunks);
  });
}

/**
 * Buffer of output lines as UTF-8 bytes, written in chunks of about 1 MB.
 *
 * Writes run on libuv's thread pool one at a time and in order, so the kernel
 * copies results while the main thread grades the next lines. Each write
 * takes every chunk queued so far (one writev call), because the main thread
 * only starts the next write when it yields. The caller awaits `ready()`
 * between input chunks: it waits while more than `maxQueued` chunks wait
 * behind the write in progress, which bounds memory when the file or pipe is slow.
 */
export class OutputBuffer {
  private readonly fd: number;
  private readonly capacity: number;
  private readonly maxQueued: number;
  private buffer: Buffer;
  private used = 0;
  /** Full chunks not yet written, oldest first. */
  private queue: Array<{ bytes: Uint8Array; reusable?: Buffer }> = [];
  /** Chunks of the write in progress. */
  private writing: Array<{ bytes: Uint8Array; reusable?: Buffer }> = [];
  /** Written chunks to reuse. */
  private readonly spare: Buffer[] = [];
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(fd: number, capacity = 1024 * 1024, maxQueued = 16) {
    this.fd = fd;
    this.capacity = capacity;
    this.maxQueued = maxQueued;
    this.buffer = Buffer.allocUnsafeSlow(capacity);
  }

  /** Add one line made of a text head and an encoded tail that ends with the newline. */
  pushLine(head: string, tail: Uint8Array): void {
    // A UTF-8 byte sequence is at most 3 bytes per UTF-16 code unit.
    const maxBytes = head.length * 3 + tail.length;
    if (this.used + maxBytes > this.buffer.length) this.endChunk();
    if (maxBytes > this.buffer.length) {
      // A line longer than a chunk gets a chunk of its own.
      this.enqueue({ bytes: Buffer.concat([Buffer.from(head, 'utf8'), tail]) });
      return;
    }
    this.used += this.buffer.write(head, this.used, 'utf8');
    this.buffer.set(tail, this.used);
    this.used += tail.length;
  }

  /** Wait until at most `maxQueued` chunks are waiting; rejects with the error of a failed write. */
  async ready(): Promise<void> {
    // Let the event loop run, so a finished write is followed at once by the next.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.failure === undefined && this.writing.length > 0 && this.queue.length > this.maxQueued) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    if (this.failure !== undefined) throw this.failure;
  }

  /** Write every buffered byte and wait until all writes are done; rejects with the error of a failed write. */
  async finish(): Promise<void> {
    this.endChunk();
    while (this.failure === undefined && (this.writing.length > 0 || this.queue.length > 0)) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    if (this.failure !== undefined) throw this.failure;
  }

  /** Queue the current chunk and start a fresh one. */
  private endChunk(): void {
    if (this.used === 0) return;
    this.enqueue({ bytes: this.buffer.subarray(0, this.used), reusable: this.buffer });
    this.buffer = this.spare.pop() ?? Buffer.allocUnsafeSlow(this.capacity);
    this.used = 0;
  }

  /** Add a chunk to the queue, starting a write when none is in progress. */
  private enqueue(chunk: { bytes: Uint8Array; reusable?: Buffer }): void {
    this.queue.push(chunk);
    if (this.writing.length === 0) this.writeNext();
  }

  /** Write every queued chunk in one call, then the chunks queued meanwhile, until the queue is empty or a write fails. */
  private writeNext(): void {
    if (this.queue.length === 0 || this.failure !== undefined) return;
    this.writing = this.queue;
    this.queue = [];
    writeAllAsync(
      this.fd,
      this.writing.map((chunk) => chunk.bytes),
    ).then(
      () => {
        for (const chunk of this.writing) if (chunk.reusable !== undefined) this.spare.push(chunk.reusable);
        this.writing = [];
        this.notify();
        this.writeNext();
      },
      (error: unknown) => {
        this.failure = error as Error;
        this.notify();
      },
    );
  }

  /** Resume a caller waiting in ready() or finish(). */
  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
