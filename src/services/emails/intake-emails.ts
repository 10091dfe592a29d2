import { buildEmail, type EmailBody } from './layout.js';

/** The acknowledgement a customer gets when they open a case themself (web form or email). */
export function acknowledgementEmail(a: { caseRef: string; businessName: string; statusUrl: string }): EmailBody {
  return buildEmail(
    `We have your report: ${a.caseRef}`,
    [
      `Thank you for telling ${a.businessName} what happened. Your case number is ${a.caseRef}.`,
      'A person from our team will read it and get back to you. On your private page you can see where your case stands, the promises we make you, and add anything you remember.',
      'The link is yours alone: anyone who has it can see your case, so please do not forward this email. You can also simply answer it.',
      'This message was sent automatically.',
    ],
    { label: 'See your case', url: a.statusUrl },
  );
}
