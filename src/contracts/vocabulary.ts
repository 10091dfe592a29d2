/**
 * The product's fixed lists, for clients (the web app's labels and pickers) to import as values.
 * Kept free of zod so a client bundle that needs only the lists pays for nothing else.
 */

export {
  CASE_REF_PATTERN,
  CHANNELS,
  CUSTOMER_STATES,
  caseRefIn,
  IMPACT_KINDS,
  PARTY_ROLES,
  RISK_FLAGS,
  SEVERITIES,
  STATEMENT_PARTIES,
} from '../domain/case.js';
export { CASE_STATUSES, FINISHED_STATUSES } from '../domain/case-status.js';
export { ROLES } from '../domain/roles.js';
export { MAX_WHYS, ROOT_CAUSE_CATEGORIES } from '../domain/root-cause.js';
