// Target `mock-server`: packages/mock-server/src/generated/{schema,spec,operations}.ts
import { loadSpec } from '@useapi-minimax/spec';
import { HEADER, buildOperationsTable, generateSchemaTypes, toSource } from './shared.mjs';

export const mockServerTarget = {
  name: 'mock-server',
  outDir: 'packages/mock-server/src/generated',
  async generate() {
    const spec = `${HEADER}
/** The OpenAPI document, as data: the mock validates every request and response against it. */
export const openapi: Record<string, any> = ${JSON.stringify(loadSpec(), null, 2)};
`;
    const operations = `${HEADER}
/** Every operation of the API, derived from the spec: route, body kinds and field rules. */
export const operations = ${toSource(buildOperationsTable())} as const;

/** An operationId of the API. */
export type OperationId = keyof typeof operations;
`;
    return { 'schema.ts': await generateSchemaTypes(), 'spec.ts': spec, 'operations.ts': operations };
  },
};
