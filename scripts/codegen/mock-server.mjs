// Target `mock-server`: packages/mock-server/src/generated/{schema,spec,operations}.ts
// The operations table is the shared one plus what the mock needs from `x-sdk`: the schema of each SSE event
// (`event`, as a JSON pointer) and the job a create starts (`creates`), so scenarios and stream validation follow
// the spec instead of a hand-kept list.
import { listOperations, loadSpec } from '@useapi-minimax/spec';
import { HEADER, SCHEMA_OPTIONS, buildOperationsTable, generateSchemaTypes, toSource } from './shared.mjs';

/** The shared table with `event` (schema pointer of SSE `data:` objects) and `creates` (job kind) added. */
function mockOperationsTable() {
  const doc = loadSpec();
  const table = buildOperationsTable();
  for (const op of listOperations(doc)) {
    const entry = table[op.operationId];
    const { event, creates } = op.sdk;
    if (event) {
      if (!doc.components?.schemas?.[event]) throw new Error(`codegen(mock-server): ${op.operationId} x-sdk.event ${event} is not a schema`);
      entry.event = `#/components/schemas/${event}`;
    }
    if (creates) entry.creates = creates.job;
  }
  return table;
}

export const mockServerTarget = {
  name: 'mock-server',
  outDir: 'packages/mock-server/src/generated',
  async generate() {
    const spec = `${HEADER}
/** The OpenAPI document, as data: the mock validates every request and response against it. */
export const openapi: Record<string, any> = ${JSON.stringify(loadSpec(), null, 2)};
`;
    const operations = `${HEADER}
/**
 * Every operation of the API, derived from the spec: route, body kinds and field rules, plus \`event\` (the schema
 * of each SSE \`data:\` object) and \`creates\` (the job kind a create starts).
 */
export const operations = ${toSource(mockOperationsTable())} as const;

/** An operationId of the API. */
export type OperationId = keyof typeof operations;
`;
    return { 'schema.ts': await generateSchemaTypes(SCHEMA_OPTIONS), 'spec.ts': spec, 'operations.ts': operations };
  },
};
