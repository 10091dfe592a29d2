import { buildEmail, type EmailBody } from './layout.js';

/** To a supervisor when a resolution costs more than its proposer may decide alone. */
export function approvalRequestEmail(a: {
  name: string;
  proposer: string;
  caseRef: string;
  cost: string;
  solution: string;
  caseUrl: string;
}): EmailBody {
  return buildEmail(
    `Approval needed on ${a.caseRef}`,
    [
      `Hello ${a.name},`,
      `${a.proposer} proposes a resolution costing ${a.cost}, which is above their own limit.`,
      `The proposed solution: ${a.solution}`,
      'The case cannot be resolved until someone approves or rejects it.',
    ],
    { label: 'Open the case to decide', url: a.caseUrl },
  );
}
