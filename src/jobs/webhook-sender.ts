import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { checkTargetAddress } from '../domain/network-address.js';
import type { WebhookPost } from '../services/webhook-delivery.js';

/** How long a receiver has to answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * POSTs one delivery without trusting DNS twice: the host is resolved once, every address it has is
 * checked, and the connection goes to that checked address (a second lookup could answer otherwise,
 * DNS rebinding). TLS still verifies the certificate against the host's name. Redirects are not
 * followed: a 3xx is recorded as a failure, since following it would reach an unchecked address.
 */
export function webhookSender(options: { timeoutMs?: number; userAgent?: string } = {}): WebhookPost {
  return async ({ url, headers, body, allowPrivate }) => {
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    let addresses: { address: string; family: number }[];
    try {
      addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true });
    } catch (error) {
      return { statusCode: null, error: `could not resolve ${host}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    }
    if (addresses.length === 0) return { statusCode: null, error: `${host} has no address` };
    for (const { address } of addresses) {
      const verdict = checkTargetAddress(address, allowPrivate);
      if (!verdict.allowed) return { statusCode: null, error: `refused: ${host} resolves to ${verdict.reason}` };
    }
    const chosen = addresses[0] as { address: string; family: number };
    const pinned: LookupFunction = (_hostname, opts, callback) => {
      if ((opts as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [chosen]);
      else callback(null, chosen.address, chosen.family);
    };
    return send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)), 'user-agent': options.userAgent ?? 'Defuse-Webhooks' },
        lookup: pinned,
        agent: false,
        timeout: options.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
        ...(isIP(host) ? {} : { servername: host }),
      },
      body,
    );
  };
}

function send(target: URL, request: https.RequestOptions, body: string): Promise<{ statusCode: number | null; error: string | null }> {
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = transport.request(target, request, (res) => {
      const statusCode = res.statusCode ?? null;
      // The answer's body is not needed; read and drop it so the socket closes cleanly.
      res.resume();
      res.on('end', () => {
        if (statusCode !== null && statusCode >= 300 && statusCode < 400) {
          resolve({ statusCode, error: `redirect to ${String(res.headers.location ?? '(none)')} not followed` });
        } else
          resolve({
            statusCode,
            error: statusCode !== null && statusCode >= 200 && statusCode < 300 ? null : `the receiver answered ${statusCode}`,
          });
      });
      res.on('error', (error) => resolve({ statusCode, error: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${request.timeout} ms`)));
    req.on('error', (error) => resolve({ statusCode: null, error: error.message }));
    req.end(body);
  });
}
