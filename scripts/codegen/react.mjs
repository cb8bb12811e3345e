// Target `react`: packages/react/src/generated/{keys,options,hooks}.ts
//   keys.ts     `miniMaxKeys`: the query key (and infinite / mutation key) of every operation, by tag
//   options.ts  the options factories: `<name>QueryOptions` for every read (job reads poll), `<name>InfiniteQueryOptions`
//               for every paginated list, `<name>MutationOptions` for every write with its declared cache effects
//   hooks.ts    the hooks over them: `use<Name>` (+ `useSuspense<Name>`) per read, `use<Name>Infinite` (+
//               `useSuspense<Name>Infinite`) per list,
//               `use<Name>` per write. Names come from each operation's `x-sdk.hook`.
// Reads are the idempotent GETs; every other operation (the legacy `GET /music/create` included) is a mutation.
import { listOperations, loadSpec } from '@useapi-minimax/spec';
import { HEADER, buildOperationsTable, callShape, toSource } from './shared.mjs';

/**
 * What each write does to the cache once it succeeded (see packages/react/src/cache-effects.ts): removals first,
 * then seeds, then invalidations. Keys are `[tag]` or `[tag, operationId]`; `from` is the variable holding the id.
 * Every write must be listed (an empty list is a declaration too); the names are checked against the spec below.
 */
const scheduler = { invalidate: ['scheduler'] };
const EFFECTS = {
  createAccount: [{ invalidate: ['accounts'] }, scheduler],
  deleteAccount: [{ removeItem: ['accounts', 'getAccount'], param: 'account', from: 'account' }, { invalidate: ['accounts'] }, scheduler],
  createVideo: [{ invalidate: ['videos', 'listVideos'] }, scheduler],
  createAgentVideo: [{ seed: ['videos', 'getVideo'], param: 'videoId', idField: 'videoId' }, { invalidate: ['videos', 'listVideos'] }, scheduler],
  cancelVideo: [{ invalidateItem: ['videos', 'getVideo'], param: 'videoId', from: 'videoId' }, { invalidate: ['videos', 'listVideos'] }, scheduler],
  deleteVideo: [
    { removeFromList: ['videos', 'listVideos'], items: '', idField: 'videoId', from: 'videoId' },
    { removeItem: ['videos', 'getVideo'], param: 'videoId', from: 'videoId' },
    { invalidate: ['videos', 'listVideos'] },
  ],
  createImages: [{ invalidate: ['images', 'listImages'] }, scheduler],
  deleteImage: [
    { removeFromList: ['images', 'listImages'], items: 'images', idField: 'imageId', from: 'imageId' },
    { removeItem: ['images', 'getImage'], param: 'imageId', from: 'imageId' },
    { invalidate: ['images', 'listImages'] },
  ],
  uploadFile: [{ invalidate: ['files', 'listFiles'] }],
  deleteFile: [{ invalidate: ['files', 'listFiles'] }],
  deleteScheduledJob: [scheduler],
  runAgent: [{ seed: ['agent', 'getAgentJob'], param: 'jobId', idField: 'jobId' }, { invalidate: ['agent', 'listAgentJobs'] }, scheduler],
  createMusicLegacy: [{ invalidate: ['music', 'listMusic'] }, scheduler],
  createMusic: [{ invalidate: ['music', 'listMusic'] }, scheduler],
  deleteAudio: [
    { removeFromList: ['audio', 'listAudio'], items: 'audio_list', idField: 'audio_id', from: 'audio_id' },
    { removeItem: ['audio', 'getAudio'], param: 'audio_id', from: 'audio_id' },
    { invalidate: ['audio', 'listAudio'] },
  ],
  createAudioMp3: [{ invalidate: ['audio', 'listAudio'] }],
  createAudioStream: [{ invalidate: ['audio', 'listAudio'] }],
  uploadAudioSample: [],
  cloneAudioVoice: [{ invalidate: ['audio', 'listAudioVoices'] }],
  deleteAudioVoice: [
    { removeFromList: ['audio', 'listAudioVoices'], items: 'voice_list', idField: 'voice_id', from: 'voice_id' },
    { invalidate: ['audio', 'listAudioVoices'] },
  ],
  createSpeech: [{ invalidate: ['speech', 'listSpeech'] }, scheduler],
  deleteSpeech: [
    { removeFromList: ['speech', 'listSpeech'], items: 'audio_list', idField: 'audio_id', from: 'audio_id' },
    { removeItem: ['speech', 'getSpeech'], param: 'audio_id', from: 'audio_id' },
    { invalidate: ['speech', 'listSpeech'] },
  ],
  sendLlmMessage: [{ invalidate: ['llm'] }],
  deleteLlmChats: [{ invalidate: ['llm'] }],
};

