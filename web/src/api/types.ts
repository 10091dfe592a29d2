import type { z } from 'zod';
import type { ZCase, ZCaseDetail, ZEvent, ZNewCase, ZNewStatement, ZStatement } from '../../../src/contracts/cases.js';
import type { ZCustomer, ZEmployee, ZTeam } from '../../../src/contracts/directory.js';

/** The API's shapes, inferred from the server's own zod contracts (types only: no zod in the bundle). */
export type Case = z.infer<typeof ZCase>;
export type CaseDetail = z.infer<typeof ZCaseDetail>;
export type CaseStatus = Case['status'];
export type Channel = Case['channel'];
export type CustomerState = Case['customerState'];
export type RiskFlag = Case['riskFlags'][number];
export type ImpactKind = NonNullable<Case['financialImpact']>['kind'];
export type TimelineEvent = z.infer<typeof ZEvent>;
export type Statement = z.infer<typeof ZStatement>;
export type StatementParty = Statement['party'];
export type NewCase = z.input<typeof ZNewCase>;
export type NewStatement = z.input<typeof ZNewStatement>;
export type Team = z.infer<typeof ZTeam>;
export type Employee = z.infer<typeof ZEmployee>;
export type Customer = z.infer<typeof ZCustomer>;
export type Page<T> = { items: T[]; nextCursor: string | null };

export type Role = 'employee' | 'supervisor' | 'hr' | 'admin';

/** The signed-in user (GET /api/v1/me). */
export type Me = {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamIds: string[];
  employeeId: string | null;
  workspace: { id: string; name: string; slug: string };
};

/** A user account as the admin screens list it (GET /api/v1/users). */
export type User = {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamIds?: string[];
  active?: boolean;
  createdAt?: string;
};

export type ApiToken = { id: string; name: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export type Verification = {
  intact: boolean;
  eventsChecked: number;
  firstBreak: { seq: number; eventId: string | null; problem: string } | null;
};
