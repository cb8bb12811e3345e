// A webhook receiver instance with no worker in it: it matches callbacks through Redis and publishes the
// wake-ups. The test runs two behind a round-robin proxy. Prints `listening <url>`, then one line per callback.
//   node receiver.mjs <redis url> <batch>
import { createWebhookReceiver, listenWebhooks } from '../../dist/index.js';
import { redisBackend } from '../../dist/redis/index.js';

const [redisUrl, batch] = process.argv.slice(2);
const backend = redisBackend({ connection: redisUrl, batch, work: false });
const handler = createWebhookReceiver({
  correlation: backend.correlation,
  onCallback: (e) => process.stdout.write(`callback ${e.id} ${e.matched ?? '-'}\n`),
});
const server = await listenWebhooks(handler);
process.stdout.write(`listening ${server.url}\n`);
process.on('SIGTERM', async () => {
  await server.close();
  await backend.close();
  process.exit(0);
});
