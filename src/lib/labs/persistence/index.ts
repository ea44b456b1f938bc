export { LabStore } from './store.ts';
export { isLabRecord, type CommandRecord, type LabRecord, type LabSnapshot } from './state.ts';
