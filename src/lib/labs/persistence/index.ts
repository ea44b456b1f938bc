export { LabStore } from './store.ts';
export { isLabRecord, type LabRecord, type LabSnapshot, type StoredVerification } from './state.ts';
