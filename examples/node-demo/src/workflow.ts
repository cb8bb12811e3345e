// The walk-through: each step uses @useapi-minimax/client the way an application would.
import {
  JobModeratedError,
  ModeratedError,
  RateLimitedError,
  describeJob,
  type AgentAttachment,
  type JobState,
  type MiniMaxClient,
  type RequestEvent,
  type RetryEvent,
} from '@useapi-minimax/client';
import type { DemoOptions } from './args.js';
import { adviceFor, errorName, formatState, stateKey, type StepResult } from './format.js';
import { formatDuration, ProgressLine, type Sink } from './progress.js';

/** Everything a step needs. */
export interface DemoContext {
  client: MiniMaxClient;
  options: DemoOptions;
  /** Where progress and step output go. */
  out: Sink;
  /** Poll interval for jobs: short against the mock, the client's per-kind defaults against the real API. */
  intervalMs: number | undefined;
  /** Cancels every wait (Ctrl-C). */
  signal: AbortSignal;
  /** The requests the client sent so far (from its `onRequest` hook). */
  requests: RequestEvent[];
  /** Set by a step to watch the client's retries (from its `onRetry` hook). */
  onRetry: ((event: RetryEvent) => void) | undefined;
  /** Asks a mock server to answer the next call of an operation with a scenario (mock mode only). */
  mockScenario: ((name: string, operationId: string) => Promise<void>) | undefined;
}

const LYRICS = `[verse]
Engine hums before the sun
Maps unfolding, one by one
[chorus]
Open road, open sky
Windows down, we're flying by`;

const say = (ctx: DemoContext, line = '') => ctx.out.write(`${line}\n`);

/** Runs one step: prints its title, times it, and turns an unexpected error into a `failed` result. */
async function step(
  ctx: DemoContext,
  results: StepResult[],
  name: string,
  title: string,
  run: (lines: ProgressLine[]) => Promise<Omit<StepResult, 'name' | 'ms'>>,
): Promise<void> {
  say(ctx);
  say(ctx, `▸ ${title}`);
  const started = Date.now();
  const lines: ProgressLine[] = [];
  try {
    const result = await run(lines);
    results.push({ name, ...result, ms: Date.now() - started });
  } catch (error) {
    for (const line of lines) line.done(`✖ ${errorName(error)}`);
    say(ctx, `  ✖ ${errorName(error)}: ${adviceFor(error)}`);
    results.push({ name, status: 'failed', detail: `${errorName(error)}: ${adviceFor(error)}`, ms: Date.now() - started });
  }
}

const skip = (results: StepResult[], name: string, detail: string) => results.push({ name, status: 'skipped', detail });

