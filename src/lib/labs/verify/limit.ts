/** Counter of work in flight that refuses new work beyond a maximum. */
export type ConcurrencyLimit = {
  /** Take a slot; returns the function that frees it, or null when every slot is taken. */
  tryAcquire(): (() => void) | null;
  readonly active: number;
};

/** Create a limit of `max` concurrent holders. */
export function createConcurrencyLimit(max: number): ConcurrencyLimit {
  let active = 0;
  return {
    tryAcquire() {
      if (active >= max) return null;
      active += 1;
      let released = false;
      return () => {
        // Releasing twice must not free a slot someone else holds.
        if (released) return;
        released = true;
        active -= 1;
      };
    },
    get active() {
      return active;
    },
  };
}
