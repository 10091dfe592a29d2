import { surveyTokenIn } from '../domain/follow-through.js';
import { transitionCase } from '../services/change-case.js';
import { addCommitment } from '../services/commitments.js';
import type { Actor, ServiceContext } from '../services/context.js';
import { createCase } from '../services/create-case.js';
import { mergeCustomers } from '../services/merge-customers.js';
import { proposeResolution } from '../services/resolution.js';
import { sendDueFollowUps } from '../services/send-due-follow-ups.js';
import { answerSurvey } from '../services/survey.js';
import { lastQueuedEmail } from '../store/outbox.js';
import type { Db } from '../store/schema.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The people and places the customer stories need, by the demo's own keys. */
export type CustomerStoryCast = {
  actor: (key: string) => Actor;
  employee: (key: string) => string;
  team: (key: 'harborside' | 'pinehill') => string;
  publicUrl: string;
};

const GLORIA = { name: 'Gloria Ashworth', email: 'gloria.ashworth@example.com', phone: '(206) 555-0187' };

/**
 * A customer who keeps coming back about one jacket: an unhappy follow-up answer, a threatened
 * review, a promise now overdue and a letter about a lawyer, all within the recent window. A second
 * record for her, made when another store typed a different email, waits to be merged; and one
 * earlier duplicate ("Walt" for "Walter") was merged already, so the record shows how that looks.
 */
export async function playCustomerStories(db: Db, cast: CustomerStoryCast, now: Date): Promise<void> {
  const at = (daysAgo: number, hours = 0): Date => new Date(now.getTime() - daysAgo * DAY + hours * HOUR);
  const as = (key: string, when: Date): ServiceContext => ({ db, actor: cast.actor(key), now: when });
  const harborside = cast.team('harborside');
  const tom = [{ employeeId: cast.employee('tom'), role: 'primary' as const }];

  const zip = await createCase(as('tom', at(52)), {
    title: 'Zip of a new rain jacket broke on the second wear',
    summary: 'Gloria brought the jacket back upset; the zip had split. She wanted a refund, not a repair.',
    channel: 'in_person',
    teamId: harborside,
    severity: 3,
    customerState: 'frustrated',
    customer: GLORIA,
    employees: tom,
  });
  for (const to of ['acknowledged', 'investigating', 'resolving'] as const) await transitionCase(as('dana', at(52, 2)), zip.ref, { to });
  await proposeResolution(as('dana', at(52, 3)), zip.ref, {
    problem: 'A faulty zip on a jacket bought last week',
    options: ['Repair the zip', 'Refund the jacket'],
    solution: 'Refund the jacket to her card',
    policyRefs: ['Returns within 30 days'],
    cost: { amount: 180, currency: 'USD' },
  });
  await transitionCase(as('dana', at(52, 4)), zip.ref, { to: 'resolved' });
  await sendDueFollowUps(db, at(48), cast.publicUrl, { caseId: zip.id });
  const mail = await lastQueuedEmail(db, GLORIA.email, 'survey');
  if (mail) {
    const token = surveyTokenIn(mail.text_body);
    if (token) await answerSurvey(db, token, { satisfaction: 2, wouldReturn: false, comment: 'Still waiting for the money.' }, at(47));
  }

  const refund = await createCase(as('tom', at(20)), {
    title: 'Refund for the rain jacket has not arrived',
    summary: 'Gloria called: three weeks and no refund. She said she will write a review about it tonight.',
    channel: 'phone',
    teamId: harborside,
    severity: 3,
    customerState: 'angry',
    customer: GLORIA,
    employees: tom,
    riskFlags: ['threatened_review'],
  });
  await addCommitment(as('tom', at(20, 1)), refund.ref, {
    text: 'Call Gloria back with the refund reference',
    dueAt: at(18).toISOString(),
  });

  await createCase(as('tom', at(3)), {
    title: 'Letter about a lawyer over the jacket refund',
    summary: 'An email from Gloria: unless the refund arrives this week her lawyer will write to us.',
    channel: 'email',
    teamId: harborside,
    severity: 2,
    customerState: 'angry',
    customer: GLORIA,
    employees: tom,
    riskFlags: ['legal_threat'],
  });

  // The same customer at the other store, with the address she uses for shopping online.
  await createCase(as('lena', at(8)), {
    title: 'Wants to return a jacket bought at Harborside',
    summary: 'A customer asked to return a rain jacket bought at the other store; the zip had been replaced.',
    channel: 'in_person',
    teamId: cast.team('pinehill'),
    severity: 4,
    customerState: 'calm',
    customer: { name: GLORIA.name, email: 'g.ashworth@example.net' },
    employees: [{ employeeId: cast.employee('lena'), role: 'primary' }],
  });

  const walter = await createCase(as('lena', at(40)), {
    title: 'Boots sold in the wrong size',
    summary: 'Walter was sold boots a size too small and had to drive back.',
    channel: 'in_person',
    teamId: cast.team('pinehill'),
    severity: 4,
    customerState: 'frustrated',
    customer: { name: 'Walter Brennan', email: 'walter.brennan@example.org' },
    employees: [{ employeeId: cast.employee('lena'), role: 'primary' }],
  });
  const walt = await createCase(as('lena', at(12)), {
    title: 'Asked again about the boots exchange',
    summary: 'Walt came back to check that the exchanged boots were on order.',
    channel: 'phone',
    teamId: cast.team('pinehill'),
    severity: 4,
    customerState: 'calm',
    customer: { name: 'Walt Brennan', phone: '(503) 555-0142' },
    employees: [{ employeeId: cast.employee('lena'), role: 'primary' }],
  });
  await mergeCustomers(as('marcus', at(11)), walt.customerId as string, walter.customerId as string);
}
