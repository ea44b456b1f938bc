import type { LabClock } from '../../docker/index.ts';

/** Engine clock that the lab page and the server's replay set before each command, so both build with the same times. */
export type SettableClock = LabClock & { set(time: Date): void };

/** Return a clock that reports `time` until `set` moves it. */
export function settableClock(time: Date): SettableClock {
  let current = time;
  return {
    now: () => new Date(current.getTime()),
    set(next) {
      current = next;
    },
  };
}
