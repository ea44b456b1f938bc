export * from './types.ts';
export * from './path.ts';
export { MemoryFileSystem } from './memory.ts';
