/**
 * Record that a part of the lab page is usable: a `data-ready-*` attribute
 * on the lab root for tests, and a `performance.mark` for the readiness
 * benchmark (`bench/lab-ready.ts`).
 */
export function markReady(root: HTMLElement, part: 'editor' | 'terminal'): void {
  root.dataset[part === 'editor' ? 'readyEditor' : 'readyTerminal'] = 'true';
  performance.mark(`lab:${part}-ready`);
}
