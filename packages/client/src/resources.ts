// The resource methods of `createMiniMaxClient`: the per-operation functions grouped by tag
// (`client.<tag>.<name>(...pathParams, input?, options?)`), plus `listAll…`, `waitFor`, `poll` and `…AndWait`.
// The names come from the operations table; nothing here is per operation.
import type { MiniMaxCore } from './core.js';
import { resourceFunctions } from './generated/resource-functions.js';
import { jobCreators } from './generated/jobs.js';
import { operations } from './generated/operations.js';
import { createAndWait, followJob, waitFollowing, type GetJob, type JobCreator } from './jobs.js';
import type { OperationDescriptor } from './operation-descriptor.js';
import { paginate } from './pagination.js';
import type { RequestOptions } from './resource-types.js';
import { envOf } from './core.js';

type Method = (...args: any[]) => any;

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
/** `list` → `listAll`, `voices` → `listAllVoices`. */
export const listAllName = (name: string) => (name === 'list' ? 'listAll' : `listAll${cap(name)}`);

/** Every resource of a core: the 50 operations grouped by tag, plus the helpers. */
export function buildResources(core: MiniMaxCore): Record<string, Record<string, Method>> {
  const resources: Record<string, Record<string, Method>> = {};
  const table = operations as Record<string, OperationDescriptor>;
  const fns = resourceFunctions as unknown as Record<string, Method>;
  const getters: Record<string, GetJob> = {};
  for (const id in table) {
    const op = table[id]!;
    const fn = fns[id]!;
    const resource = (resources[op.tag] ??= {});
    const method: Method = (...args) => fn(core, ...args);
    resource[op.name] = method;
    if (op.pagination) {
      const pagination = op.pagination;
      resource[listAllName(op.name)] = (input?: Record<string, unknown>, options?: RequestOptions) =>
        paginate(pagination, (page) => method(page, options), input, (m) => envOf(core).log('warn', `${id}: ${m}`));
    }
    if (op.job) {
      const kind = op.job;
      const get: GetJob = (jobId, options) => method(jobId, options);
      getters[kind] = get;
      resource.waitFor = (jobId: string, options?: object) => waitFollowing(kind, get, jobId, options);
      resource.poll = (jobId: string, options?: object) => followJob(kind, get, jobId, options);
    }
  }
  const creators = jobCreators as Record<string, JobCreator>;
  for (const id in creators) {
    const op = table[id]!;
    const creator = creators[id]!;
    const resource = resources[op.tag]!;
    resource[`${op.name}AndWait`] = (input?: Record<string, unknown>, options?: object) => createAndWait(creator, resource[op.name]!, getters[creator.kind]!, input, options);
  }
  return resources;
}
