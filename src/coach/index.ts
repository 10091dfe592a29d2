/** The reply coach: pure, synchronous, English; load once with createCoach and call analyze per text. */
export { type Coach, createCoach } from './coach.js';
export type * from './types.js';
