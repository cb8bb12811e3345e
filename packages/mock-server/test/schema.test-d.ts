// The handlers' request types say what a handler really gets: a field with a spec `default` may be absent from
// the request (the old mock schema, generated with defaultNonNullable, claimed it was always there).
import { expectTypeOf } from 'vitest';
import type { OpParams } from '../src/families/types.js';

type Seedance = Extract<OpParams<'createVideo'>, { duration?: unknown }>;
expectTypeOf<undefined>().toMatchTypeOf<OpParams<'createVideo'>['promptOptimization']>();
expectTypeOf<undefined>().toMatchTypeOf<Seedance['duration']>();
// @ts-expect-error: `duration` may be undefined, so it is not a plain number.
expectTypeOf<Seedance['duration']>().toEqualTypeOf<number>();
