import { expect, it } from 'vitest';
// The README's runnable verification example, checked against what the server really signs.
import { verifyWebhook } from '../../docs/examples/verify-webhook.mjs';
import { newWebhookSecret, signWebhook } from '../domain/webhook-signature.js';

it('the documented verification example accepts our deliveries and refuses forged, stale and wrong-secret ones', () => {
  const [secret, old, other] = [newWebhookSecret(), newWebhookSecret(), newWebhookSecret()];
  const body = '{"type":"case.created","timestamp":"2026-12-02T10:00:00.000Z","data":{"caseRef":"C-2026-000001"}}';
  const now = Date.now();
  const ts = Math.floor(now / 1000);
  const headers = {
    'webhook-id': 'msg_1',
    'webhook-timestamp': String(ts),
    'webhook-signature': signWebhook([secret, old], 'msg_1', ts, body),
  };
  expect(verifyWebhook(secret, headers, body, now)).toMatchObject({ type: 'case.created' });
  expect(verifyWebhook(old, headers, body, now)).toMatchObject({ type: 'case.created' });
  expect(() => verifyWebhook(other, headers, body, now)).toThrow('no valid signature');
  expect(() => verifyWebhook(secret, headers, body.replace('000001', '000002'), now)).toThrow('no valid signature');
  expect(() => verifyWebhook(secret, headers, body, now + 10 * 60_000)).toThrow('timestamp');
});
