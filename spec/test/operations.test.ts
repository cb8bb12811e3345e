import { describe, expect, it } from 'vitest';
import { deref, loadSpec, operations } from '../lib/index.js';

const spec = loadSpec();

// The surface the foundation issue names: the 44 HTTP operations of the June 2026 docs (reference §1 rows
// 1–46 without the WebSocket row 39) and the six August 2026 additions.
const JUNE_2026 = [
  'GET /accounts', 'GET /accounts/{account}', 'POST /accounts', 'DELETE /accounts/{account}', 'GET /features',
  'POST /videos/create', 'POST /videos/agent-create', 'POST /videos/cancel', 'GET /videos/{videoId}',
  'DELETE /videos/{videoId}', 'GET /videos', 'GET /videos/agent-templates', 'GET /videos/characters',
  'POST /images/create', 'GET /images/{imageId}', 'GET /images', 'DELETE /images/{imageId}',
  'POST /files', 'GET /files', 'DELETE /files/{fileID}',
  'GET /scheduler', 'GET /scheduler/available', 'DELETE /scheduler/{id}',
  'POST /agent', 'GET /agent/{jobId}', 'GET /agent/jobs',
  'GET /music/create', 'GET /music/{musicId}', 'GET /music', 'GET /music/styles',
  'GET /audio', 'GET /audio/{audio_id}', 'DELETE /audio/{audio_id}', 'GET /audio/config', 'GET /audio/voices',
  'POST /audio/create-mp3', 'POST /audio/create-stream', 'POST /audio/upload-sample', 'POST /audio/clone-voice',
  'POST /audio/delete-voice',
  'POST /llm', 'GET /llm', 'GET /llm/{chatID}', 'DELETE /llm',
];
const AUGUST_2026 = [
  'POST /music/create', 'POST /speech/create', 'GET /speech', 'GET /speech/{audio_id}', 'DELETE /speech/{audio_id}',
  'GET /speech/voices',
];
const TAGS = ['accounts', 'videos', 'images', 'files', 'scheduler', 'agent', 'music', 'audio', 'speech', 'llm'];

const specOp = (op: (typeof operations)[number]) => spec.paths[op.path][op.method.toLowerCase()];

