// What the runner can submit: one entry per create operation that starts a job. The job facts (kind, id field,
// forced inputs, whether the create takes `replyRef`) come from the client's generated tables; the runner adds
// only what the API documents about capacity and account capabilities.
import type { Input, JobKind } from '@useapi-minimax/client';
import { jobCreators, operations, type OperationDescriptor } from '@useapi-minimax/client/internal';

/** What `submit(kind, …)` creates: the five job kinds, with the two eras of music told apart. */
export type SubmitKind = 'video' | 'image' | 'speech' | 'agent' | 'music' | 'music-legacy';

/** The input of `submit(kind, input)`: the create operation's input (the runner fills `account`, `replyRef`, `replyUrl`). */
export interface SubmitInputs {
  /** `POST /videos/create`. */
  video: Input<'createVideo'>;
  /** `POST /images/create` (one job, up to `quantity` images). */
  image: Input<'createImages'>;
  /** `POST /speech/create`. */
  speech: Input<'createSpeech'>;
  /** `POST /agent` (sent with `async: true`). */
  agent: Input<'runAgent'>;
  /** `POST /music/create` (Music 3.0 / 2.6, sent with `stream: false`). */
  music: Input<'createMusic'>;
  /** The legacy lyrics-to-song `GET /music/create` (decommissioned upstream; one generation per account at a time). */
  'music-legacy': Input<'createMusicLegacy'>;
}

/**
 * A capacity pool: the slots an account has for one kind of work. `video` slots are the account's `maxJobs` as
 * `GET /scheduler/available` counts them; `speech` is read from its `executingAudio`; legacy music runs one
 * generation at a time per account; the others have no documented count (limits are learned from 429s).
 */
export type Pool = 'video' | 'image' | 'speech' | 'agent' | 'music' | 'music-legacy';

/** The account flag (`GET /accounts`) an account needs for a kind; `undefined`: any account without `error`. */
type SupportFlag = 'supportVideo' | 'supportAudio' | 'supportMusic' | undefined;

/** How the runner creates and follows one submit kind. */
export interface KindInfo {
  /** The submit kind. */
  readonly kind: SubmitKind;
  /** The job kind that follows (`describeJob`, `waitFor`). */
  readonly job: JobKind;
  /** operationId of the create. */
  readonly operation: 'createVideo' | 'createImages' | 'createSpeech' | 'runAgent' | 'createMusic' | 'createMusicLegacy';
  /** Resource and method of the create (`client[tag][method]`). */
  readonly tag: string;
  readonly method: string;
  /** Field of the create's answer that holds the new id (or ids, `many`). */
  readonly idField: string;
  /** The create answers a list of ids (images). */
  readonly many: boolean;
  /** Inputs the runner forces (`async: true`, `stream: false`). */
  readonly fixed: Readonly<Record<string, unknown>>;
  /** The create accepts `replyRef`/`replyUrl` (every live create does; the legacy music create does not). */
  readonly replyRef: boolean;
  /** The capacity pool the job takes a slot of. */
  readonly pool: Pool;
  /** The account capability the kind needs. */
  readonly support: SupportFlag;
  /** Input fields that take a `fileID` uploaded to the job's account; the first is where a manifest's `file` goes. */
  readonly fileFields: readonly string[];
}

const OPERATION: Record<SubmitKind, KindInfo['operation']> = {
  video: 'createVideo',
  image: 'createImages',
  speech: 'createSpeech',
  agent: 'runAgent',
  music: 'createMusic',
  'music-legacy': 'createMusicLegacy',
};

// hailuoai.video accounts make videos and images; minimax.io/audio accounts speech and music; hailuoai.com/music
// accounts the legacy songs. Agent jobs run on any configured account.
const SUPPORT: Record<SubmitKind, SupportFlag> = {
  video: 'supportVideo',
  image: 'supportVideo',
  speech: 'supportAudio',
  music: 'supportAudio',
  'music-legacy': 'supportMusic',
  agent: undefined,
};

function info(kind: SubmitKind): KindInfo {
  const operation = OPERATION[kind];
  const op = (operations as Record<string, OperationDescriptor>)[operation]!;
  const creator = (jobCreators as Record<string, { kind: JobKind; idField: string; many?: boolean; fixed?: Record<string, unknown> }>)[operation]!;
  const fileFields = Object.keys(op.fields).filter((f) => /^(fileID|end_frame_fileID|videoFileID|audioFileID|characterFileId|referenceFileId)\d*$/.test(f));
  return {
    kind,
    job: creator.kind,
    operation,
    tag: op.tag,
    method: op.name,
    idField: creator.idField,
    many: creator.many === true,
    fixed: creator.fixed ?? {},
    replyRef: op.fields.replyRef !== undefined,
    pool: kind,
    support: SUPPORT[kind],
    fileFields,
  };
}

/** Every submit kind and how it is created. */
export const submitKinds: Readonly<Record<SubmitKind, KindInfo>> = Object.freeze({
  video: info('video'),
  image: info('image'),
  speech: info('speech'),
  agent: info('agent'),
  music: info('music'),
  'music-legacy': info('music-legacy'),
});

/** Whether a string is a submit kind. */
export function isSubmitKind(value: unknown): value is SubmitKind {
  return typeof value === 'string' && Object.hasOwn(submitKinds, value);
}
