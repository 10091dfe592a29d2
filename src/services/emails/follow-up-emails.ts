import { buildEmail, type EmailBody, longDate } from './layout.js';

/** To the customer some days after their case was resolved: a private link to a three-question survey. */
export function customerSurveyEmail(s: { customerName: string; surveyUrl: string; expiresAt: string }): EmailBody {
  return buildEmail(
    'How did we do?',
    [
      `Hello ${s.customerName},`,
      'We recently worked with you to sort out a problem. We would like to know if it is really fixed.',
      'There are three short questions. It takes one minute.',
      `The link is only for you and works until ${longDate(s.expiresAt)}.`,
    ],
    { label: 'Answer the questions', url: s.surveyUrl },
  );
}

/** To an employee after a case they were part of was resolved. */
export function employeeFollowUpEmail(f: { name: string; caseRef: string; homeUrl: string }): EmailBody {
  return buildEmail(
    `How did case ${f.caseRef} go for you?`,
    [
      `Hello ${f.name},`,
      `Case ${f.caseRef} is resolved. We would like to know how supported you felt, and if you want training or help.`,
      'Your answer goes to your supervisor only.',
    ],
    { label: 'Answer in Defuse', url: f.homeUrl },
  );
}

/** To supervisors when an employee asks for help after a case. */
export function needsHelpEmail(h: { name: string; caseRef: string; caseUrl: string; comment: string | null }): EmailBody {
  return buildEmail(
    `${h.name} asked for help after ${h.caseRef}`,
    [
      `${h.name} answered the follow-up on case ${h.caseRef} and asked for help.`,
      ...(h.comment ? [`They wrote: "${h.comment}"`] : []),
      'Please talk with them soon.',
    ],
    { label: 'Open the case', url: h.caseUrl },
  );
}

/** To a team's supervisors when someone on a case calls for help while it is happening. */
export function helpRequestEmail(h: { name: string; caseRef: string; caseTitle: string; caseUrl: string; note: string | null }): EmailBody {
  return buildEmail(
    `Help needed now on ${h.caseRef}`,
    [
      `${h.name} asked for a supervisor on case ${h.caseRef} (${h.caseTitle}).`,
      ...(h.note ? [`They wrote: "${h.note}"`] : []),
      'Open the case and take the call, so they know someone is coming.',
    ],
    { label: 'Open the case', url: h.caseUrl },
  );
}

/** To a team's supervisors when a serious case (severity 1 or 2) is reported. */
export function seriousCaseEmail(c: { name: string; caseRef: string; caseTitle: string; severity: number; caseUrl: string }): EmailBody {
  return buildEmail(
    `Severity ${c.severity} case reported: ${c.caseRef}`,
    [`${c.name} reported case ${c.caseRef}: ${c.caseTitle}.`, `It is severity ${c.severity}, so its clocks are short.`],
    { label: 'Open the case', url: c.caseUrl },
  );
}
