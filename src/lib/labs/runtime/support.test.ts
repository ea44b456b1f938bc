import { describe, expect, it } from 'vitest';
import { missingWebContainerFeature } from './support.ts';

/** Build a stand-in for globalThis with the listed features removed. */
function scopeWithout(...missing: string[]): typeof globalThis {
  const scope: Record<string, unknown> = {
    SharedArrayBuffer: class {},
    Atomics: {},
    WebAssembly: {},
    navigator: { serviceWorker: {} },
  };
  for (const name of missing) {
    if (name === 'serviceWorker') scope.navigator = {};
    else delete scope[name];
  }
  return scope as unknown as typeof globalThis;
}

describe('missingWebContainerFeature', () => {
  const rows: Array<[string[], string | null]> = [
    [[], null],
    [['SharedArrayBuffer'], 'SharedArrayBuffer'],
    [['Atomics'], 'Atomics'],
    [['WebAssembly'], 'WebAssembly'],
    [['serviceWorker'], 'service workers'],
    [['navigator'], 'service workers'],
    [['SharedArrayBuffer', 'WebAssembly'], 'SharedArrayBuffer'],
  ];
  it.each(rows)('without %j -> %s', (missing, expected) => {
    expect(missingWebContainerFeature(scopeWithout(...missing))).toBe(expected);
  });
});