describe('the operations table', () => {
  it('holds exactly the 50 operations of the June and August 2026 surface', () => {
    expect(JUNE_2026).toHaveLength(44);
    const actual = operations.map((o) => `${o.method} ${o.path}`).sort();
    expect(actual).toEqual([...JUNE_2026, ...AUGUST_2026].sort());
  });

  it('gives every operation a unique camelCase operationId and exactly one family tag', () => {
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of operations) {
      expect(op.operationId).toMatch(/^[a-z][a-zA-Z0-9]+$/);
      expect(specOp(op).tags).toHaveLength(1);
      expect(TAGS).toContain(op.tag);
      expect(op.summary?.length).toBeGreaterThan(8);
      expect(specOp(op).description?.length ?? 0).toBeGreaterThan(40);
    }
    expect(new Set(operations.map((o) => o.tag))).toEqual(new Set(TAGS));
  });

  it('declares the SDK names once: resource methods unique per tag, hook names unique', () => {
    const methods = operations.map((o) => `${o.tag}.${o.sdk.method}`);
    expect(new Set(methods).size).toBe(methods.length);
    const hooks = operations.map((o) => o.sdk.hook);
    expect(new Set(hooks).size).toBe(hooks.length);
    for (const op of operations) {
      expect(op.sdk.method).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(op.sdk.hook).toMatch(/^use[A-Z][a-zA-Z0-9]*$/);
      expect(typeof op.sdk.idempotent).toBe('boolean');
    }
    // The live create keeps the plain name; the decommissioned GET /music/create is createLegacy.
    const byName = Object.fromEntries(operations.map((o) => [`${o.tag}.${o.sdk.method}`, `${o.method} ${o.path}`]));
    expect(byName['music.create']).toBe('POST /music/create');
    expect(byName['music.createLegacy']).toBe('GET /music/create');
    expect(byName['agent.run']).toBe('POST /agent');
    expect(byName['files.upload']).toBe('POST /files');
    expect(byName['scheduler.available']).toBe('GET /scheduler/available');
  });

  it('makes the retry rule explicit: creates are not idempotent, even the legacy GET that creates', () => {
    const idempotent = Object.fromEntries(operations.map((o) => [o.operationId, o.sdk.idempotent]));
    expect(idempotent.createMusicLegacy).toBe(false);
    for (const op of operations) {
      if (op.method === 'GET' && op.operationId !== 'createMusicLegacy') expect(idempotent[op.operationId]).toBe(true);
      if (op.method === 'DELETE') expect(idempotent[op.operationId]).toBe(true);
    }
    for (const id of ['createVideo', 'createAgentVideo', 'createImages', 'uploadFile', 'runAgent', 'createMusic', 'createSpeech', 'createAudioMp3', 'createAudioStream', 'uploadAudioSample', 'cloneAudioVoice', 'sendLlmMessage', 'createAccount']) {
      expect(idempotent[id], id).toBe(false);
    }
  });

  it('marks the job reads that waitFor polls', () => {
    const jobs = Object.fromEntries(operations.filter((o) => o.sdk.job).map((o) => [o.sdk.job, o.operationId]));
    expect(jobs).toEqual({ video: 'getVideo', image: 'getImage', agent: 'getAgentJob', music: 'getMusic', speech: 'getSpeech' });
  });

  it('describes pagination with real query parameters and real response fields', () => {
    const paginated = operations.filter((o) => o.sdk.pagination);
    expect(paginated.map((o) => o.operationId).sort()).toEqual(
      ['listAgentTemplates', 'listAudio', 'listAudioVoices', 'listCharacters', 'listImages', 'listLlmChats', 'listMusic', 'listSpeech', 'listSpeechVoices', 'listVideos'].sort(),
    );
    for (const op of paginated) {
      const p = op.sdk.pagination!;
      const query = op.parameters.filter((x) => x.in === 'query').map((x) => x.name);
      for (const param of [p.cursorParam, p.limitParam, p.pageParam, p.pageSizeParam].filter(Boolean)) {
        expect(query, `${op.operationId} ${param}`).toContain(param);
      }
      expect(Boolean(p.cursorParam) !== Boolean(p.pageParam), `${op.operationId} is either cursor or page based`).toBe(true);
      let schema = deref(spec, specOp(op).responses['200'].content['application/json'].schema);
      if (schema.anyOf) schema = deref(spec, schema.anyOf[0]);
      const items = p.items === '' ? schema : deref(spec, schema.properties[p.items]);
      expect(items.type, `${op.operationId} items`).toBe('array');
      if (p.cursorField) expect(Object.keys(deref(spec, items.items).properties)).toContain(p.cursorField);
      if (p.hasMoreField) expect(Object.keys(schema.properties)).toContain(p.hasMoreField);
    }
  });

  it('marks the decommissioned families deprecated with their date', () => {
    const dates: Record<string, string> = { audio: '2025-08-21', llm: '2025-11-24' };
    for (const op of operations) {
      const description: string = specOp(op).description;
      if (op.tag in dates) {
        expect(op.deprecated, op.operationId).toBe(true);
        expect(description).toContain(dates[op.tag]);
      }
    }
    expect(operations.filter((o) => o.tag === 'music' && o.deprecated).map((o) => o.operationId).sort()).toEqual(['createMusicLegacy', 'listMusicStyles']);
    expect(operations.filter((o) => o.deprecated)).toHaveLength(16);
  });

  it('answers 401 everywhere, and the documented failure statuses on every create', () => {
    for (const op of operations) expect(op.errorStatuses, op.operationId).toContain('401');
    for (const id of ['createVideo', 'createImages', 'runAgent', 'createMusic', 'createSpeech']) {
      const op = operations.find((o) => o.operationId === id)!;
      expect(op.errorStatuses).toEqual(expect.arrayContaining(['400', '401', '412', '422', '429', '502', '504', '596']));
    }
  });

  it('accepts the documented request content types', () => {
    const types = Object.fromEntries(operations.map((o) => [o.operationId, o.requestContentTypes]));
    expect(types.uploadFile).toEqual(['image/png', 'image/jpeg', 'audio/mpeg', 'audio/wav', 'video/mp4']);
    expect(types.uploadAudioSample).toEqual(['audio/mpeg', 'audio/wav', 'audio/wave']);
    expect(types.runAgent).toEqual(['multipart/form-data']);
    expect(types.sendLlmMessage).toEqual(['multipart/form-data']);
    for (const id of ['createVideo', 'createImages', 'createMusic', 'createSpeech', 'createAccount', 'cancelVideo']) {
      expect(types[id]).toEqual(['application/json', 'multipart/form-data']);
    }
  });

  it('declares server-sent events as text/event-stream', () => {
    const sse = operations.filter((o) => o.successContentTypes.includes('text/event-stream')).map((o) => o.operationId);
    expect(sse.sort()).toEqual(['createAgentVideo', 'createMusic', 'sendLlmMessage']);
  });

  it('types every parameter with its limits (spot checks the issue names)', () => {
    const param = (id: string, name: string) => {
      const op = operations.find((o) => o.operationId === id)!;
      const all = [...(spec.paths[op.path].parameters ?? []), ...(specOp(op).parameters ?? [])].map((p: any) => deref(spec, p));
      return deref(spec, all.find((p: any) => p.name === name).schema);
    };
    expect(param('createMusicLegacy', 'prompt').maxLength).toBe(600);
    const schemas = spec.components.schemas;
    expect(schemas.ReplyUrl.maxLength).toBe(1024);
    expect(schemas.MaxJobs).toMatchObject({ minimum: 1, maximum: 10 });
    const known = (schema: any) => schema.anyOf.find((b: any) => b.enum).enum;
    expect(known(schemas.VideoModel)).toHaveLength(18);
    expect(known(schemas.ImageModel)).toHaveLength(9);
  });

  // Issue #10 part 2: the client enforces only what the docs state. Every request field's vocabulary (models,
  // option tokens, resolutions, aspect ratios, qualities, emotions) is an open set that lists the documented
  // values without refusing newer ones, and the limits the docs do not state are gone.
  it('types request vocabularies as open sets, never as closed enums', () => {
    const closed: string[] = [];
    const visit = (node: any, where: string, seen = new Set<any>()): void => {
      node = deref(spec, node ?? {});
      if (!node || typeof node !== 'object' || seen.has(node)) return;
      seen.add(node);
      if (Array.isArray(node.enum)) closed.push(where);
      for (const branch of node.anyOf ?? []) {
        const b = deref(spec, branch);
        if (!Array.isArray(b.enum)) visit(b, where, seen);
      }
      for (const [name, prop] of Object.entries<any>(node.properties ?? {})) visit(prop, `${where}.${name}`, seen);
      if (node.items) visit(node.items, `${where}[]`, seen);
    };
    for (const op of operations) {
      const raw = specOp(op);
      for (const p of [...(spec.paths[op.path].parameters ?? []), ...(raw.parameters ?? [])].map((x: any) => deref(spec, x))) {
        visit(p.schema, `${op.operationId}.${p.name}`);
      }
      for (const media of Object.values<any>(deref(spec, raw.requestBody ?? {}).content ?? {})) visit(media.schema, op.operationId);
    }
    expect(closed).toEqual([]);
    const video = deref(spec, spec.components.schemas.VideoCreateRequest).properties;
    expect(video.options.anyOf.map((b: any) => b.type)).toEqual(['string', 'string']);
    expect(video.resolution.anyOf.map((b: any) => b.type)).toEqual(['string', 'string', 'integer']);
  });

  it('states no limit the docs do not state (the ones issue #10 found)', () => {
    const schemas = spec.components.schemas;
    expect(schemas.AccountId.maxLength).toBeUndefined();
    expect(schemas.AccountCreateRequest.properties.url.maxLength).toBeUndefined();
    expect(schemas.AccountCreateRequest.properties.token.maxLength).toBeUndefined();
    expect(schemas.AgentRunRequest.properties.prompt.maxLength).toBeUndefined();
    expect(schemas.AgentRunRequest.properties.models.pattern).toBeUndefined();
    expect(schemas.AgentRunRequest.properties.models['x-sdk']).toEqual({ list: 'comma' });
    for (const name of ['AudioMp3CreateRequest', 'AudioStreamCreateRequest', 'SpeechCreateRequest']) {
      const props = schemas[name].properties;
      expect(props.vol, name).toEqual({ type: 'number', default: 1, description: expect.any(String) });
      for (const f of ['pitch', 'deepen_lighten', 'stronger_softer', 'nasal_crisp']) expect(props[f].type, `${name}.${f}`).toBe('number');
    }
    for (const op of operations) {
      for (const p of [...(spec.paths[op.path].parameters ?? []), ...(specOp(op).parameters ?? [])].map((x: any) => deref(spec, x))) {
        if (['limit', 'pageSize', 'page_size'].includes(p.name)) expect(deref(spec, p.schema).maximum, `${op.operationId}.${p.name}`).toBeUndefined();
      }
    }
  });

  it('keeps the scheduler fields optional, as the docs model them, and accepts `started` as a string or a number', () => {
    const schemas = spec.components.schemas;
    for (const name of ['SchedulerEntry', 'AccountCapacity', 'SchedulerAvailable']) expect(schemas[name].required, name).toBeUndefined();
    expect(schemas.SchedulerEntry.properties.started.oneOf.map((b: any) => b.type)).toEqual(['string', 'number']);
  });

  it('marks the music polling path as unverified for songs of POST /music/create', () => {
    const op = operations.find((o) => o.operationId === 'getMusic')!;
    expect(specOp(op).summary).toMatch(/unverified/);
    expect(specOp(op).description).toMatch(/\*\*Unverified:\*\*/);
  });
});

