import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedWebhook = { path: string; headers: IncomingHttpHeaders; body: string };

/**
 * A real HTTP receiver on 127.0.0.1 that records what it is sent and answers with the status
 * `answer` gives (200 unless told otherwise); `location` is sent with a 3xx.
 */
export async function startWebhookReceiver(answer: (n: number) => { status: number; location?: string } = () => ({ status: 200 })) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const { status, location } = answer(received.length);
      res.writeHead(status, location ? { location } : {});
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The headers the Standard Webhooks verifier reads, as plain strings. */
export const signatureHeaders = (h: IncomingHttpHeaders): Record<string, string> => ({
  'webhook-id': String(h['webhook-id']),
  'webhook-timestamp': String(h['webhook-timestamp']),
  'webhook-signature': String(h['webhook-signature']),
});