/** Runs every step and returns their results, in order. */
export async function runDemo(ctx: DemoContext): Promise<StepResult[]> {
  const { client, options, signal } = ctx;
  const wait = { intervalMs: ctx.intervalMs, signal };
  const results: StepResult[] = [];
  const creates = options.create;
  const noCreate = 'creates a job, which spends credits: add --create to run it';

  await step(ctx, results, 'accounts', 'Accounts: client.accounts.list()', async () => {
    const accounts = Object.values(await client.accounts.list({ signal }));
    if (!accounts.length) return { status: 'failed', detail: 'no MiniMax account is configured: add one with client.accounts.create() (POST /accounts)' };
    for (const a of accounts) say(ctx, `  ${a.account}  maxJobs ${a.maxJobs ?? '?'}${a.error ? `  error: ${a.error}` : ''}`);
    const { available } = await client.scheduler.available({ signal });
    for (const slot of available ?? []) say(ctx, `  ${slot.account}  ${slot.available} of ${slot.maxJobs} video slots free`);
    return { status: 'ok', detail: `${accounts.length} account(s): ${accounts.map((a) => a.account).join(', ')}` };
  });

  if (!creates) skip(results, 'song', noCreate);
  else
    await step(ctx, results, 'song', 'Song: client.music.create(), then music.waitFor() with onProgress', async (lines) => {
      const title = 'Open Road';
      const { musicId } = await client.music.create({ prompt: 'Upbeat synth-pop about a road trip at dawn', lyrics: LYRICS, title }, { signal });
      say(ctx, `  created ${musicId}`);
      const line = new ProgressLine(ctx.out, `♪ "${title}"`);
      lines.push(line);
      const song = await client.music.waitFor(musicId, { ...wait, onProgress: follow(line) });
      line.done(`✔ completed, ${song.duration ?? '?'} s`);
      say(ctx, `  audio: ${song.audioURL}`);
      return { status: 'ok', detail: `"${song.title}" (${song.duration ?? '?'} s): ${song.audioURL}` };
    });

  if (!creates) skip(results, 'agent job', noCreate);
  else
    await step(ctx, results, 'agent job', 'Agent: client.agent.run({ async: true }), then agent.waitFor()', async (lines) => {
      const prompt = 'Design a poster for a seaside jazz night, and a 10-second teaser video of the stage';
      const { jobId } = await client.agent.run({ prompt, models: ['nano-banana-2', 'hailuo-2.3'], async: true }, { signal });
      say(ctx, `  started ${jobId}`);
      const line = new ProgressLine(ctx.out, '🤖 agent job');
      lines.push(line);
      const job = await client.agent.waitFor(jobId, { ...wait, onProgress: follow(line) });
      line.done(`✔ ${job.status}`);
      if (job.response?.msg_content) say(ctx, `  agent: ${job.response.msg_content}`);
      const attachments: AgentAttachment[] = job.response?.attachments ?? [];
      for (const a of attachments) say(ctx, `  📎 ${attachmentKind(a)}  ${a.file?.fileName ?? a.attachmentID}  ${a.file?.fileUrl ?? a.text ?? ''}`);
      return { status: 'ok', detail: `${job.status}, ${attachments.length} attachment(s): ${attachments.map((a) => a.file?.fileName ?? attachmentKind(a)).join(', ')}` };
    });

  if (!creates) skip(results, 'video + images', noCreate);
  else
    await step(ctx, results, 'video + images', 'Video and an image batch: videos.create() + images.create({ quantity: 4 }), waited for together', async (lines) => {
      const [{ videoId }, { imageIds }] = await Promise.all([
        client.videos.create({ prompt: 'A corgi surfing a wave at sunset, slow motion' }, { signal }),
        client.images.create({ prompt: 'A watercolor lighthouse in a storm', quantity: 4 }, { signal }),
      ]);
      const ids = imageIds ?? [];
      say(ctx, `  video ${videoId}`);
      say(ctx, `  ${ids.length} images ${ids.map(shortId).join(', ')}`);
      const line = new ProgressLine(ctx.out, '🎬 video + 🖼 images');
      lines.push(line);
      let video = 'queued';
      let videoKey = 'queued';
      const done = new Set<string>();
      const render = () => line.update(`video ${video} · images ${done.size}/${ids.length} done`, `${videoKey}/${done.size}`);
      const [finalVideo, images] = await Promise.all([
        client.videos.waitFor(videoId!, { ...wait, onProgress: (_v, state) => ((video = formatState(state)), (videoKey = stateKey(state)), render()) }),
        Promise.all(
          ids.map((id) =>
            client.images.waitFor(id, {
              ...wait,
              onProgress: (_i, state) => {
                if (state.final) done.add(id);
                render();
              },
            }),
          ),
        ),
      ]);
      line.done(`✔ video and ${images.length} images completed`);
      say(ctx, `  video: ${finalVideo.downloadURL ?? finalVideo.videoURL}`);
      for (const image of images) say(ctx, `  image: ${image.downloadURL ?? image.videoURL}`);
      return { status: 'ok', detail: `video ${finalVideo.width}×${finalVideo.height}, ${images.length} images` };
    });

  await step(ctx, results, 'pagination', 'Every song, page by page: for await (const song of client.music.listAll({ limit: 2 }))', async () => {
    const before = ctx.requests.length;
    const pageOf = () => ctx.requests.slice(before).filter((r) => r.operation === 'listMusic' && r.attempt === 1).length;
    const limit = 2;
    const maxPages = 5;
    let count = 0;
    for await (const song of client.music.listAll({ limit }, { signal })) {
      count++;
      const state = describeJob('music', song);
      say(ctx, `  page ${pageOf()}  ${(song.title ?? '(untitled)').padEnd(28)} ${state.state}${song.duration ? `, ${song.duration} s` : ''}`);
      if (count === maxPages * limit) break; // `break` ends the iteration: no further page is requested
    }
    const more = count === maxPages * limit ? ` (stopped after ${maxPages} pages)` : '';
    return { status: 'ok', detail: `${count} song(s) over ${pageOf()} page(s) of ${limit}${more}` };
  });

  if (!ctx.mockScenario) skip(results, 'moderation', 'mock server only: the real API cannot be asked to moderate a prompt');
  else
    await step(ctx, results, 'moderation', 'Moderation: refused at create (422), and a job moderated while generating', async (lines) => {
      let atCreate = 'no error';
      try {
        // The mock refuses any prompt holding the [mock:moderated] marker, as MiniMax refuses a flagged prompt.
        await client.music.create({ prompt: 'A song about [mock:moderated] things', title: 'Refused' }, { signal });
      } catch (error) {
        if (!(error instanceof ModeratedError)) throw error;
        atCreate = `${error.name} ${error.status}`;
        say(ctx, `  ✔ ${error.name} (${error.status}): ${adviceFor(error)}`);
      }
      const { imageIds } = await client.images.create({ prompt: 'A portrait [mock:moderated-final]' }, { signal });
      const line = new ProgressLine(ctx.out, '🖼 image');
      lines.push(line);
      let during = 'no error';
      try {
        await client.images.waitFor(imageIds![0]!, { ...wait, onProgress: follow(line) });
        line.done('completed (unexpected)');
      } catch (error) {
        if (!(error instanceof JobModeratedError)) throw error;
        line.done(`✔ moderated: ${error.state?.message ?? 'no reason given'} (${error.name})`);
        say(ctx, `  ${adviceFor(error)}`);
        during = error.name;
      }
      const handled = atCreate !== 'no error' && during !== 'no error';
      return { status: handled ? 'handled' : 'failed', detail: `at create: ${atCreate}; while generating: ${during}` };
    });

  if (!ctx.mockScenario) skip(results, 'rate limit', 'mock server only: the real API cannot be asked for a 429');
  else
    await step(ctx, results, 'rate limit', 'Rate limit: a 429 retried by the client, and one that outlasts the retries', async () => {
      const retries: string[] = [];
      ctx.onRetry = (e) => {
        const line = `${e.status ?? errorName(e.error)} on ${e.method} ${e.path}: retry ${e.attempt} in ${formatDuration(e.delayMs)}`;
        retries.push(line);
        say(ctx, `  ↻ ${line}`);
      };
      try {
        // One 429 (no slot free, nothing queued): a create is retried after Retry-After, so it cannot run twice.
        await ctx.mockScenario!('rate-limited', 'createVideo');
        const { videoId } = await client.videos.create({ prompt: 'A paper boat on a rainy street' }, { signal });
        say(ctx, `  ✔ created ${shortId(videoId!)} after ${retries.length} retry(ies)`);
        const first = retries.length;
        // Every attempt answers 429: the client gives up with a typed error the caller can act on.
        try {
          await client.images.create({ prompt: 'A lighthouse [mock:rate-limited]' }, { signal, maxRetries: 1 });
          return { status: 'failed', detail: 'expected a RateLimitedError' };
        } catch (error) {
          if (!(error instanceof RateLimitedError)) throw error;
          say(ctx, `  ✔ ${error.name} (${error.status}) after ${retries.length - first} retry: ${adviceFor(error)}`);
          return { status: 'handled', detail: `429 retried ${first}× then created; ${error.name} after retries, nothing queued` };
        }
      } finally {
        ctx.onRetry = undefined;
      }
    });

  return results;
}

/** An `onProgress` callback that shows each state on the line; the final state is left to `line.done`. */
function follow(line: ProgressLine): (snapshot: unknown, state: JobState) => void {
  return (_snapshot, state) => {
    if (!state.final) line.update(formatState(state), stateKey(state));
  };
}

function attachmentKind(a: AgentAttachment): string {
  const mime = a.file?.type ?? '';
  if (a.type === 1 || mime.startsWith('video/')) return 'video';
  if (a.type === 2 || mime.startsWith('image/')) return 'image';
  if (mime.startsWith('audio/')) return 'audio';
  return a.text ? 'text' : 'file';
}

/** The tail of a long id (`…video:148906291051630337` → `…1630337`), for compact lines. */
function shortId(id: string): string {
  return id.length > 12 ? `…${id.slice(-7)}` : id;
}
