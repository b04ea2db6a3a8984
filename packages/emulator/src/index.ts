export { type Emulator, type EmulatorOptions, startEmulator } from './emulator-server.ts';
export { FAULTS, type Fault } from './faults.ts';
export { isKnownModel, KNOWN_MODELS, type ModelKind, modelKind } from './known-models.ts';
export { type Family, modelFamily } from './model-family.ts';
export type { RecordedFile, RecordedRequest } from './state.ts';
