// Batch manifests: the vendor scripts' `videos.json` (prompts, an optional local `file`) and `lines.json`
// (`name`, `text`, `voice_id`) as they are, a JSON array of either, or JSON Lines (one job per line). Every
// field other than the local ones (`kind`, `key`, `name`, `file`, `files`) is passed to the create as it is.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { isSubmitKind, submitKinds, type BatchItem, type SubmitKind } from '@useapi-minimax/runner';

/** One problem of a manifest, by line (1-based item number). */
export interface ManifestIssue {
  /** Item number (1-based), or 0 for the file itself. */
  readonly item: number;
  readonly field: string;
  readonly message: string;
}

/** A parsed manifest. */
export interface Manifest {
  readonly path: string;
  readonly format: 'json' | 'jsonl';
  readonly items: BatchItem[];
  readonly issues: ManifestIssue[];
}

const LOCAL = new Set(['kind', 'key', 'name', 'file', 'files']);

/** The kind of a line: its own `kind`, else the command's `--kind`, else speech when it has `text`, else video. */
function kindOf(line: Record<string, unknown>, fallback: SubmitKind | undefined): unknown {
  if (line.kind !== undefined) return line.kind;
  if (fallback) return fallback;
  return typeof line.text === 'string' ? 'speech' : 'video';
}

/** Reads and parses a manifest (nothing is checked against the API here: see `checkJob`). */
export function readManifest(path: string, options: { kind?: SubmitKind | undefined } = {}): Manifest {
  const text = readFileSync(path, 'utf8');
  const base = dirname(resolve(path));
  const issues: ManifestIssue[] = [];
  let raw: unknown[] = [];
  let format: Manifest['format'] = 'json';
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    try {
      raw = JSON.parse(text) as unknown[];
    } catch (error) {
      issues.push({ item: 0, field: 'file', message: `not valid JSON: ${(error as Error).message}` });
    }
  } else {
    format = 'jsonl';
    text.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim() || line.trimStart().startsWith('//')) return;
      try {
        raw.push(JSON.parse(line));
      } catch {
        issues.push({ item: i + 1, field: 'line', message: `line ${i + 1} is not JSON` });
      }
    });
  }
  const items: BatchItem[] = [];
  const keys = new Map<string, number>();
  raw.forEach((value, i) => {
    const n = i + 1;
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      issues.push({ item: n, field: 'item', message: 'must be an object' });
      return;
    }
    const line = value as Record<string, unknown>;
    const kind = kindOf(line, options.kind);
    if (!isSubmitKind(kind)) {
      issues.push({ item: n, field: 'kind', message: `must be one of ${Object.keys(submitKinds).join(', ')} (got ${JSON.stringify(kind)})` });
      return;
    }
    const info = submitKinds[kind];
    const input: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(line)) if (!LOCAL.has(k)) input[k] = v;
    const files: Record<string, string> = {};
    const at = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
    if (line.file !== undefined) {
      if (typeof line.file !== 'string' || !line.file) issues.push({ item: n, field: 'file', message: 'must be a path' });
      else files[info.kind === 'agent' ? 'file' : info.fileFields[0] ?? 'file'] = at(line.file);
    }
    if (line.files !== undefined) {
      if (!line.files || typeof line.files !== 'object' || Array.isArray(line.files)) issues.push({ item: n, field: 'files', message: 'must be an object of field → path' });
      else for (const [field, p] of Object.entries(line.files as Record<string, unknown>)) {
        if (typeof p === 'string' && p) files[field] = at(p);
        else issues.push({ item: n, field: `files.${field}`, message: 'must be a path' });
      }
    }
    const given = line.key ?? line.name;
    if (given !== undefined && (typeof given !== 'string' || !given)) {
      issues.push({ item: n, field: line.key !== undefined ? 'key' : 'name', message: 'must be a non-empty string' });
      return;
    }
    const key = given as string | undefined;
    if (key !== undefined) {
      const first = keys.get(key);
      if (first !== undefined) issues.push({ item: n, field: line.key !== undefined ? 'key' : 'name', message: `${JSON.stringify(key)} is also item ${first}'s: names must be unique` });
      keys.set(key, n);
    }
    // Like the vendor's scripts: a video needs a prompt or a file, a line needs its text.
    if (kind === 'video' && input.prompt === undefined && Object.keys(files).length === 0) issues.push({ item: n, field: 'prompt', message: 'a video needs a prompt or a file' });
    items.push({ kind, input, ...(key !== undefined ? { key } : {}), ...(Object.keys(files).length ? { files } : {}) } as BatchItem);
  });
  if (!issues.length && items.length === 0) issues.push({ item: 0, field: 'file', message: 'holds no job' });
  return { path, format, items, issues };
}
