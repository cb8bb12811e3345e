#!/usr/bin/env node
// The overhead bench's HTTP server, in a process of its own (forked by overhead.mjs) so that serving the answers
// is not measured as the client's time: keep-alive, a fixed JSON body per route. Sends its port over IPC.
import { createServer } from 'node:http';

const MUSIC_ID = 'user:12345-minimax:987654321-music:512345678901234567';
const song = JSON.stringify({ musicId: MUSIC_ID, title: 'Open Road', status: 2, statusLabel: 'completed', statusFinal: true, audioURL: 'https://cdn.example/x.mp3', duration: 124 });
const accounts = JSON.stringify({ 987654321: { account: '987654321', maxJobs: 3, supportVideo: true, supportAudio: true } });

const server = createServer((req, res) => {
  const body = req.url.startsWith('/v1/minimax/music/') ? song : accounts;
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
// The parent's exit (or its disconnect) ends the server.
process.on('disconnect', () => server.close(() => process.exit(0)));
