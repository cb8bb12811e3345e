// The body of the control call `POST /__mock/scenario`, checked whole before anything changes (a refused call
// leaves the scenario queue as it was; nothing the caller sent is echoed at length).
import { operations } from '../generated/operations.js';
import { bounded } from './reply.js';
import { parseScenario, type ScenarioParams, type ScenarioSpec } from './scenarios.js';

const PARAM_KEYS = ['status', 'retryAfter', 'ms'] as const;
/** The largest number a scenario parameter takes (a latency of about 11.5 days). */
const MAX_PARAM = 1e9;

/** The scenario a control body adds (`undefined`: none, e.g. `{ clear: true }`), or why it is refused. */
export function controlScenario(body: Record<string, unknown>): ScenarioSpec | undefined | string {
  const text = body.name ?? body.scenario;
  if (text === undefined) return undefined;
  if (typeof text !== 'string') return 'Parameter name must be a scenario name (name or name:value)';
  let parsed: ReturnType<typeof parseScenario>;
  try {
    parsed = parseScenario(text);
  } catch (error) {
    return (error as Error).message;
  }
  const params: ScenarioParams = { ...parsed.params };
  if (body.params !== undefined) {
    if (!body.params || typeof body.params !== 'object' || Array.isArray(body.params)) return 'Parameter params must be an object';
    for (const [key, value] of Object.entries(body.params)) {
      if (!(PARAM_KEYS as readonly string[]).includes(key)) return `Parameter params.${bounded(key, 40)} is not a scenario parameter (${PARAM_KEYS.join(', ')})`;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_PARAM) return `Parameter params.${key} must be a number from 0 to ${MAX_PARAM}`;
      params[key as (typeof PARAM_KEYS)[number]] = value;
    }
  }
  for (const key of PARAM_KEYS) {
    const v = params[key];
    if (v !== undefined && (v < 0 || v > MAX_PARAM)) return `Scenario parameter ${key} must be from 0 to ${MAX_PARAM}`;
  }
  const times = body.once ? 1 : body.times;
  if (times !== undefined && (typeof times !== 'number' || !Number.isSafeInteger(times) || times < 1)) return 'Parameter times must be a positive integer';
  const ids = body.operationId;
  if (ids !== undefined) {
    const list = Array.isArray(ids) ? ids : [ids];
    if (list.length === 0 || list.length > 100) return 'Parameter operationId must be an operation id or a list of 1 to 100';
    for (const op of list) if (typeof op !== 'string' || !Object.hasOwn(operations, op)) return `Unknown operationId "${bounded(String(op), 60)}"`;
  }
  return {
    name: parsed.name,
    params,
    ...(ids !== undefined ? { operationId: ids as ScenarioSpec['operationId'] } : {}),
    ...(times !== undefined ? { times: times as number } : {}),
  };
}
