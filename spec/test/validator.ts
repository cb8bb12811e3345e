// Ajv over the whole spec document, so `#/components/...` refs resolve as they are written.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { loadSpec } from '../lib/index.js';

const SPEC_ID = 'https://useapi-minimax.local/openapi.json';

export function createSpecValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema(loadSpec(), SPEC_ID);
  const cache = new Map<string, ValidateFunction>();
  /** Compiles the schema found at a JSON pointer of the spec (e.g. `#/paths/~1music/get/...`). */
  return function validatorAt(pointer: string): ValidateFunction {
    let fn = cache.get(pointer);
    if (!fn) {
      fn = ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
      cache.set(pointer, fn);
    }
    return fn;
  };
}

/** Escapes one JSON-pointer segment. */
export const esc = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');
