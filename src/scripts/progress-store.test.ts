import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastLessonKey, progressKey, readCompleted, readLastLesson, setCompleted } from './progress-store.ts';

/** An in-memory stand-in for the browser's localStorage. */
class MemoryStorage {
  items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
});

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'localStorage');
});

describe('readCompleted', () => {
  it.each([
    ['nothing stored', undefined, []],
    ['valid progress', '{"completed":["a","b"]}', ['a', 'b']],
    ['invalid JSON', '{"completed":', []],
    ['wrong shape', '["a"]', []],
    ['non-string slugs', '{"completed":["a",3,null]}', ['a']],
  ])('%s', (_, stored, expected) => {
    if (stored !== undefined) storage.setItem(progressKey, stored);
    expect([...readCompleted()]).toEqual(expected);
  });
});

describe('setCompleted', () => {
  it('adds and removes a lesson', () => {
    setCompleted('b', true);
    setCompleted('a', true);
    expect(storage.getItem(progressKey)).toBe('{"completed":["a","b"]}');

    setCompleted('b', false);
    expect(storage.getItem(progressKey)).toBe('{"completed":["a"]}');
  });

  it('works without storage', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new Error('SecurityError: storage is disabled');
      },
    });
    expect([...setCompleted('a', true)]).toEqual(['a']);
  });
});

describe('readLastLesson', () => {
  it.each([
    ['nothing stored', undefined, undefined],
    ['valid entry', '{"slug":"a","title":"A"}', { slug: 'a', title: 'A' }],
    ['missing title', '{"slug":"a"}', undefined],
  ])('%s', (_, stored, expected) => {
    if (stored !== undefined) storage.setItem(lastLessonKey, stored);
    expect(readLastLesson()).toEqual(expected);
  });
});
