// The one place that reads spec/openapi.yaml: the parsed document, JSON-pointer lookups and the operations
// table every package tests its coverage against. Plain JS so that Node scripts (codegen) and vitest share it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Absolute path of the OpenAPI document. */
export const specPath = fileURLToPath(new URL('../openapi.yaml', import.meta.url));

/** Absolute path of the docs' example fixtures. */
export const fixturesDir = fileURLToPath(new URL('../fixtures/docs/', import.meta.url));

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

let cached;

/** The parsed OpenAPI document ($refs left in place). */
export function loadSpec() {
  cached ??= parse(readFileSync(specPath, 'utf8'), { maxAliasCount: -1 });
  return cached;
}

/** Follows a local `#/…` JSON pointer. */
export function resolvePointer(doc, pointer) {
  if (!pointer.startsWith('#/')) throw new Error(`Only local $refs are supported: ${pointer}`);
  return pointer
    .slice(2)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((node, key) => {
      if (node == null || !(key in node)) throw new Error(`Unresolvable $ref ${pointer}`);
      return node[key];
    }, doc);
}

/** Returns the object a `$ref` points to (following chains), or the object itself. */
export function deref(doc, node) {
  let current = node;
  const seen = new Set();
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    if (seen.has(current.$ref)) throw new Error(`Circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    current = resolvePointer(doc, current.$ref);
  }
  return current;
}

/**
 * Every HTTP operation of the spec (webhooks excluded), in document order.
 * @returns {import('./index.d.ts').OperationInfo[]}
 */
export function listOperations(doc = loadSpec()) {
  const operations = [];
  for (const [path, pathItem] of Object.entries(doc.paths ?? {})) {
    const shared = pathItem.parameters ?? [];
    for (const method of HTTP_METHODS) {
      const op = pathItem[method];
      if (!op) continue;
      const parameters = [...shared, ...(op.parameters ?? [])].map((p) => deref(doc, p));
      const requestBody = op.requestBody ? deref(doc, op.requestBody) : undefined;
      const responses = Object.fromEntries(
        Object.entries(op.responses ?? {}).map(([status, r]) => [status, deref(doc, r)]),
      );
      const successStatuses = Object.keys(responses).filter((s) => /^2\d\d$/.test(s));
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        tag: op.tags?.[0],
        summary: op.summary,
        deprecated: op.deprecated === true,
        sdk: op['x-sdk'],
        parameters: parameters.map((p) => ({ name: p.name, in: p.in, required: p.required === true })),
        requestContentTypes: Object.keys(requestBody?.content ?? {}),
        requestBodyRequired: requestBody?.required === true,
        successStatuses,
        successContentTypes: [
          ...new Set(successStatuses.flatMap((s) => Object.keys(responses[s]?.content ?? {}))),
        ],
        errorStatuses: Object.keys(responses).filter((s) => !/^2\d\d$/.test(s)),
      });
    }
  }
  return operations;
}

/** The operations table, computed once. */
export const operations = listOperations();
