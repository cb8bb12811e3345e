import { describe, expect, it } from 'vitest';
import { bar, formatDuration, ProgressLine, type Sink } from '../src/progress.js';

function sink(isTTY: boolean, columns?: number): Sink & { text: string } {
  const s = { isTTY, columns, text: '', write: (chunk: string) => void (s.text += chunk) };
  return s;
}

function clock() {
  let t = 1000;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('ProgressLine', () => {
  it('prints one plain line per change off a terminal', () => {
    const out = sink(false);
    const c = clock();
    const line = new ProgressLine(out, 'song', { now: c.now });
    line.update('queued');
    line.update('queued');
    c.advance(1500);
    line.update('running 10%', 'running:0');
    line.update('running 20%', 'running:0');
    line.done('✔ completed');
    line.update('late'); // ignored once done
    expect(out.text).toBe('  song: queued (0 ms)\n  song: running 10% (1.5 s)\n  song: ✔ completed (1.5 s)\n');
  });

  it('rewrites a single line on a terminal and ends it with a newline', () => {
    const out = sink(true);
    const c = clock();
    const line = new ProgressLine(out, 'song', { now: c.now, tick: false });
    line.update('queued');
    c.advance(200);
    line.update('running');
    line.done('✔ completed');
    const writes = out.text.split('\r\x1b[2K').filter(Boolean);
    expect(writes).toEqual(['  ⠋ song: queued 0 ms', '  ⠙ song: running 200 ms', '  song: ✔ completed (200 ms)\n']);
    expect(out.text.match(/\n/g)).toHaveLength(1);
  });

  it('fits the terminal width', () => {
    const out = sink(true, 20);
    const line = new ProgressLine(out, 'a long label', { tick: false });
    line.update('running with a long message');
    expect(out.text.replace('\r\x1b[2K', '')).toHaveLength(19);
    line.done('done');
  });
});

describe('formatDuration and bar', () => {
  it('formats', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1250)).toBe('1.3 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
    expect(bar(0, 4)).toBe('[----]');
    expect(bar(50, 4)).toBe('[##--]');
    expect(bar(150, 4)).toBe('[####]');
  });
});
