// The CLI in process (`main(argv, io)`) against its embedded mock: every command, batch with the vendor's
// formats and downloads, --dry-run, --json, the exit code of each outcome class, and the token rules.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT, main } from '../src/index.js';

const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const TOKEN = 'user:424242-SecretTokenDoNotPrint';
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'cli-test-'));
  dirs.push(d);
  return d;
};

async function cli(args: string[], env: Record<string, string | undefined> = {}, cwd = tmp(), tty = false) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (t) => void (stdout += t) },
    stderr: { write: (t) => void (stderr += t), isTTY: tty, columns: 120 },
    env,
    cwd,
  });
  return { code, stdout, stderr, cwd };
}

describe('commands', () => {
  it('--help, an unknown command, a missing token', async () => {
    expect((await cli(['--help'])).code).toBe(EXIT.ok);
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toMatch(/unknown command: frobnicate/);
    const noToken = await cli(['accounts']);
    expect(noToken).toMatchObject({ code: EXIT.usage });
    expect(noToken.stderr).toMatch(/no API token: set USEAPI_TOKEN/);
  });

  it('accounts and scheduler (--mock, --json)', async () => {
    const accounts = await cli(['accounts', '--mock', '--json']);
    expect(accounts.code).toBe(0);
    expect(Object.keys(JSON.parse(accounts.stdout))).toHaveLength(2);
    const scheduler = await cli(['scheduler', '--mock']);
    expect(scheduler.stdout).toMatch(/maxJobs {2}executing/);
  });

  it('speech voices SEARCH lists matching voice ids', async () => {
    const r = await cli(['speech', 'voices', 'narrator', '--mock']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ voice\(s\) matching "narrator"/);
  });

  it('a create prints the id at once; --wait --download follows it and saves the result', async () => {
    const created = await cli(['videos', 'create', '--mock', '--prompt', 'A corgi', '--aspect-ratio', '16:9', '--model', 'Sora-2']);
    expect(created.code).toBe(0);
    expect(created.stdout.trim()).toMatch(/^user:12345-minimax:\d+-video:\d+$/);
    const dir = tmp();
    const done = await cli(['speech', 'create', '--mock', '--mock-job-ms', '300', '--text', 'Hello.', '--voice-id', '308172940561327', '--key', 'hello', '--download', dir, '--json']);
    expect(done.code).toBe(0);
    const json = JSON.parse(done.stdout);
    expect(json).toMatchObject({ key: 'hello', outcome: 'succeeded', files: [join(dir, 'hello.mp3')] });
    expect(existsSync(join(dir, 'hello.mp3'))).toBe(true);
  });

  it('a create with a bad field is refused before anything is sent, naming it', async () => {
    const r = await cli(['speech', 'create', '--mock', '--text', 'Hi', '--voice-id', 'x', '--speed', '9']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/speed/);
    const unknown = await cli(['images', 'create', '--mock', '--prompt', 'x', '--colour', 'red']);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toMatch(/unknown option --colour for image/);
  });

  it('the token: never printed; a positional token is used with a warning about shell history', async () => {
    const r = await cli(['accounts', TOKEN, '--mock']);
    expect(r.stderr).toMatch(/lands in your shell history; set USEAPI_TOKEN/);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });
});