const cap = (s) => s[0].toUpperCase() + s.slice(1);
const lc = (s) => s[0].toLowerCase() + s.slice(1);
/** The first paragraph of a description, on one line. */
const oneLine = (s) => String(s ?? '').split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ').trim();
const doc = (lines, indent = '') =>
  lines.length === 1
    ? `${indent}/** ${lines[0]} */`
    : `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */`;
/** Joins declarations with a blank line between them, none between a doc comment and its declaration. */
const tidy = (parts) => parts.join('\n\n').replace(/\*\/\n\n(export|const) /g, '*/\n$1 ');
const DEPRECATED = '@deprecated The family is decommissioned upstream; kept for existing data.';

/** Everything the generators need about one operation. */
function describe(id, op, info) {
  const base = info.sdk.hook.replace(/^use/, '');
  const { ids, inputFields, hasInput } = callShape(op);
  const read = op.method === 'GET' && op.idempotent;
  // A JSON-or-stream write is called without the stream (hooks cache JSON; stream with the client directly).
  const fixed = !read && op.success === 'json|sse' && op.fields.stream ? { stream: false } : undefined;
  return {
    id,
    op,
    info,
    tag: op.tag,
    hook: info.sdk.hook,
    base,
    read,
    ids,
    hasInput,
    inputRequired: inputFields.some(([name, f]) => f.required && !(fixed && name in fixed)),
    fixed,
    summary: `${oneLine(info.summary)}: \`${op.method} ${op.path}\``,
    deprecated: op.deprecated === true,
    // A write that starts a paid job (`x-sdk.creates`, or a stream of job snapshots): single-flight.
    creates: !read && Boolean(info.sdk.creates || (info.sdk.event && /^(Video|Image|Music|Speech|AgentJob)$/.test(info.sdk.event))),
  };
}

