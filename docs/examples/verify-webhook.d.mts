/** Types of verify-webhook.mjs, for the test that runs it against the server's signer. */
export function verifyWebhook(secret: string, headers: Record<string, string | string[] | undefined>, body: string, now?: number): unknown;
