import { buildEmail, type EmailBody, longDate } from './layout.js';

/** The one-time link to choose a password, sent when someone is invited (or invited again). */
export function invitationEmail(i: { name: string; inviter: string; workspace: string; url: string; expiresAt: string }): EmailBody {
  return buildEmail(
    `${i.inviter} invited you to ${i.workspace} on Defuse`,
    [
      `Hello ${i.name},`,
      `${i.inviter} added you to ${i.workspace} on Defuse, where the team records and resolves difficult moments with customers.`,
      `Choose your password with the link below. It works once, until ${longDate(i.expiresAt)}.`,
    ],
    { label: 'Choose your password', url: i.url },
  );
}