function checkEffects(ops) {
  const byId = Object.fromEntries(ops.map((o) => [o.id, o]));
  const tags = new Set(ops.map((o) => o.tag));
  for (const o of ops) if (!o.read && !(o.id in EFFECTS)) throw new Error(`codegen(react): write ${o.id} has no entry in EFFECTS`);
  for (const [id, effects] of Object.entries(EFFECTS)) {
    const o = byId[id];
    if (!o || o.read) throw new Error(`codegen(react): EFFECTS names ${id}, which is not a write of the spec`);
    const variable = (name) => {
      if (!o.op.pathParams.includes(name) && !(name in o.op.fields)) throw new Error(`codegen(react): ${id} has no variable ${name}`);
    };
    const target = ([tag, opId], read = true) => {
      if (!tags.has(tag)) throw new Error(`codegen(react): ${id}: unknown tag ${tag}`);
      if (opId === undefined) return;
      const t = byId[opId];
      if (!t || t.tag !== tag || (read && !t.read)) throw new Error(`codegen(react): ${id}: ${tag}/${opId} is not a read of that tag`);
      return t;
    };
    for (const e of effects) {
      if (e.invalidate) target(e.invalidate);
      for (const item of [e.invalidateItem, e.removeItem, e.seed].filter(Boolean)) {
        if (!target(item).op.pathParams.includes(e.param)) throw new Error(`codegen(react): ${id}: ${item.join('/')} has no path parameter ${e.param}`);
      }
      if (e.invalidateItem || e.removeItem) variable(e.from);
      if (e.removeFromList) {
        const list = target(e.removeFromList);
        variable(e.from);
        if (list.op.pagination && list.op.pagination.items !== e.items) throw new Error(`codegen(react): ${id}: ${list.id} items are in "${list.op.pagination.items}"`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// keys.ts

function keysSource(ops, spec) {
  const tagDocs = Object.fromEntries((spec.tags ?? []).map((t) => [t.name, oneLine(t.description)]));
  const tags = [...new Set(ops.map((o) => o.tag))];
  const blocks = tags.map((tag) => {
    const lines = [doc([`Every \`${tag}\` query.`], '    '), `    all: [MINIMAX_KEY_ROOT, '${tag}'] as const,`];
    for (const o of ops.filter((x) => x.tag === tag)) {
      const path = o.op.pathParams;
      const pathObj = path.length ? `{ ${path.join(', ')} }` : '{}';
      if (o.read) {
        const args = [...path.map((p) => `${p}: Skippable<string>`), ...(o.hasInput ? [`input?: Skippable<Input<'${o.id}'>>`] : [])].join(', ');
        lines.push(
          doc([`Key of \`${o.id}\` (\`${o.hook}\`): ${o.summary}.`], '    '),
          `    ${o.id}: (${args}): MiniMaxQueryKey<'${o.id}'> => queryKeyOf('${tag}', '${o.id}', ${pathObj}${o.hasInput ? ', input' : ''}),`,
        );
        if (o.op.pagination) {
          lines.push(
            doc([`Key of the infinite list of \`${o.id}\` (\`${o.hook}Infinite\`), distinct from the regular one.`], '    '),
            `    ${o.id}Infinite: (input?: Skippable<InfiniteInput<'${o.id}'>>): MiniMaxInfiniteQueryKey<'${o.id}'> =>`,
            `      infiniteQueryKeyOf('${tag}', '${o.id}', input),`,
          );
        }
      } else {
        lines.push(doc([`Mutation key of \`${o.id}\` (\`${o.hook}\`): ${o.summary}.`], '    '), `    ${o.id}: (): MiniMaxMutationKey<'${o.id}'> => mutationKeyOf('${tag}', '${o.id}'),`);
      }
    }
    return `${doc([tagDocs[tag] ?? tag], '  ')}\n  ${tag}: {\n${lines.join('\n')}\n  },`;
  });
  return `${HEADER}import type { Input } from '@useapi-minimax/client';
import {
  MINIMAX_KEY_ROOT,
  infiniteQueryKeyOf,
  mutationKeyOf,
  queryKeyOf,
  type InfiniteInput,
  type MiniMaxInfiniteQueryKey,
  type MiniMaxMutationKey,
  type MiniMaxQueryKey,
  type Skippable,
} from '../keys.js';

/**
 * The key of every operation, by tag: \`miniMaxKeys.music.getMusic(musicId)\`, \`miniMaxKeys.music.listMusic(input)\`,
 * \`miniMaxKeys.music.listMusicInfinite(input)\`, and prefixes \`miniMaxKeys.all\`, \`miniMaxKeys.music.all\` for invalidation.
 */
export const miniMaxKeys = {
${doc(['Every query of this package.'], '  ')}
  all: [MINIMAX_KEY_ROOT] as const,
${blocks.join('\n')}
} as const;
`;
}

// ---------------------------------------------------------------------------------------------------------------
// options.ts

/**
 * The call of a read: `getMusic(client, musicId, { signal })`: the per-operation function on the provider's core
 * (a client is one), so a bundle ships only the operations its hooks use (issue #10 part 3).
 */
function readCall(o, signal = '{ signal }', input = 'input') {
  const args = ['client', ...o.op.pathParams, ...(o.hasInput ? [input] : []), signal];
  usedFunctions.add(o.id);
  return `${o.id}(${args.join(', ')})`;
}

/** The per-operation functions options.ts calls (imported from the client). */
const usedFunctions = new Set();

/** The client's per-kind job facts (`musicJob`, …) the job GETs follow, so each hook ships only its kind's facts. */
const jobFactNames = (ops) => [...new Set(ops.filter((o) => o.read && o.op.job).map((o) => `${o.op.job}Job`))].sort();

function variablesType(o) {
  const parts = [];
  if (o.ids.length) parts.push(`{ ${o.ids.map((p) => `${p}: string`).join('; ')} }`);
  if (o.op.body === 'raw') parts.push('{ data: UploadData }');
  if (o.hasInput) parts.push(o.fixed ? `Omit<Input<'${o.id}'>, ${Object.keys(o.fixed).map((k) => `'${k}'`).join(' | ')}>` : `Input<'${o.id}'>`);
  const type = parts.join(' & ') || 'void';
  return parts.length === 1 && o.hasInput && !o.inputRequired ? `${type} | void` : type;
}

function mutationData(o) {
  if (o.op.success === 'sse') return `EventData<'${o.id}'> | undefined`;
  return `Output<'${o.id}'>`;
}

function mutationBody(o) {
  const own = [...o.ids, ...(o.op.body === 'raw' ? ['data'] : [])];
  let input = o.hasInput ? (own.length ? 'input' : o.inputRequired ? 'variables' : 'variables || undefined') : undefined;
  if (o.fixed) input = `{ ...${own.length ? 'input' : 'variables'}, ${Object.entries(o.fixed).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')} }`;
  const args = [...o.ids, ...(o.op.body === 'raw' ? ['data'] : []), ...(input ? [input] : [])];
  usedFunctions.add(o.id);
  let call = `${o.id}(${['client', ...args].join(', ')})`;
  if (o.op.success === 'sse') call = `lastEvent(${call}, options?.onEvent)`;
  const run = `withCacheEffects(context, options, ${o.id}Plan, variables, () => ${call}, scopeOf(client))`;
  if (!own.length) return `(variables: ${cap(o.id)}Variables, context) =>\n      ${run}`;
  const destructure = `const { ${own.join(', ')}${o.hasInput ? ', ...input' : ''} } = variables;`;
  return `(variables: ${cap(o.id)}Variables, context) => {\n      ${destructure}\n      return ${run};\n    }`;
}

function optionsSource(ops) {
  const out = [];
  for (const o of ops) {
    const lines = o.deprecated ? [DEPRECATED] : [];
    const name = lc(o.base);
    const pathArgs = o.op.pathParams.map((p) => `${p}: Skippable<string>`);
    const pathObj = o.op.pathParams.length ? `{ ${o.op.pathParams.join(', ')} }` : '{}';
    if (o.read && o.op.job) {
      const p = o.op.pathParams[0];
      const sig = (id, type) => `export function ${name}QueryOptions(client: MiniMaxCore, ${p}: ${id}, options?: JobPollOptions): ${type}<'${o.id}'>`;
      out.push(
        doc([`${o.summary}; polls until the ${o.op.job} job is final (\`${o.hook}\`): for a real id, \`useSuspenseQuery\` takes it too.`, ...lines]),
        `${sig('string', 'MiniMaxQueryOptions')};`,
        doc([`${o.summary}, or skipped (\`skipToken\`): for \`useQuery\` and the QueryClient methods.`, ...lines]),
        `${sig('Skippable<string>', 'MiniMaxSkippableQueryOptions')};`,
        `${sig('Skippable<string>', 'MiniMaxSkippableQueryOptions')} {
  return jobQueryOptionsOf(${o.op.job}Job, queryKeyOf('${o.tag}', '${o.id}', { ${p} }, undefined, scopeOf(client)), ${p}, (id, o) => ${(usedFunctions.add(o.id), o.id)}(client, id, o), options);
}`,
      );
    } else if (o.read) {
      const args = [...pathArgs, ...(o.hasInput ? [`input?: Skippable<Input<'${o.id}'>>`] : [])];
      const realArgs = [...o.op.pathParams.map((p) => `${p}: string`), ...(o.hasInput ? [`input?: Input<'${o.id}'>`] : [])];
      const skips = [...o.op.pathParams, ...(o.hasInput ? ['input'] : [])].map((a) => `${a} === skipToken`);
      const fn = `({ signal }: { signal: AbortSignal }) => ${readCall(o)}`;
      const sig = (a, type) => `export function ${name}QueryOptions(client: MiniMaxCore${a.length ? `, ${a.join(', ')}` : ''}): ${type}<'${o.id}'>`;
      const body = ` {
  return queryOptions<Output<'${o.id}'>, MiniMaxError, Output<'${o.id}'>, MiniMaxQueryKey<'${o.id}'>>({
    queryKey: queryKeyOf('${o.tag}', '${o.id}', ${pathObj}, ${o.hasInput ? 'input' : 'undefined'}, scopeOf(client)),
    queryFn: ${skips.length ? `${skips.join(' || ')} ? skipToken : ${fn}` : fn},
    retry: false,
  })${skips.length ? '' : ` as MiniMaxQueryOptions<'${o.id}'>`};
}`;
      if (skips.length) {
        out.push(
          doc([`${o.summary} (\`${o.hook}\`): with real ids and input, \`useSuspenseQuery\` takes it too.`, ...lines]),
          `${sig(realArgs, 'MiniMaxQueryOptions')};`,
          doc([`${o.summary}, or skipped (\`skipToken\`): for \`useQuery\` and the QueryClient methods.`, ...lines]),
          `${sig(args, 'MiniMaxSkippableQueryOptions')};`,
          `${sig(args, 'MiniMaxSkippableQueryOptions')}${body}`,
        );
      } else {
        out.push(doc([`${o.summary} (\`${o.hook}\`).`, ...lines]), `${sig(args, 'MiniMaxQueryOptions')}${body}`);
      }
      if (o.op.pagination) {
        const pg = o.op.pagination;
        out.push(
          doc([`How \`${o.id}\` pages: ${pg.cursorParam ? `the cursor \`${pg.cursorParam}\` takes the last item's \`${pg.cursorField}\`` : `\`${pg.pageParam}\` counts up from 1`}.`]),
          `const ${o.id}Pages = ${toSource(pg)} as const satisfies PaginationDescriptor;`,
          doc([`${o.summary}, page by page (\`${o.hook}Infinite\`): the page param is \`${pg.cursorParam ?? pg.pageParam}\`, absent from the first page; \`useSuspenseInfiniteQuery\` takes it too.`, ...lines]),
          `export function ${name}InfiniteQueryOptions(client: MiniMaxCore, input?: InfiniteInput<'${o.id}'>): MiniMaxInfiniteQueryOptions<'${o.id}'>;`,
          doc([`${o.summary}, page by page, or skipped (\`skipToken\`): for \`useInfiniteQuery\` and the QueryClient methods.`, ...lines]),
          `export function ${name}InfiniteQueryOptions(client: MiniMaxCore, input?: Skippable<InfiniteInput<'${o.id}'>>): MiniMaxSkippableInfiniteQueryOptions<'${o.id}'>;`,
          `export function ${name}InfiniteQueryOptions(
  client: MiniMaxCore,
  input?: Skippable<InfiniteInput<'${o.id}'>>,
): MiniMaxSkippableInfiniteQueryOptions<'${o.id}'> {
  return infiniteQueryOptions<Output<'${o.id}'>, MiniMaxError, InfiniteListData<'${o.id}'>, MiniMaxInfiniteQueryKey<'${o.id}'>, PageParam<'${o.id}'>>({
    queryKey: infiniteQueryKeyOf('${o.tag}', '${o.id}', input, scopeOf(client)),
    queryFn:
      input === skipToken
        ? skipToken
        : ({ pageParam, signal }: { pageParam: PageParam<'${o.id}'>; signal: AbortSignal }) =>
            ${readCall(o, '{ signal }', `pageInput<Input<'${o.id}'>>(${o.id}Pages, input, pageParam)`)},
    initialPageParam: undefined as PageParam<'${o.id}'>,
    getNextPageParam: nextPageParamOf<Output<'${o.id}'>, PageParam<'${o.id}'>>(${o.id}Pages, input === skipToken ? undefined : input),
    retry: false,
  });
}`,
        );
      }
    } else {
      const effects = EFFECTS[o.id];
      const sse = o.op.success === 'sse';
      const optionsType = sse ? `CacheUpdateOptions & { onEvent?: ((data: EventData<'${o.id}'>) => void) | undefined }` : 'CacheUpdateOptions';
      out.push(
        doc([`Variables of \`${o.hook}\` and \`${name}MutationOptions\`.`]),
        `export type ${cap(o.id)}Variables = ${variablesType(o)};`,
        doc([`What \`${o.id}\` does to the cache: ${effects.length ? effects.map(effectText).join('; ') : 'nothing'}${o.creates ? '; it starts a paid job, so it is single-flight' : ''}.`]),
        `const ${o.id}Plan: MutationPlan = { operation: '${o.id}', effects: ${toSource(effects)}${o.creates ? ', creates: true' : ''} };`,
        doc([
          `${o.summary} (\`${o.hook}\`)${o.fixed ? `, sent with ${Object.entries(o.fixed).map(([k, v]) => `\`${k}: ${v}\``).join(', ')}` : ''}${sse ? '; resolves with the last event of the stream' : ''}.`,
          ...lines,
        ]),
        `export function ${name}MutationOptions(
  client: MiniMaxCore,
  options?: ${optionsType},
): MiniMaxMutationOptions<'${o.id}', ${mutationData(o)}, ${cap(o.id)}Variables> {
  return {
    mutationKey: mutationKeyOf('${o.tag}', '${o.id}'),
    mutationFn: ${mutationBody(o)},
  };
}`,
      );
    }
  }
  return `${HEADER}import { infiniteQueryOptions, queryOptions, skipToken } from '@tanstack/react-query';
import {
${[...usedFunctions].sort().map((f) => `  ${f},`).join('\n')}
} from '@useapi-minimax/client';
import type { EventData, Input, MiniMaxCore, MiniMaxError, Output, UploadData } from '@useapi-minimax/client';
import { ${jobFactNames(ops).join(', ')}, type PaginationDescriptor } from '@useapi-minimax/client/internal';
import {
  infiniteQueryKeyOf,
  mutationKeyOf,
  queryKeyOf,
  scopeOf,
  type InfiniteInput,
  type InfiniteListData,
  type MiniMaxInfiniteQueryKey,
  type MiniMaxQueryKey,
  type PageParam,
  type Skippable,
} from '../keys.js';
import { withCacheEffects, type CacheUpdateOptions, type MutationPlan } from '../mutations.js';
import type {
  MiniMaxInfiniteQueryOptions,
  MiniMaxMutationOptions,
  MiniMaxQueryOptions,
  MiniMaxSkippableInfiniteQueryOptions,
  MiniMaxSkippableQueryOptions,
} from '../option-types.js';
import { nextPageParamOf, pageInput } from '../pagination.js';
import { jobQueryOptionsOf, type JobPollOptions } from '../polling.js';
import { lastEvent } from '../streams.js';

${tidy(out)}
`;
}

function effectText(e) {
  const key = (k) => `\`${k.join('/')}\``;
  if (e.invalidate) return `invalidates ${key(e.invalidate)}`;
  if (e.invalidateItem) return `invalidates ${key(e.invalidateItem)} of \`${e.from}\``;
  if (e.removeItem) return `removes ${key(e.removeItem)} of \`${e.from}\``;
  if (e.removeFromList) return `removes \`${e.from}\` from the cached ${key(e.removeFromList)} lists`;
  if (e.seed) return `seeds ${key(e.seed)} with the answer`;
  throw new Error(`codegen(react): unknown effect ${JSON.stringify(e)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// hooks.ts

function hooksSource(ops) {
  const out = [];
  for (const o of ops) {
    const lines = o.deprecated ? [DEPRECATED] : [];
    const name = lc(o.base);
    const path = o.op.pathParams;
    if (o.read && o.op.job) {
      const p = path[0];
      const kind = o.op.job;
      out.push(
        doc([`${o.summary}; polls until the ${kind} job is final, shared by every component watching the same id.`, ...lines]),
        `export function ${o.hook}<TData = Output<'${o.id}'>>(
  ${p}: Skippable<string> | null | undefined,
  options?: JobQueryHookOptions<'${kind}', TData, MiniMaxQueryKey<'${o.id}'>>,
  queryClient?: QueryClient,
): UseQueryResult<TData, MiniMaxError> {
  const id = ${p} ?? skipToken;
  return useJobQueryOf(${kind}Job, id, ${name}QueryOptions(useMiniMaxClient(), id, options), options, queryClient);
}`,
        doc([`${o.summary}; suspends until the first snapshot, then polls like \`${o.hook}\`.`, ...lines]),
        `export function useSuspense${o.base}<TData = Output<'${o.id}'>>(
  ${p}: string,
  options?: SuspenseJobQueryHookOptions<'${kind}', TData, MiniMaxQueryKey<'${o.id}'>>,
  queryClient?: QueryClient,
): UseSuspenseQueryResult<TData, MiniMaxError> {
  return useSuspenseJobQueryOf(${kind}Job, ${p}, ${name}QueryOptions(useMiniMaxClient(), ${p}, options), options, queryClient);
}`,
      );
    } else if (o.read) {
      const params = [
        ...path.map((p) => `${p}: Skippable<string> | null | undefined`),
        ...(o.hasInput ? [`input?: Skippable<Input<'${o.id}'>>`] : []),
      ];
      const callArgs = [...path.map((p) => `${p} ?? skipToken`), ...(o.hasInput ? ['input'] : [])];
      const suspenseParams = [...path.map((p) => `${p}: string`), ...(o.hasInput ? [`input?: Input<'${o.id}'>`] : [])];
      const suspenseArgs = [...path, ...(o.hasInput ? ['input'] : [])];
      const factory = (args) => `${name}QueryOptions(${['useMiniMaxClient()', ...args].join(', ')})`;
      out.push(
        doc([`${o.summary}.`, ...lines]),
        `export function ${o.hook}<TData = Output<'${o.id}'>>(
${[...params, `options?: QueryHookOptions<Output<'${o.id}'>, TData, MiniMaxQueryKey<'${o.id}'>>`, 'queryClient?: QueryClient'].map((p) => `  ${p},`).join('\n')}
): UseQueryResult<TData, MiniMaxError> {
  return useReadQuery(${factory(callArgs)}, options, queryClient);
}`,
        doc([`${o.summary}; suspends until loaded.`, ...lines]),
        `export function useSuspense${o.base}<TData = Output<'${o.id}'>>(
${[...suspenseParams, `options?: SuspenseQueryHookOptions<Output<'${o.id}'>, TData, MiniMaxQueryKey<'${o.id}'>>`, 'queryClient?: QueryClient'].map((p) => `  ${p},`).join('\n')}
): UseSuspenseQueryResult<TData, MiniMaxError> {
  return useSuspenseReadQuery(${factory(suspenseArgs)}, options, queryClient);
}`,
      );
      if (o.op.pagination) {
        out.push(
          doc([`${o.summary}, page by page: \`fetchNextPage()\` sends the next \`${o.op.pagination.cursorParam ?? o.op.pagination.pageParam}\`.`, ...lines]),
          `export function ${o.hook}Infinite<TData = InfiniteListData<'${o.id}'>>(
  input?: Skippable<InfiniteInput<'${o.id}'>>,
  options?: InfiniteQueryHookOptions<Output<'${o.id}'>, PageParam<'${o.id}'>, TData, MiniMaxInfiniteQueryKey<'${o.id}'>>,
  queryClient?: QueryClient,
): UseInfiniteQueryResult<TData, MiniMaxError> {
  return useInfiniteListQuery(${name}InfiniteQueryOptions(useMiniMaxClient(), input), options, queryClient);
}`,
          doc([`${o.summary}, page by page; suspends until the first page is loaded.`, ...lines]),
          `export function useSuspense${o.base}Infinite<TData = InfiniteListData<'${o.id}'>>(
  input?: InfiniteInput<'${o.id}'>,
  options?: SuspenseInfiniteQueryHookOptions<Output<'${o.id}'>, PageParam<'${o.id}'>, TData, MiniMaxInfiniteQueryKey<'${o.id}'>>,
  queryClient?: QueryClient,
): UseSuspenseInfiniteQueryResult<TData, MiniMaxError> {
  return useSuspenseInfiniteListQuery(${name}InfiniteQueryOptions(useMiniMaxClient(), input), options, queryClient);
}`,
        );
      }
    } else {
      const sse = o.op.success === 'sse';
      const data = mutationData(o);
      const vars = `${cap(o.id)}Variables`;
      const hookOptions = `MutationHookOptions<${data}, ${vars}, TOnMutateResult>${sse ? ` & { onEvent?: ((data: EventData<'${o.id}'>) => void) | undefined }` : ''}`;
      out.push(
        doc([`${o.summary}; then ${EFFECTS[o.id].length ? EFFECTS[o.id].map(effectText).join(', ') : 'leaves the cache alone'}.`, ...lines]),
        `export function ${o.hook}<TOnMutateResult = unknown>(
  options?: ${hookOptions},
  queryClient?: QueryClient,
): UseMutationResult<${data}, MiniMaxError, ${vars}, TOnMutateResult> {
  return useMiniMaxMutation(${name}MutationOptions, options, queryClient${o.creates ? ', true' : ''});
}`,
      );
    }
  }
  const varTypes = ops.filter((o) => !o.read).map((o) => `${cap(o.id)}Variables`);
  const factories = ops.flatMap((o) => {
    const name = lc(o.base);
    if (!o.read) return [`${name}MutationOptions`];
    return [`${name}QueryOptions`, ...(o.op.pagination ? [`${name}InfiniteQueryOptions`] : [])];
  });
  return `${HEADER}import {
  skipToken,
  type QueryClient,
  type UseInfiniteQueryResult,
  type UseMutationResult,
  type UseQueryResult,
  type UseSuspenseInfiniteQueryResult,
  type UseSuspenseQueryResult,
} from '@tanstack/react-query';
import type { EventData, Input, MiniMaxError, Output } from '@useapi-minimax/client';
import { ${jobFactNames(ops).join(', ')} } from '@useapi-minimax/client/internal';
import { useJobQueryOf, useSuspenseJobQueryOf, type JobQueryHookOptions, type SuspenseJobQueryHookOptions } from '../job-hooks.js';
import type { InfiniteInput, InfiniteListData, MiniMaxInfiniteQueryKey, MiniMaxQueryKey, PageParam, Skippable } from '../keys.js';
import { useMiniMaxMutation, type MutationHookOptions } from '../mutations.js';
import { useMiniMaxClient } from '../provider.js';
import {
  useInfiniteListQuery,
  useReadQuery,
  useSuspenseInfiniteListQuery,
  useSuspenseReadQuery,
  type InfiniteQueryHookOptions,
  type QueryHookOptions,
  type SuspenseInfiniteQueryHookOptions,
  type SuspenseQueryHookOptions,
} from '../query-hooks.js';
import {
${[...factories, ...varTypes.map((t) => `type ${t}`)].map((n) => `  ${n},`).join('\n')}
} from './options.js';

${tidy(out)}
`;
}

export const reactTarget = {
  name: 'react',
  outDir: 'packages/react/src/generated',
  async generate() {
    const spec = loadSpec();
    const table = buildOperationsTable();
    const infos = Object.fromEntries(listOperations(spec).map((o) => [o.operationId, o]));
    const ops = Object.entries(table).map(([id, op]) => describe(id, op, infos[id]));
    const hooks = new Set();
    for (const o of ops) {
      if (!/^use[A-Z]/.test(o.hook) || hooks.has(o.hook)) throw new Error(`codegen(react): bad or duplicate x-sdk.hook ${o.hook} (${o.id})`);
      hooks.add(o.hook);
      if (o.op.job && (!o.read || o.op.pathParams.length !== 1 || o.hasInput)) throw new Error(`codegen(react): job read ${o.id} must be a GET of one id`);
      if (!o.read && o.op.body === 'raw' && o.op.fields.data) throw new Error(`codegen(react): ${o.id} has an input field named data`);
    }
    checkEffects(ops);
    return {
      'keys.ts': keysSource(ops, spec),
      'options.ts': optionsSource(ops),
      'hooks.ts': hooksSource(ops),
    };
  },
};
