export { LabStore } from './store.ts';
export { isLabRecord, type LabRecord, type LabSnapshot } from './state.ts';
