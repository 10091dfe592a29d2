import type { Scenario } from '../domain/training.js';
import { BIKE_LATE_SHOUTING, CAKE_NOT_READY, COMPLAINT_ABOUT_YOU, REFUND_NO_RECEIPT } from './scenarios-in-person.js';
import { ABUSIVE_CALLER, DOUBLE_BOOKING, DOUBLE_CHARGE, RUDE_CASHIER_CALLBACK, SALE_PRICE_ENDED } from './scenarios-phone.js';
import { DAMAGED_SOFA, GAME_REFUND_ABUSE, PARCEL_NEVER_ARRIVED, WRONG_SIZE_TWICE } from './scenarios-written.js';

/**
 * The built-in practice scenarios, written for Defuse. Together they practise every built-in
 * playbook and every strategy, start from every mood (calm to abusive), and include customers who
 * are right and customers who are wrong (scenario-library.test.ts holds that to account). In the
 * order the library lists them: the everyday ones first, the abuse policy last.
 */
export const BUILT_IN_SCENARIOS: readonly Scenario[] = Object.freeze([
  CAKE_NOT_READY,
  PARCEL_NEVER_ARRIVED,
  DOUBLE_CHARGE,
  WRONG_SIZE_TWICE,
  DOUBLE_BOOKING,
  REFUND_NO_RECEIPT,
  SALE_PRICE_ENDED,
  RUDE_CASHIER_CALLBACK,
  COMPLAINT_ABOUT_YOU,
  DAMAGED_SOFA,
  BIKE_LATE_SHOUTING,
  ABUSIVE_CALLER,
  GAME_REFUND_ABUSE,
]);
