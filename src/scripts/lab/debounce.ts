/** Wrap `action` so it runs once, `delayMs` after the last call; `flush` runs a pending call now. */
export function debounce(action: () => void, delayMs: number): { (): void; flush(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;

  const run = (): void => {
    timer = null;
    action();
  };
  const debounced = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  };
  debounced.flush = (): void => {
    if (timer === null) return;
    clearTimeout(timer);
    run();
  };
  return debounced;
}
