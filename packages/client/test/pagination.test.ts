// listAll: cursor lists, page lists with has_more, short-page lists, and the guards.
import { describe, expect, it } from 'vitest';
import { nextPage, pageItems } from '../src/internal.js';
import { fakeFetch, json, route, testClient } from './helpers.js';

const songs = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ musicId: `m:${from + i}`, title: `Song ${from + i}` }));

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('listAll', () => {
  it('cursor list: passes the last id until an empty page', async () => {
    const fake = fakeFetch().queue(json(200, songs(1, 3)), json(200, songs(4, 2)), json(200, []));
    const items = await all(testClient(fake).music.listAll());
    expect(items.map((s) => s.musicId)).toEqual(['m:1', 'm:2', 'm:3', 'm:4', 'm:5']);
    expect(fake.requests.map(route)).toEqual(['/music', '/music?lastMusicId=m%3A3', '/music?lastMusicId=m%3A5']);
  });

  it('cursor list with limit: a short page is the last one', async () => {
    const fake = fakeFetch().queue(json(200, songs(1, 2)), json(200, songs(3, 1)));
    const items = await all(testClient(fake).music.listAll({ limit: 2, account: '7' }));
    expect(items).toHaveLength(3);
    expect(fake.requests.map(route)).toEqual(['/music?limit=2&account=7', '/music?limit=2&account=7&lastMusicId=m%3A2']);
  });

  it('cursor list nested in the body (images)', async () => {
    const fake = fakeFetch().queue(json(200, { images: [{ imageId: 'i:1' }] }), json(200, { images: [] }));
    expect(await all(testClient(fake).images.listAll())).toEqual([{ imageId: 'i:1' }]);
    expect(route(fake.requests[1]!)).toBe('/images?lastImageId=i%3A1');
  });

  it('cursor list with hasMore (llm)', async () => {
    const fake = fakeFetch().queue(json(200, { items: [{ chatID: 'c1' }], hasMore: true }), json(200, { items: [{ chatID: 'c2' }], hasMore: false }));
    expect(await all(testClient(fake).llm.listAll())).toEqual([{ chatID: 'c1' }, { chatID: 'c2' }]);
    expect(fake.requests).toHaveLength(2);
  });

  it('stops when the cursor does not advance', async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (m: string) => warnings.push(m), error() {} };
    const fake = fakeFetch().queue(json(200, songs(1, 2)), json(200, songs(1, 2)), json(200, songs(1, 2)));
    const items = await all(testClient(fake, { logger, logLevel: 'warn' }).music.listAll());
    expect(items).toHaveLength(4);
    expect(fake.requests).toHaveLength(2);
    expect(warnings[0]).toMatch(/listMusic: list cursor lastMusicId did not advance/);
  });

  it('page list: counts pages while has_more', async () => {
    const fake = fakeFetch().queue(
      json(200, { audio_list: [{ audio_id: 'a1' }, { audio_id: 'a2' }], has_more: true }),
      json(200, { audio_list: [{ audio_id: 'a3' }], has_more: false }),
    );
    const items = await all(testClient(fake).speech.listAll({ page_size: 2 }));
    expect(items.map((a) => a.audio_id)).toEqual(['a1', 'a2', 'a3']);
    expect(fake.requests.map(route)).toEqual(['/speech?page_size=2&page=1', '/speech?page_size=2&page=2']);
  });

  it('page list: starts at the given page', async () => {
    const fake = fakeFetch().queue(json(200, { voice_list: [{ voice_id: 'v' }], has_more: false }));
    await all(testClient(fake).speech.listAllVoices({ page: 3 }));
    expect(route(fake.requests[0]!)).toBe('/speech/voices?page=3');
  });

  it('characters (no has_more): stops on a page shorter than the first', async () => {
    const chars = (n: number) => Array.from({ length: n }, (_, i) => ({ characterID: `c${i}` }));
    const fake = fakeFetch().queue(json(200, chars(3)), json(200, chars(3).map((c) => ({ characterID: `${c.characterID}b` }))), json(200, chars(1)));
    const items = await all(testClient(fake).videos.listAllCharacters());
    expect(items).toHaveLength(7);
    expect(fake.requests.map(route)).toEqual(['/videos/characters?page=1', '/videos/characters?page=2', '/videos/characters?page=3']);
  });

  it('page list that repeats a page stops', async () => {
    const page = json(200, [{ characterID: 'same' }]);
    const fake = fakeFetch().queue(page, json(200, [{ characterID: 'same' }]), json(200, [{ characterID: 'same' }]));
    const items = await all(testClient(fake, { logLevel: 'silent' }).videos.listAllCharacters());
    expect(items).toHaveLength(2);
    expect(fake.requests).toHaveLength(2);
  });

  it('break stops fetching', async () => {
    const fake = fakeFetch().queue(json(200, songs(1, 3)), json(200, songs(4, 3)));
    for await (const song of testClient(fake).music.listAll()) {
      expect(song.musicId).toBe('m:1');
      break;
    }
    expect(fake.requests).toHaveLength(1);
  });

  it('errors propagate with their class', async () => {
    const fake = fakeFetch().queue(json(200, songs(1, 1)), json(401, { error: 'Unauthorized' }));
    await expect(all(testClient(fake).music.listAll())).rejects.toMatchObject({ name: 'UnauthorizedError', status: 401 });
  });
});

describe('nextPage (the rule listAll and the React infinite queries share)', () => {
  const cursor = { items: 'images', cursorParam: 'lastImageId', cursorField: 'imageId', limitParam: 'limit' };
  const pages = { items: 'audio_list', pageParam: 'page', pageSizeParam: 'page_size', hasMoreField: 'has_more' };
  const short = { items: '', pageParam: 'page', pageSizeParam: 'pageSize' };

  it('follows the last item of a cursor list, and stops on an empty or short page or a stuck cursor', () => {
    const body = { images: [{ imageId: 'a' }, { imageId: 'b' }] };
    expect(nextPage(cursor, body, {})).toEqual({ param: 'b' });
    expect(nextPage(cursor, { images: [] }, {})).toEqual({ stop: 'end' });
    expect(nextPage(cursor, body, { size: 3 })).toEqual({ stop: 'end' });
    expect(nextPage(cursor, body, { current: 'b' })).toEqual({ stop: 'stuck' });
  });

  it('counts pages while has_more, and ignores the size then', () => {
    expect(nextPage(pages, { audio_list: [1], has_more: true }, { current: 2, size: 100 })).toEqual({ param: 3 });
    expect(nextPage(pages, { audio_list: [1], has_more: false }, { current: 2 })).toEqual({ stop: 'end' });
  });

  it('stops a page list without has_more on a short page or on a page that repeats the previous one', () => {
    expect(nextPage(short, [1, 2], { size: 2 })).toEqual({ param: 2 });
    expect(nextPage(short, [1], { current: 2, size: 2 })).toEqual({ stop: 'end' });
    expect(nextPage(short, [1, 2], { current: 2, size: 2, previous: [1, 2] })).toEqual({ stop: 'stuck' });
    expect(pageItems(short, { not: 'a list' })).toEqual([]);
  });
});
