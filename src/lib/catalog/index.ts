export * from './schema.ts';
export * from './constraints.ts';
