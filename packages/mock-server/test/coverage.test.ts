// Every operation of the spec has a handler and a route; nothing else is routed.
import { describe, expect, it } from 'vitest';
import { operations } from '@useapi-minimax/spec';
import { handlers } from '../src/families/index.js';
import { operations as generated } from '../src/generated/operations.js';
import { matchRoute } from '../src/engine/router.js';

const SAMPLE: Record<string, string> = {
  account: '987654321',
  videoId: 'user:12345-minimax:987654321-video:998877665544332211',
  imageId: 'user:12345-minimax:987654321-image:401234567890123456',
  fileID: 'user:12345-minimax:987654321-file:312345678901234500',
  id: 'user:12345-minimax:987654321-video:998877665544332211',
  jobId: 'p123456789-u12345-a987654321-bot:minimax',
  musicId: 'user:12345-minimax:987654321-music:998877665544332211',
  audio_id: 'user:12345-minimax:123456789012345678-audio:178737039436895391',
  chatID: '245678901234567890',
};

describe('handler coverage', () => {
  it.each(operations.map((o) => [o.operationId, o] as const))('%s has a handler', (operationId) => {
    expect(typeof (handlers as Record<string, unknown>)[operationId], `no handler for ${operationId}`).toBe('function');
  });

  it('has no handler for an operation the spec does not have', () => {
    expect(Object.keys(handlers).sort()).toEqual(operations.map((o) => o.operationId).sort());
    expect(Object.keys(generated).sort()).toEqual(operations.map((o) => o.operationId).sort());
  });

  it.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))('routes %s (raw, encoded and with a trailing slash)', (_name, op) => {
    const raw = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => SAMPLE[name] ?? 'x');
    const encoded = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(SAMPLE[name] ?? 'x'));
    for (const path of [raw, encoded, `${raw}/`]) {
      const match = matchRoute(op.method, path);
      expect(match?.operationId, path).toBe(op.operationId);
      for (const name of [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)) expect(match?.params[name]).toBe(SAMPLE[name] ?? 'x');
    }
  });

  it('prefers literal paths over templates', () => {
    expect(matchRoute('GET', '/videos/agent-templates')?.operationId).toBe('listAgentTemplates');
    expect(matchRoute('GET', '/videos/characters')?.operationId).toBe('listCharacters');
    expect(matchRoute('GET', '/agent/jobs')?.operationId).toBe('listAgentJobs');
    expect(matchRoute('GET', '/scheduler/available')?.operationId).toBe('getSchedulerAvailable');
    expect(matchRoute('GET', '/music/create')?.operationId).toBe('createMusicLegacy');
    expect(matchRoute('POST', '/music/create')?.operationId).toBe('createMusic');
    expect(matchRoute('GET', '/music/styles')?.operationId).toBe('listMusicStyles');
    expect(matchRoute('GET', '/audio/config')?.operationId).toBe('getAudioConfig');
    expect(matchRoute('GET', '/speech/voices')?.operationId).toBe('listSpeechVoices');
    expect(matchRoute('GET', '/videos/')?.operationId).toBe('listVideos');
    expect(matchRoute('GET', '/scheduler/')?.operationId).toBe('listScheduledJobs');
  });

  it('does not route unknown paths or methods', () => {
    expect(matchRoute('GET', '/nope')).toBeUndefined();
    expect(matchRoute('PUT', '/videos/abc')).toBeUndefined();
    expect(matchRoute('GET', '/videos/a/b')).toBeUndefined();
  });
});

describe('what the mock reads from x-sdk', () => {
  it('knows the job every create starts, and the event schema of every stream', async () => {
    const { JOB_KIND_OF } = await import('../src/engine/scenarios.js');
    expect(JOB_KIND_OF).toEqual({
      createVideo: 'video', createAgentVideo: 'video', createImages: 'image', runAgent: 'agent',
      createMusicLegacy: 'music', createMusic: 'music', createSpeech: 'speech',
    });
    for (const op of operations.filter((o) => o.successContentTypes.includes('text/event-stream'))) {
      expect((generated as Record<string, { event?: string }>)[op.operationId]!.event, op.operationId).toMatch(/^#\/components\/schemas\//);
    }
  });
});
