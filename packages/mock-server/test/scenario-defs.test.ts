// Each SCENARIOS entry carries its own behaviour: a status-stage scenario its answer (with the entry's status),
// a post-stage one what it does to the handler's answer; no switch elsewhere repeats their statuses.
import { describe, expect, it } from 'vitest';
import { SCENARIOS, SCENARIO_NAMES } from '../src/engine/scenarios.js';
import { jsonReply } from '../src/engine/reply.js';

describe('SCENARIOS entries', () => {
  it.each(SCENARIO_NAMES.filter((n) => SCENARIOS[n].stage === 'status'))('%s answers its own status', (name) => {
    const def = SCENARIOS[name];
    const reply = def.answer!({ operationId: 'createVideo', status: def.status!, scenario: {}, params: {}, accountId: '987654321', retryAfterSeconds: 1 });
    expect(reply.status).toBe(def.status);
    expect(JSON.parse(reply.body as string).error).toEqual(expect.any(String));
  });

  it.each(SCENARIO_NAMES.filter((n) => SCENARIOS[n].stage === 'post'))('%s transforms the handler\'s answer', (name) => {
    const def = SCENARIOS[name];
    const reply = def.replace!(jsonReply(200, { videoId: 'v' }), undefined);
    if (def.status) expect(reply.status).toBe(def.status);
    if (reply.body instanceof ReadableStream) void reply.body.cancel();
    expect(reply).not.toEqual(jsonReply(200, { videoId: 'v' }));
  });

  it.each(SCENARIO_NAMES.filter((n) => SCENARIOS[n].stage === 'outcome'))('%s scripts the end of some job kind', (name) => {
    const kinds = (['video', 'image', 'music', 'agent', 'speech'] as const).filter((k) => SCENARIOS[name].outcome!(k, {}, 1000));
    expect(kinds.length).toBeGreaterThan(0);
  });

  it('only status, post and outcome stages carry behaviour', () => {
    for (const name of SCENARIO_NAMES) {
      const def = SCENARIOS[name];
      expect(def.answer !== undefined, name).toBe(def.stage === 'status');
      expect(def.replace !== undefined, name).toBe(def.stage === 'post');
      expect(def.outcome !== undefined, name).toBe(def.stage === 'outcome');
    }
  });
});
