import { buildEmail, type EmailBody } from './layout.js';

/** A reply to the customer, as the employee wrote it, signed with their name and the business's. */
export function customerReplyEmail(r: { caseRef: string; body: string; senderName: string; businessName: string }): EmailBody {
  const paragraphs = r.body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return buildEmail(`Your case ${r.caseRef} with ${r.businessName}`, [
    ...paragraphs,
    `${r.senderName}, ${r.businessName}`,
    `Answer this email to reply; please keep ${r.caseRef} in the subject.`,
  ]);
}
