// Verifies Defuse webhooks the way the Standard Webhooks specification says, with Node alone.
// Run it:   WEBHOOK_SECRET=whsec_… PORT=4000 node docs/examples/verify-webhook.mjs
// and subscribe http://<this host>:4000/ in Settings → Integrations. It answers 204 to a genuine
// delivery it has not seen, 400 to a forged, stale or replayed one. Libraries for other languages:
// https://github.com/standard-webhooks/standard-webhooks
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

/** Seconds a delivery's timestamp may be away from our clock (replays of old deliveries fail). */
const TOLERANCE_SECONDS = 5 * 60;

/**
 * The parsed payload when `webhook-signature` holds a v1 signature made with `secret` over
 * "id.timestamp.body" and the timestamp is recent; throws otherwise.
 */
export function verifyWebhook(secret, headers, body, now = Date.now()) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) throw new Error('missing webhook headers');
  if (Math.abs(now / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) throw new Error('timestamp too old or too new');
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = Buffer.from(createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64'));
  // During a secret rotation there are several: one matching is enough.
  const ok = signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    const given = Buffer.from(signature ?? '');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!ok) throw new Error('no valid signature');
  return JSON.parse(body);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const secret = process.env.WEBHOOK_SECRET ?? '';
  if (!secret.startsWith('whsec_')) throw new Error('set WEBHOOK_SECRET to the whsec_… secret Defuse showed you');
  const seen = new Set(); // webhook-ids handled: a retry or redelivery of one is acknowledged, not acted on twice
  createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      try {
        const event = verifyWebhook(secret, req.headers, body);
        const id = req.headers['webhook-id'];
        if (!seen.has(id)) console.log(event.type, JSON.stringify(event.data));
        seen.add(id);
        res.writeHead(204).end();
      } catch (error) {
        console.error('refused:', error.message);
        res.writeHead(400).end();
      }
    });
  }).listen(Number(process.env.PORT ?? 4000), () => console.log(`listening on ${process.env.PORT ?? 4000}`));
}
