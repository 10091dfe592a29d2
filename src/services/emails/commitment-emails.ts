import { buildEmail, dueTime, type EmailBody } from './layout.js';

type Promise_ = { text: string; dueAt: string; caseRef: string; caseUrl: string; timeZone: string };

/** To the owner of a promise shortly before it is due. */
export function commitmentReminderEmail(c: Promise_): EmailBody {
  return buildEmail(
    `Reminder: a promise on ${c.caseRef} is due soon`,
    [`You promised the customer: "${c.text}".`, `It is due ${dueTime(c.dueAt, c.timeZone)}.`, 'When it is done, mark it kept on the case.'],
    { label: 'Open the case', url: c.caseUrl },
  );
}

/** To the supervisors when a promise passed its due time without being marked kept. */
export function commitmentEscalationEmail(c: Promise_ & { ownerName: string }): EmailBody {
  return buildEmail(
    `Overdue promise on ${c.caseRef}`,
    [
      `${c.ownerName} promised the customer: "${c.text}".`,
      `It was due ${dueTime(c.dueAt, c.timeZone)} and is not marked kept.`,
      'Please check with them, or take it over, so the customer is not let down.',
    ],
    { label: 'Open the case', url: c.caseUrl },
  );
}
