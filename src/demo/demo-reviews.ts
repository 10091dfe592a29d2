import type { RootCauseCategory } from '../domain/root-cause.js';
import { reportAbuse } from '../services/abuse.js';
import { addStatement } from '../services/add-statement.js';
import { transitionCase } from '../services/change-case.js';
import type { Actor, ServiceContext } from '../services/context.js';
import { createCase } from '../services/create-case.js';
import { proposeResolution } from '../services/resolution.js';
import { exportDossier } from '../services/review-dossier.js';
import { decideReviewFlag, evaluateReviewRules, listReviewFlags } from '../services/review-flags.js';
import { openReviewByHand } from '../services/review-opening.js';
import { addMyStatement } from '../services/review-response.js';
import { decideReview, recordFinding } from '../services/reviews.js';
import { answerSupportRequest, offerSupport, requestSupport } from '../services/support-requests.js';
import { findEmployees } from '../store/people.js';
import type { Db } from '../store/schema.js';
import { demoLeftovers } from './demo-closing.js';

const DAY = 86_400_000;

export type CostlyCase = {
  teamId: string;
  employeeId: string;
  reporter: ServiceContext;
  employee: ServiceContext;
  title: string;
  loss: number;
  currency: string;
  customer: string;
  employeeSays: string;
  customerSays: string;
  rootCause?: RootCauseCategory;
  /** The employee ends it under the abuse policy before it is resolved. */
  abusive?: boolean;
};

/** A closed case that cost the business money, with both sides' statements, played through the services. */
export async function playCostlyCase(input: CostlyCase): Promise<string> {
  const { reporter, employee } = input;
  const kase = await createCase(reporter, {
    title: input.title,
    summary: `${input.customer} and ${input.title.toLowerCase()}.`,
    channel: 'in_person',
    severity: 2,
    customerState: 'angry',
    financialImpact: { amount: input.loss, currency: input.currency, kind: 'refund' },
    teamId: input.teamId,
    employees: [{ employeeId: input.employeeId, role: 'primary' }],
    customer: { name: input.customer, email: `${input.customer.toLowerCase().replace(/[^a-z]+/g, '.')}@example.test` },
  });
  const later = (ctx: ServiceContext, minutes: number): ServiceContext => ({
    ...ctx,
    now: new Date(reporter.now.getTime() + minutes * 60_000),
  });
  await addStatement(later(employee, 10), kase.ref, { party: 'employee', employeeId: input.employeeId, body: input.employeeSays });
  await addStatement(later(reporter, 20), kase.ref, { party: 'customer', authorName: input.customer, body: input.customerSays });
  if (input.abusive) await reportAbuse(later(employee, 25), kase.ref, 'Shouted insults across the counter and threw the receipt');
  for (const [i, to] of (['investigating', 'resolving'] as const).entries())
    await transitionCase(later(reporter, 30 + i), kase.ref, { to });
  await proposeResolution(later(reporter, 40), kase.ref, {
    problem: 'The customer was refused a refund they were owed',
    options: ['Refund in full', 'Store credit'],
    solution: 'Refund in full and apologise',
    policyRefs: ['Returns policy'],
    cost: { amount: input.loss, currency: input.currency },
  });
  await transitionCase(later(reporter, 50), kase.ref, { to: 'resolved' });
  await transitionCase(later(reporter, 60), kase.ref, {
    to: 'closed',
    ...(await demoLeftovers(later(reporter, 60), kase.ref, 'closed')),
    outcome: 'Refunded in full',
    rootCause: { category: input.rootCause ?? 'employee_conduct', whys: ['The refund was refused at the counter'], factors: [] },
  });
  return kase.ref;
}

type Cast = { admin: Actor; hr: Actor; flagged: Actor; decided: Actor; asker: Actor; askerSupervisor: Actor };

/**
 * Reviews and support in the demo: an employee the default rule flagged (two costly cases counted,
 * one with an abusive customer set apart), whose review HR opened and who has answered it; another
 * employee's review decided earlier with its dossier exported; and support offered, asked and answered.
 */
