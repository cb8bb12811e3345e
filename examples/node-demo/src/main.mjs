// Placeholder until the client and mock server land: prints what the API offers, from the spec.
import { operations } from '@useapi-minimax/spec';

const byTag = new Map();
for (const op of operations) byTag.set(op.tag, [...(byTag.get(op.tag) ?? []), op]);
console.log(`useapi.net MiniMax API v1: ${operations.length} operations\n`);
for (const [tag, ops] of byTag) {
  console.log(`${tag}`);
  for (const op of ops) {
    const flag = op.deprecated ? ' (deprecated)' : '';
    console.log(`  client.${tag}.${op.sdk.method.padEnd(14)} ${op.method.padEnd(6)} ${op.path}${flag}`);
  }
}
