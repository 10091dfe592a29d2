import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import type { InboundMail } from '../domain/inbound-mail.js';

const addressesOf = (field: AddressObject | AddressObject[] | undefined): { address: string; name: string | null }[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) =>
    group.value.flatMap((a) => (a.address ? [{ address: a.address.toLowerCase(), name: a.name || null }] : [])),
  );

/** Message-IDs in a header value: each `<…>` token, in order. */
const messageIds = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((v) => v.match(/<[^<>\s]+>/g) ?? []);

/**
 * What we read from a parsed mail. Headers are taken from their raw lines (unfolded), so a value such
 * as `Content-Type: multipart/report; report-type=delivery-status` is seen as written.
 */
export function toInboundMail(parsed: ParsedMail, envelopeRecipients: readonly string[] = []): InboundMail {
  const headers = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) {
    const name = key.toLowerCase();
    if (headers.has(name)) continue;
    headers.set(
      name,
      line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    );
  }
  const [from] = addressesOf(parsed.from);
  const recipients = [
    ...envelopeRecipients.map((r) => r.toLowerCase()),
    ...addressesOf(parsed.to).map((a) => a.address),
    ...addressesOf(parsed.cc).map((a) => a.address),
  ];
  return {
    messageId: parsed.messageId ? (messageIds(parsed.messageId)[0] ?? `<${parsed.messageId}>`) : null,
    from: from ?? null,
    recipients: [...new Set(recipients)],
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    inReplyTo: [...new Set([...messageIds(parsed.inReplyTo), ...messageIds(parsed.references).reverse()])],
    headers,
    files: parsed.attachments.map((a) => ({ fileName: a.filename ?? '', bytes: new Uint8Array(a.content) })),
  };
}

/** Parses a raw message (RFC 5322 source). */
export async function parseInbound(
  source: Buffer | NodeJS.ReadableStream,
  envelopeRecipients: readonly string[] = [],
): Promise<InboundMail> {
  return toInboundMail(await simpleParser(source as Buffer), envelopeRecipients);
}
