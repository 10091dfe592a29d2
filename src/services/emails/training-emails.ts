import { buildEmail, dueTime, type EmailBody } from './layout.js';

type Assigned = { scenarioTitle: string; dueAt: string; timeZone: string; url: string; certification: boolean };

const what = (a: Assigned) => (a.certification ? `the certification “${a.scenarioTitle}”` : `the practice scenario “${a.scenarioTitle}”`);

/** To a person given training. */
export function trainingAssignedEmail(a: Assigned): EmailBody {
  return buildEmail(
    `Training for you: ${a.scenarioTitle}`,
    [
      `You have been given ${what(a)}.`,
      `Please finish it by ${dueTime(a.dueAt, a.timeZone)}.`,
      'It takes a few minutes, and practising is safe: it is not a test of you.',
    ],
    { label: 'Open your training', url: a.url },
  );
}

/** To the assignee shortly before the due time. */
export function trainingDueSoonEmail(a: Assigned): EmailBody {
  return buildEmail(
    `Reminder: ${a.scenarioTitle} is due soon`,
    [`${what(a).charAt(0).toUpperCase()}${what(a).slice(1)} is due ${dueTime(a.dueAt, a.timeZone)}.`],
    { label: 'Open your training', url: a.url },
  );
}

/** To the assignee's supervisors once the due time passed without a pass. */
export function trainingOverdueEmail(a: Assigned & { name: string }): EmailBody {
  return buildEmail(
    `Overdue training: ${a.name}, ${a.scenarioTitle}`,
    [
      `${a.name} has not yet passed ${what(a)}, which was due ${dueTime(a.dueAt, a.timeZone)}.`,
      'A word with them, or a new due date, helps.',
    ],
    { label: 'See the team’s assignments', url: a.url },
  );
}