export async function playReviews(db: Db, cast: Cast, now: Date): Promise<void> {
  const at = (actor: Actor, daysAgo: number): ServiceContext => ({ db, actor, now: new Date(now.getTime() - daysAgo * DAY) });
  const teamOf = async (a: Actor) => (await findEmployees(db, a.workspaceId, [a.employeeId as string]))[0]?.team_id as string;

  // The earlier review, decided: coaching after two costly refusals, with the dossier exported.
  const decidedTeam = await teamOf(cast.decided);
  const earlier: string[] = [];
  for (const [i, loss] of [620, 540].entries())
    earlier.push(
      await playCostlyCase({
        teamId: decidedTeam,
        employeeId: cast.decided.employeeId as string,
        reporter: at(cast.admin, 110 - i * 20),
        employee: at(cast.decided, 110 - i * 20),
        title: i === 0 ? 'Refund refused on a faulty blender' : 'Warranty claim turned away',
        loss,
        currency: 'USD',
        customer: i === 0 ? 'Walter Brooks' : 'Nadia Petrov',
        employeeSays: 'The receipt was missing, so I followed the no-receipt rule as I understood it.',
        customerSays: 'I was told no three times before anyone looked at the box.',
      }),
    );
  const review = await openReviewByHand(at(cast.hr, 75), {
    employeeId: cast.decided.employeeId as string,
    caseRefs: earlier,
    reason: 'Two refunds refused that cost us more than the refunds would have',
  });
  await addMyStatement(
    at(cast.decided, 73),
    review.id,
    'I thought the rule was no receipt, no refund. Nobody had shown me the exceptions.',
  );
  for (const ref of earlier)
    await recordFinding(at(cast.hr, 66), review.id, ref, {
      allegation: 'Refused a refund the policy allows',
      finding: 'substantiated',
      policy: 'Returns policy',
    });
  await decideReview(at(cast.hr, 65), review.id, {
    outcome: 'coaching',
    rationale: 'The refusals followed a misunderstanding of the returns policy, not bad faith; coaching on its exceptions comes first.',
  });
  await exportDossier(at(cast.hr, 65), review.id);

  // The employee flagged now: two costly cases counted, the abusive customer's set apart.
  const flaggedTeam = await teamOf(cast.flagged);
  const cases: Omit<CostlyCase, 'reporter' | 'employee'>[] = [
    {
      teamId: flaggedTeam,
      employeeId: cast.flagged.employeeId as string,
      title: 'Price-match refused on a television',
      loss: 780,
      currency: 'USD',
      customer: 'Gloria Hart',
      employeeSays: 'The advert was from another region, so I said we could not match it.',
      customerSays: 'He laughed when I showed him the advert on my phone.',
    },
    {
      teamId: flaggedTeam,
      employeeId: cast.flagged.employeeId as string,
      title: 'Customer swore and threw a receipt',
      loss: 900,
      currency: 'USD',
      customer: 'Vince Harlow',
      employeeSays: 'He swore at me and threw the receipt, so I ended it and called Dana.',
      customerSays: 'The staff member was rude first.',
      abusive: true,
    },
    {
      teamId: flaggedTeam,
      employeeId: cast.flagged.employeeId as string,
      title: 'Delivery refund argued at the counter',
      loss: 650,
      currency: 'USD',
      customer: 'Irene Salazar',
      employeeSays: 'The delivery was only a day late; I offered the fee back.',
      customerSays: 'I took a day off work for that delivery and was told it was my problem.',
    },
  ];
  for (const [i, c] of cases.entries()) {
    const daysAgo = 50 - i * 12;
    const ref = await playCostlyCase({ ...c, reporter: at(cast.admin, daysAgo), employee: at(cast.flagged, daysAgo) });
    const [employee] = await findEmployees(db, cast.flagged.workspaceId, [cast.flagged.employeeId as string]);
    const kase = await db.selectFrom('cases').select('id').where('ref', '=', ref).executeTakeFirstOrThrow();
    if (c.abusive && employee) await offerSupport(db, employee, kase.id, new Date(now.getTime() - daysAgo * DAY));
  }
  await evaluateReviewRules(db, cast.admin.workspaceId, new Date(now.getTime() - 2 * DAY), [cast.flagged.employeeId as string]);
  const flag = (await listReviewFlags(at(cast.hr, 2), 'pending')).find((f) => f.employee.id === cast.flagged.employeeId);
  if (flag) {
    const opened = await decideReviewFlag(at(cast.hr, 2), flag.id, {
      open: true,
      reason: 'Two costly cases in a few weeks: worth a fair look',
    });
    if (opened.reviewId)
      await addMyStatement(
        at(cast.flagged, 1),
        opened.reviewId,
        'Both were busy Saturdays with one person on the counter. I would like help with price-match questions.',
      );
  }

  // Support asked for and answered, and one still waiting.
  const asked = await requestSupport(at(cast.asker, 3), { kind: 'talk', note: 'The last few calls about late parcels have worn me down.' });
  await answerSupportRequest(at(cast.askerSupervisor, 2), asked.id, 'Let us sit down on Thursday at 10 and look at the rota together.');
  await requestSupport(
    { db, actor: cast.flagged, now: new Date(now.getTime() - 3_600_000) },
    { kind: 'training', note: 'Price-match rules.' },
  );
}
