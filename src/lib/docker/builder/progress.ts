import { seconds } from '../units.ts';

/**
 * Writer of BuildKit's plain progress output (`--progress=plain`): numbered
 * vertices `#N title`, log lines `#N 0.687 text`, then `#N DONE 1.2s`,
 * `#N CACHED` or `#N ERROR: ...`, each vertex followed by a blank line.
 */
export class PlainProgress {
  #next = 1;
  readonly lines: string[] = [];
  readonly write: (text: string) => void;

  constructor(write: (text: string) => void) {
    this.write = write;
  }

  /** Print the header line BuildKit prints before vertex #1. */
  header(): void {
    this.#print('#0 building with "default" instance using docker driver');
    this.#print('');
  }

  /** Start a vertex and return its number. */
  start(title: string): number {
    const id = this.#next;
    this.#next += 1;
    this.#print(`#${id} ${title}`);
    return id;
  }

  /** Print a log line of a vertex at `at` seconds. */
  log(id: number, at: number, text: string): void {
    this.#print(`#${id} ${at.toFixed(3)} ${text}`);
  }

  /** Print a status line of a vertex (`#1 transferring dockerfile: 332B done`). */
  status(id: number, text: string): void {
    this.#print(`#${id} ${text}`);
  }

  done(id: number, duration: number): void {
    this.#print(`#${id} DONE ${seconds(duration)}`);
    this.#print('');
  }

  cached(id: number): void {
    this.#print(`#${id} CACHED`);
    this.#print('');
  }

  error(id: number, message: string): void {
    this.#print(`#${id} ERROR: ${message}`);
  }

  /** Print a raw line (error summaries, warnings). */
  raw(text: string): void {
    this.#print(text);
  }

  #print(text: string): void {
    this.lines.push(text);
    this.write(`${text}\n`);
  }
}