describe('batch', () => {
  it('--mock runs the vendor videos.json format (a local file uploaded) with downloads', async () => {
    const dir = tmp();
    cpSync(examples, dir, { recursive: true });
    const first = await cli(['batch', 'videos.json', '--mock', '--mock-job-ms', '400', '--download', 'out'], {}, dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^jobs\s+4$/m);
    expect(first.stdout).toMatch(/^created\s+4$/m);
    expect(first.stdout).toMatch(/^downloaded\s+4$/m);
    expect(first.stdout).toMatch(/1 uploads/);
    const videos = readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.mp4'));
    expect(videos).toHaveLength(4);
    // The mock's own media: an MP4 box header, not a text placeholder.
    for (const file of videos) expect(readFileSync(join(dir, 'out', file)).subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it('lines in the vendor lines.json format (name → file name) and JSONL with kinds; --json', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'lines.json'), JSON.stringify([
      { name: '01-baseline', text: 'The last train leaves at midnight.', voice_id: '308172940561327' },
      { name: '02-emotion', text: 'And I still have not packed.', voice_id: '308172940561327', model: 'speech-2.8-hd', emotion: 'sad' },
    ]));
    const r = await cli(['batch', 'lines.json', '--mock', '--mock-job-ms', '300', '--download', 'audio', '--json'], {}, dir);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.counts).toMatchObject({ submitted: 2, succeeded: 2, downloaded: 2 });
    expect(readdirSync(join(dir, 'audio')).sort()).toEqual(['01-baseline.mp3', '02-emotion.mp3']);
    expect(readFileSync(join(dir, 'audio', '01-baseline.mp3')).subarray(0, 3).toString('latin1')).toBe('ID3');
    const jsonl = await cli(['batch', join(examples, 'lines.jsonl'), '--mock', '--mock-job-ms', '300', '--json', '--ledger', join(dir, 'l.jsonl')], {}, dir);
    expect(JSON.parse(jsonl.stdout).jobs.map((j: { kind: string }) => j.kind)).toEqual(['speech', 'speech', 'music']);
  });

  it('--dry-run checks everything (files, types, fields, names) and sends nothing', async () => {
    const ok = await cli(['batch', join(examples, 'videos.json'), '--dry-run']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/4 job\(s\) valid \(4 video\); nothing was sent/);
    const dir = tmp();
    writeFileSync(join(dir, 'notes.txt'), 'x');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify([
      { file: './missing.png', prompt: 'a' },
      { file: './notes.txt', prompt: 'b' },
      { name: 'dup', text: 'x', voice_id: 'v', speed: 9 },
      { name: 'dup', text: 'y', voice_id: 'v' },
      { kind: 'hologram', prompt: 'c' },
      {},
    ]));
    const bad = await cli(['batch', 'bad.json', '--dry-run', '--json'], {}, dir);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toMatch(/item 1: files\.fileID: .*missing\.png: does not exist/);
    expect(bad.stderr).toMatch(/item 2: files\.fileID: .*not a type the API takes/);
    expect(bad.stderr).toMatch(/item 3: speed/);
    expect(bad.stderr).toMatch(/item 4: name: "dup" is also item 3's/);
    expect(bad.stderr).toMatch(/item 5: kind: must be one of/);
    expect(bad.stderr).toMatch(/item 6: prompt: a video needs a prompt or a file/);
    expect(bad.stderr).toMatch(/nothing was sent/);
    expect(existsSync(join(dir, 'bad.ledger.jsonl'))).toBe(false);
  });

  it('an exit code per outcome class: moderated 4, failed 3', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'm.jsonl'), '{"prompt":"a [mock:moderated]"}\n{"prompt":"b"}\n');
    const m = await cli(['batch', 'm.jsonl', '--mock', '--mock-job-ms', '200'], {}, dir);
    expect(m.code).toBe(EXIT.moderated);
    expect(m.stdout).toMatch(/^moderated\s+1$/m);
    writeFileSync(join(dir, 'f.jsonl'), '{"kind":"image","prompt":"a [mock:failed]"}\n{"prompt":"b [mock:moderated-final]"}\n');
    const f = await cli(['batch', 'f.jsonl', '--mock', '--mock-job-ms', '200'], {}, dir);
    expect(f.code).toBe(EXIT.failed);
  });

  it('against a server that remembers (USEAPI_TOKEN, --base-url): a rerun resumes and creates nothing; --no-resume refuses', async () => {
    const { startMockServer } = await import('@useapi-minimax/mock-server/server');
    const { MOCK_TOKEN } = await import('@useapi-minimax/mock-server');
    const server = await startMockServer({ port: 0, jobMs: 300, accounts: 2 });
    try {
      const dir = tmp();
      cpSync(examples, dir, { recursive: true });
      const env = { USEAPI_TOKEN: MOCK_TOKEN };
      // The standalone mock serves its result URLs itself (under /__media/), so downloads work over HTTP too.
      const args = ['batch', 'videos.json', '--base-url', server.baseUrl, '--interval-ms', '100', '--download', 'out'];
      const first = await cli(args, env, dir);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/^created\s+4$/m);
      const second = await cli(args, env, dir);
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/^created\s+0$/m);
      expect(second.stdout).toMatch(/^succeeded\s+4$/m);
      expect(first.stdout).toMatch(/^downloaded\s+4$/m);
      expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.mp4'))).toHaveLength(4);
      expect(server.mock.calls('createVideo').filter((e) => e.status === 200)).toHaveLength(4);
      expect(server.mock.calls('uploadFile')).toHaveLength(1);
      const refused = await cli([...args, '--no-resume'], env, dir);
      expect(refused.code).toBe(EXIT.usage);
      expect(refused.stderr).toMatch(/already holds 4 job\(s\)/);
      expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain(MOCK_TOKEN);
      expect(readFileSync(join(dir, 'videos.ledger.jsonl'), 'utf8')).not.toContain(MOCK_TOKEN);
    } finally {
      await server.close();
    }
  });

  it('draws a live block on a TTY (log-update) with a summary line', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.jsonl'), '{"prompt":"one"}\n{"prompt":"two"}\n');
    const r = await cli(['batch', 'a.jsonl', '--mock', '--mock-job-ms', '300'], {}, dir, true);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/2\/2 done · 0 in flight · 0 waiting · 2 succeeded/);
    expect(r.stderr).toContain('\u001b['); // redrawn in place
  });
});
