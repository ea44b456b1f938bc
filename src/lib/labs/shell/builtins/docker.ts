import type { Builtin, ShellIO } from '../types.ts';

/** Exit status bash reports for a command stopped by Ctrl-C (128 + SIGINT). */
export const INTERRUPTED_STATUS = 130;

/** Resolve when `signal` aborts. */
function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

export const docker: Builtin = {
  summary: 'run the simulated Docker CLI (docker build, images, tag, push, history, inspect, ...)',
  async run({ args, io, state, signal }) {
    if (signal?.aborted === true) return INTERRUPTED_STATUS;

    // Output that arrives after Ctrl-C is dropped, so the prompt is not overwritten.
    let stopped = false;
    const gated: ShellIO = {
      stdout: (text) => {
        if (!stopped) io.stdout(text);
      },
      stderr: (text) => {
        if (!stopped) io.stderr(text);
      },
    };
    const running = state.docker.run(args, gated, { cwd: state.cwd });
    if (signal === undefined) return running;

    // NOTE: the engine takes no abort signal, so an interrupted command keeps
    // running in the background; only its output and status are discarded.
    const outcome = await Promise.race([running, whenAborted(signal).then(() => null)]);
    if (outcome === null) {
      stopped = true;
      return INTERRUPTED_STATUS;
    }
    return outcome;
  },
};
