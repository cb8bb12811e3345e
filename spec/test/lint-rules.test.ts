// The spec gate's own rules must be able to fail: lint a copy of the spec broken in one place per rule.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { specPath } from '../lib/index.js';

const require = createRequire(import.meta.url);
const redoclyBin = join(require.resolve('@redocly/cli/package.json'), '..', 'bin', 'cli.js');
const configPath = fileURLToPath(new URL('../redocly.yaml', import.meta.url));

function lint(yamlText: string): { ruleId: string; message: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'spec-lint-'));
  const file = join(dir, 'openapi.yaml');
  writeFileSync(file, yamlText);
  copyFileSync(configPath, join(dir, 'redocly.yaml'));
  let out: string;
  try {
    out = execFileSync(process.execPath, [redoclyBin, 'lint', file, '--config', join(dir, 'redocly.yaml'), '--format=json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  }
  return JSON.parse(out.slice(out.indexOf('{'))).problems;
}

/** Replaces the first occurrence of `find` after each of `anchors` in turn. */
function breakAt(text: string, anchors: string[], find: string, replace: string): string {
  let start = 0;
  for (const anchor of anchors) {
    start = text.indexOf(anchor, start);
    if (start < 0) throw new Error(`mutation anchor not found: ${anchor}`);
  }
  const at = text.indexOf(find, start);
  if (at < 0) throw new Error(`mutation target not found: ${find}`);
  return text.slice(0, at) + replace + text.slice(at + find.length);
}

describe('the spec gate (redocly lint with the project rules)', () => {
  const original = readFileSync(specPath, 'utf8');

  it('passes the spec with zero problems', () => {
    expect(lint(original)).toEqual([]);
  });

  it('fails when an operation does not answer 401, a 2xx has no content, schema or example, or x-sdk is missing', () => {
    let broken = breakAt(original, ['operationId: getFeatures'], "'401': { $ref: '#/components/responses/Unauthorized' }", "'403': { $ref: '#/components/responses/Unauthorized' }");
    broken = breakAt(broken, ['operationId: cancelVideo', "'200':"], 'content:', 'x-content:');
    broken = breakAt(broken, ['operationId: listScheduledJobs'], 'example:', 'x-example:');
    broken = breakAt(broken, ['operationId: deleteFile'], 'x-sdk:', 'x-other:');
    broken = breakAt(broken, ['operationId: listAgentJobs'], "schema: { $ref: '#/components/schemas/AgentJobsRunning' }", "x-schema: { $ref: '#/components/schemas/AgentJobsRunning' }");
    const rules = [...new Set(lint(broken).map((p) => p.ruleId))].sort();
    expect(rules).toEqual([
      // A side effect of the x-schema mutation: AgentJobsRunning is then referenced nowhere.
      'no-unused-components',
      'rule/operation-answers-401',
      'rule/operation-has-x-sdk',
      'rule/success-media-has-example',
      'rule/success-media-has-schema',
      'rule/success-response-has-content',
    ]);
  });

  it('fails on a duplicate operationId', () => {
    const broken = breakAt(original, ['operationId: listFiles'], 'operationId: listFiles', 'operationId: listVideos');
    expect(lint(broken).map((p) => p.ruleId)).toContain('operation-operationId-unique');
  });
});
