// Stand-in media for the mock's CDN URLs, made in the browser: an SVG poster per image/cover URL and a short
// WAV tune for songs, so cards and the <audio> player work with no network at all.

/** A deterministic hue from a string. */
function hue(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h % 360;
}

const escape = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** An SVG placeholder for a media URL: a gradient seeded by the URL, and a label. */
export function placeholderSvg(url: string, label: string): string {
  const a = hue(url);
  const b = (a + 70) % 360;
  const tail = (url.match(/\d{6,}/g)?.pop() ?? url).slice(-6);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400" viewBox="0 0 640 400">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${a} 70% 55%)"/><stop offset="1" stop-color="hsl(${b} 70% 35%)"/></linearGradient></defs>
<rect width="640" height="400" fill="url(#g)"/>
<circle cx="${120 + (hue(tail) % 400)}" cy="${100 + (hue(url + 'y') % 200)}" r="90" fill="rgba(255,255,255,0.18)"/>
<text x="32" y="360" font-family="system-ui, sans-serif" font-size="28" fill="white" opacity="0.9">${escape(label)} · ${escape(tail)}</text>
</svg>`;
}

let wav: Uint8Array | undefined;

/** A 3-second mono WAV (an arpeggio), built once. */
export function tuneWav(): Uint8Array {
  if (wav) return wav;
  const rate = 8000;
  const seconds = 3;
  const samples = rate * seconds;
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, s: string) => [...s].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples * 2, true);
  const notes = [261.63, 329.63, 392.0, 523.25, 392.0, 329.63];
  const per = samples / notes.length;
  for (let i = 0; i < samples; i++) {
    const note = notes[Math.floor(i / per)] ?? 440;
    const t = (i % per) / rate;
    const value = Math.sin(2 * Math.PI * note * (i / rate)) * Math.exp(-3 * t) * 0.4;
    view.setInt16(44 + i * 2, Math.round(value * 32767), true);
  }
  wav = bytes;
  return wav;
}
