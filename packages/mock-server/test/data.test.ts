// `mock.data`: the documented read/seed API that replaces the mutable stores (`mock.state`) and their record types.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createMiniMaxMock, MOCK_COLLECTIONS, type MiniMaxMock, type MockAccount } from '@useapi-minimax/mock-server';
import { AUTH } from './helpers.js';

const get = async (mock: MiniMaxMock, path: string) => (await mock.handle(new Request(`${mock.baseUrl}${path}`, { headers: AUTH }))).json();

describe('reading', () => {
  it('ids, count and get show what the API shows, per collection and account', async () => {
    const mock = createMiniMaxMock({ accounts: 2 });
    expect(mock.data.count('videos')).toBe(6);
    expect(mock.data.count('videos', { account: '987654321' })).toBe(3);
    const [first] = mock.data.ids('videos', { account: '987654321' });
    expect(mock.data.get('videos', first!)).toEqual(await get(mock, `/videos/${first}?account=987654321`));
    expect(mock.data.get('accounts', '987643210')).toEqual(await get(mock, '/accounts/987643210'));
    expect(mock.data.get('voices', '308172940561415')).toMatchObject({ voice_id: '308172940561415', uniq_id: 'English_radiant_girl' });
    expect(mock.data.get('videos', 'nope')).toBeUndefined();
    for (const c of MOCK_COLLECTIONS) expect(mock.data.ids(c).length, c).toBe(mock.data.count(c));
    expect(() => mock.data.ids('nope' as never)).toThrow(/Unknown collection "nope"/);
    // A copy: changing it changes nothing.
    (mock.data.get('videos', first!) as Record<string, unknown>).status = 99;
    expect(mock.data.get('videos', first!)?.status).toBe(2);
  });

  it('has no mutable stores on the public surface', () => {
    const mock = createMiniMaxMock();
    expect('state' in mock).toBe(false);
    // @ts-expect-error the stores are internal
    void mock.state;
    expectTypeOf(mock.data.account('987654321')).toEqualTypeOf<MockAccount | undefined>();
  });
});

describe('seeding', () => {
  it('updateAccount puts an account in an error state (and back), spends credits, takes the audio plan', async () => {
    const mock = createMiniMaxMock({ accounts: [{ account: '11' }, { account: '22' }] });
    expect(mock.data.updateAccount('11', { error: 'Session expired', credits: 0 })).toMatchObject({ account: '11', error: 'Session expired', credits: 0 });
    expect((await get(mock, '/accounts/11')).error).toBe('Session expired');
    expect((await get(mock, '/scheduler/available')).available.map((a: any) => a.account)).toEqual(['22']);
    expect(mock.data.updateAccount('11', { error: null }).error).toBeUndefined();
    expect(() => mock.data.updateAccount('11', { maxJobs: 0 })).toThrow(/maxJobs must be an integer from 1 to 10/);
    expect(() => mock.data.updateAccount('11', { credits: Number.NaN })).toThrow(/credits/);
    expect(() => mock.data.updateAccount('99', {})).toThrow(/No account 99/);
    expect(mock.data.account('11')).toMatchObject({ maxJobs: 3, credits: 0 }); // the refused changes changed nothing
  });

  it('addAccount adds one (with or without sample history); removeAccount removes it', async () => {
    const mock = createMiniMaxMock({ accounts: 0 });
    expect(mock.data.addAccount({ account: '555', maxJobs: 2, sampleData: false })).toBe('555');
    expect(mock.accounts).toEqual(['555']);
    expect(mock.data.count('videos')).toBe(0);
    mock.data.addAccount({ account: '556' });
    expect(mock.data.count('videos', { account: '556' })).toBe(3);
    expect(() => mock.data.addAccount({ account: '555' })).toThrow(/exists/);
    expect(() => mock.data.addAccount({ account: 'abc' })).toThrow(/digits/);
    expect(mock.data.removeAccount('556')).toBe(true);
    expect(Object.keys(await get(mock, '/accounts'))).toEqual(['555']);
  });

  it('addJob: a website job that finished an hour ago, and an API job still running with its replyRef', async () => {
    const mock = createMiniMaxMock({ jobMs: 60_000 });
    const now = mock.clock.now();
    const old = mock.data.addJob('video', { prompt: 'from the website', createdAt: now - 3_600_000, viaApi: false });
    const running = mock.data.addJob('image', { prompt: 'via the API', replyRef: 'order-5' });
    const speech = mock.data.addJob('speech', { prompt: 'Hello.', createdAt: new Date(now - 1000).toISOString(), outcome: 'failed', durationMs: 500 });
    expect(mock.data.get('videos', old)).toMatchObject({ status: 2, statusFinal: true, desc: 'from the website' });
    expect(await get(mock, '/scheduler')).toEqual([expect.objectContaining({ imageId: running, replyRef: 'order-5' })]);
    expect(mock.data.get('speech', speech)).toMatchObject({ statusLabel: 'failed', statusFinal: true });
    expect(mock.view('image', running)).toMatchObject({ statusFinal: false });
    expect(() => mock.data.addJob('music', { outcome: 'failed' })).toThrow(/music has no failed state/);
    expect(() => mock.data.addJob('video', { account: '1' })).toThrow(/No account 1/);
    expect(() => mock.data.addJob('video', { createdAt: 1e300 })).toThrow(/createdAt must be a date/);
    expect(() => mock.data.addJob('nope' as never)).toThrow(/Unknown job kind/);
  });

  it('addVoice adds a system voice GET /speech/voices lists and speech accepts', async () => {
    const mock = createMiniMaxMock();
    const id = mock.data.addVoice({ name: 'Test Voice', uniqId: 'English_test_voice', tags: ['English', 'Female'] });
    expect(id).toMatch(/^\d{15}$/);
    expect((await get(mock, '/speech/voices?tag_list=English,Female')).voice_list.map((v: any) => v.voice_id)).toContain(id);
    const created = await mock.handle(new Request(`${mock.baseUrl}/speech/create`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hi', voice_id: id }) }));
    expect(created.status).toBe(201);
  });
});
