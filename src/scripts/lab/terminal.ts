import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { Readline } from 'xterm-readline';
import '@xterm/xterm/css/xterm.css';
import { applyCompletion } from './completion.ts';
import { createStderrPainter } from './stderr-colour.ts';

/** Command runner behind the terminal: the in-page shell, which Reset, Solve and Undo may swap. */
export type CommandHost = {
  prompt(): string;
  execute(line: string, io: { stdout: (text: string) => void; stderr: (text: string) => void }, signal: AbortSignal): Promise<number>;
  complete(line: string, cursor: number): Promise<{ start: number; candidates: string[] }>;
};

export type TerminalHandle = {
  term: Terminal;
  /** Type `line` at the prompt and run it, as if the learner had typed it and pressed Enter. */
  run(line: string): Promise<void>;
  /** Replace the arrow-key history, oldest entry first. */
  setHistory(entries: readonly string[]): void;
  /** Print a line of information between prompts. */
  notice(text: string): void;
};

const THEME: ITheme = {
  background: '#1e1e1e',
  foreground: '#e6e6e6',
  cursor: '#f0f0f0',
  red: '#ff8a80',
  green: '#8be28b',
  blue: '#82aaff',
  brightBlue: '#9cc4ff',
  yellow: '#ffd479',
};

/** Create an xterm terminal in `host` with the xterm-readline add-on; it fits its panel as the panel resizes. */
export function createTerminal(host: HTMLElement, panel: HTMLElement): { term: Terminal; readline: Readline } {
  const term = new Terminal({
    convertEol: true,
    cursorBlink: true,
    fontSize: 14,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    theme: THEME,
    scrollback: 5000,
  });
  const fit = new FitAddon();
  const readline = new Readline();
  term.loadAddon(fit);
  term.loadAddon(readline);
  term.open(host);
  fit.fit();

  // Fit on every size change of the panel: splitter drags, window resizes, the narrow layout.
  new ResizeObserver(() => fit.fit()).observe(host);

  // Escape hands focus back to the panel so the next Tab moves on; Shift+Tab leaves natively.
  term.attachCustomKeyEventHandler((event) => {
    if (event.key === 'Escape' && event.type === 'keydown') {
      panel.focus();
      return false;
    }
    return true;
  });
  return { term, readline };
}

/**
 * Run the read–execute loop of the in-page shell in the terminal: line
 * editing and history come from xterm-readline, Tab requests completions from
 * the shell, Ctrl-C aborts the running command. `onCommand` runs after each
 * command with its exit status.
 */
export function startShellLoop(
  term: Terminal,
  readline: Readline,
  panel: HTMLElement,
  host: CommandHost,
  onCommand: (line: string, exitCode: number) => void,
  onPrompt: () => void,
): TerminalHandle {
  let running: AbortController | null = null;
  readline.setCtrlCHandler(() => running?.abort());

  term.attachCustomKeyEventHandler((event) => {
    const plainTab = event.key === 'Tab' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey;
    if (plainTab) {
      // Tab completes instead of moving focus; Escape then Tab leaves the terminal.
      event.preventDefault();
      if (event.type === 'keydown' && running === null) void complete();
      return false;
    }
    if (event.key === 'Escape' && event.type === 'keydown') {
      panel.focus();
      return false;
    }
    return true;
  });

  const complete = async (): Promise<void> => {
    const line = readline.getLine();
    const cursor = readlineCursor(readline) ?? line.length;
    const completion = await host.complete(line, cursor);
    const result = applyCompletion(line, cursor, completion);
    if (result.list.length > 0) {
      readline.print(`\r\n${result.list.join('  ')}\r\n`);
      redrawPrompt(readline);
    }
    setReadlineLine(readline, result.line, result.cursor);
  };

  // stderr keeps the normal colour except error lines: `docker build` writes its progress there, as Docker does.
  const painter = createStderrPainter((text) => term.write(text));
  const stdout = (text: string): void => {
    painter.flush();
    term.write(text);
  };
  const stderr = (text: string): void => painter.write(text);

  const runLine = async (line: string): Promise<void> => {
    running = new AbortController();
    let exitCode: number;
    try {
      exitCode = await host.execute(line, { stdout, stderr }, running.signal);
    } catch (error) {
      stderr(`\x1b[31mslipway: the command failed inside the lab runtime: ${error instanceof Error ? error.message : String(error)}\x1b[0m\n`);
      exitCode = 1;
    } finally {
      painter.flush();
      running = null;
    }
    onCommand(line, exitCode);
  };

  // Lines typed by `run` (the Solve button) wait here until a prompt is showing,
  // then go in as if typed, so they reach history and scrollback like any other line.
  const queued: Array<{ line: string; done: () => void }> = [];
  let idle = false;
  let injected: { line: string; done: () => void } | null = null;

  const injectQueued = (): void => {
    if (!idle || injected !== null) return;
    const next = queued.shift();
    if (next === undefined) return;
    injected = next;
    readline.updateLine(next.line);
    term.input('\r', false);
  };

  const loop = async (): Promise<void> => {
    for (;;) {
      const reading = readline.read(host.prompt());
      // read() draws the prompt in a write callback; once this later callback runs, the read is active.
      await new Promise<void>((resolve) => term.write('', resolve));
      idle = true;
      onPrompt();
      injectQueued();

      const line = await reading;
      idle = false;
      const item = injected;
      injected = null;
      if (line.trim() !== '') await runLine(line);
      item?.done();
    }
  };
  void loop();

  return {
    term,
    run(line) {
      return new Promise((resolve) => {
        queued.push({ line, done: resolve });
        injectQueued();
      });
    },
    setHistory(entries) {
      setReadlineHistory(readline, entries);
    },
    notice(text) {
      // Print above the prompt: clear its line, write the notice, then draw the prompt again.
      term.write(`\r\x1b[2K\x1b[2m${text}\x1b[0m\r\n`);
      if (idle) readline.updateLine(readline.getLine());
    },
  };
}

/**
 * Replace xterm-readline's history. The add-on restores one history shared by
 * every page from localStorage and offers no setter, so this writes its
 * (private) list directly, newest entry first as the add-on keeps it.
 */
function setReadlineHistory(readline: Readline, entries: readonly string[]): void {
  const internal = readline as unknown as { history?: { entries?: string[] } };
  if (internal.history?.entries !== undefined) internal.history.entries = [...entries].reverse();
}

type ReadlineInternals = {
  state?: { line?: { pos?: number; update?: (text: string, pos: number) => void }; refresh?: () => void };
};

/** Return the cursor's index in the line being edited, or null when xterm-readline's (private) line buffer is absent. */
function readlineCursor(readline: Readline): number | null {
  const pos = (readline as unknown as ReadlineInternals).state?.line?.pos;
  return typeof pos === 'number' ? pos : null;
}

/**
 * Replace the line being edited and put the cursor at `cursor`. The add-on's
 * `updateLine` always leaves the cursor at the end, so this sets its (private)
 * line buffer and redraws, and falls back to `updateLine` if those are absent.
 */
function setReadlineLine(readline: Readline, text: string, cursor: number): void {
  const state = (readline as unknown as ReadlineInternals).state;
  if (state?.line?.update === undefined || state.refresh === undefined) {
    readline.updateLine(text);
    return;
  }
  state.line.update(text, cursor);
  state.refresh();
}

/** Draw the prompt again on a fresh line after completion candidates were listed. */
function redrawPrompt(readline: Readline): void {
  const internal = readline as unknown as { state?: { refresh?: () => void; getTty?: () => { anchorRow: number } } };
  internal.state?.refresh?.();
}
