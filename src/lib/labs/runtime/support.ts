/**
 * Name the first browser feature WebContainer needs that `scope` lacks, or
 * return null when all are there. WebContainer runs Node in workers that
 * share memory, and serves previews through a service worker.
 */
export function missingWebContainerFeature(scope: typeof globalThis): string | null {
  if (typeof scope.SharedArrayBuffer !== 'function') return 'SharedArrayBuffer';
  if (typeof scope.Atomics !== 'object') return 'Atomics';
  if (typeof scope.WebAssembly !== 'object') return 'WebAssembly';
  if (typeof scope.navigator === 'undefined' || !('serviceWorker' in scope.navigator)) return 'service workers';
  return null;
}