describe('x-sdk links between operations', () => {
  it('links every job-starting create to a job kind that a GET reads, with the id field its answer carries', () => {
    const creators = operations.filter((o) => o.sdk.creates);
    expect(creators.map((o) => o.operationId).sort()).toEqual(['createImages', 'createMusic', 'createMusicLegacy', 'createSpeech', 'createVideo', 'runAgent']);
    const readers = new Set(operations.filter((o) => o.sdk.job).map((o) => o.sdk.job));
    for (const op of creators) {
      const c = op.sdk.creates!;
      expect(readers, op.operationId).toContain(c.job);
      expect(op.sdk.idempotent).toBe(false);
      const responses = specOp(op).responses;
      const carriesId = op.successStatuses.some((status) => {
        const schema = deref(spec, deref(spec, responses[status]).content?.['application/json']?.schema ?? {});
        return Boolean(schema.properties?.[c.idField]);
      });
      expect(carriesId, `${op.operationId} answers ${c.idField}`).toBe(true);
      const fields = Object.keys(deref(spec, Object.values<any>(specOp(op).requestBody?.content ?? {})[0]?.schema ?? {}).properties ?? {});
      for (const forced of Object.keys(c.fixed ?? {})) expect(fields, `${op.operationId} has ${forced}`).toContain(forced);
    }
  });

  it('names an existing schema for the events of every streaming operation', () => {
    for (const op of operations.filter((o) => o.successContentTypes.includes('text/event-stream'))) {
      expect(op.sdk.event, op.operationId).toBeDefined();
      expect(Object.keys(spec.components.schemas)).toContain(op.sdk.event);
    }
  });
});
