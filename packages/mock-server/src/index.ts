// @useapi-minimax/mock-server: a stateful, spec-validated fake of the useapi.net MiniMax API v1.
// Browser-safe: this entry imports no Node modules. Adapters live in `/msw`, `/msw/node`, `/msw/browser`
// and `/server`.
export { createMiniMaxMock, type MiniMaxMock, type ScenarioControls, type ScenarioInput, type ScenarioOptions, type JobKindName } from './mock.js';
export type { MiniMaxMockOptions, AccountSeed, ChaosOptions } from './engine/options.js';
export { DEFAULT_BASE_URL } from './engine/options.js';
export type { MockClock, ClockMode } from './engine/clock.js';
export { DEFAULT_START } from './engine/clock.js';
export { type JournalEntry } from './engine/engine.js';
export { MockDriftError } from './engine/drift.js';
export { MEDIA_HOSTS } from './engine/media.js';
export type { BodySummary } from './engine/input.js';
export { SCENARIO_NAMES, SCENARIOS, type ScenarioName, type ScenarioParams, type ScenarioSpec, type ActiveScenario, type ScenarioDef, type ScenarioStage } from './engine/scenarios.js';
export type { WebhookDelivery, WebhookEvent } from './engine/webhooks.js';
export { MOCK_COLLECTIONS, type MockData, type MockCollection, type MockAccount, type AccountChange, type JobSeed, type VoiceSeed } from './data.js';
export type { OperationId } from './generated/operations.js';
export { MOCK_TOKEN, createAccountJwt } from './token.js';
