// The main entry: createMixRouter loads the native routes' official providers on first use.
export * from './mixrouter-exports';
export { createMixRouter, mixrouter } from './mixrouter-main';
export * from './mixrouter-media-exports';
