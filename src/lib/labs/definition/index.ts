export { buildLab, labIdPattern, parseSolutionCommands, SOLUTION_COMMANDS_FILE } from './build.ts';
export type { LabSource } from './build.ts';
export { checkSchema, checkTypes, labManifestSchema, taskSchema } from './schema.ts';
export type { Check, Lab, LabManifest, LabTask, LeafCheck } from './schema.ts';
