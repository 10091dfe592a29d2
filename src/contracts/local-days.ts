/**
 * The workspace's local days as the server counts them (its rollups are keyed by them), shared so
 * the web app's periods start and end where the server's days do.
 */
export { localDate, nextBucket, startOfLocalDate } from '../domain/dashboard-metrics.js';
