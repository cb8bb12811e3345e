// @useapi-minimax/cli: the command (bin `useapi-minimax`) and its parts, for scripts that drive it in process.
export { main, fieldsFromArgs, USAGE } from './main.js';
export type { CliIo, CliStream } from './main.js';
export { readManifest } from './manifest.js';
export type { Manifest, ManifestIssue } from './manifest.js';
export { EXIT, exitCodeFor, formatReport, reportJson } from './report.js';
export { startEmbeddedMock } from './mock.js';
export type { EmbeddedMock } from './mock.js';
export { describeLine, showProgress } from './progress.js';
export type { ProgressOutput } from './progress.js';
