import * as chrono from 'chrono-node';
import { offsetMinutes } from '../domain/time-zone.js';

const END_OF_DAY = /\b(?:end of (?:the )?(?:day|today|business)|close of (?:play|business)|EOD|COB)\b/i;
const BUSINESS_CLOSE_HOUR = 17;

/**
 * Reads the time a promise names ("tomorrow at 3pm", "by Friday", "within 24 hours") relative to
 * `now`, as ISO-8601. A day without an hour means the end of that business day, because a customer
 * told "Friday" waits until Friday evening before counting the promise as broken, and a broken
 * promise is what turns an upset customer into a lost one.
 */
export function parseDueTime(text: string, now: Date, timeZone?: string): string | undefined {
  // Wall-clock arithmetic in the zone the promise was made in (the workspace's; else this machine's).
  const offset = timeZone ? offsetMinutes(timeZone, now) : -now.getTimezoneOffset();
  const closeOfBusiness = (instant: Date): Date => {
    const wall = new Date(instant.getTime() + offset * 60_000);
    wall.setUTCHours(BUSINESS_CLOSE_HOUR, 0, 0, 0);
    return new Date(wall.getTime() - offset * 60_000);
  };
  if (END_OF_DAY.test(text)) {
    let due = closeOfBusiness(now);
    if (due <= now) due = closeOfBusiness(new Date(now.getTime() + 24 * 3_600_000));
    return due.toISOString();
  }
  const result = chrono.casual.parse(text, { instant: now, timezone: offset }, { forwardDate: true })[0];
  if (!result) return undefined;
  let due = result.start.date();
  if (!result.start.isCertain('hour') && !result.start.isCertain('minute') && !/\b(?:within|in|next)\b/i.test(result.text)) {
    due = closeOfBusiness(due);
    // "By Friday" said on Friday evening means next Friday, not an hour ago.
    if (due <= now && result.start.isCertain('weekday') && !result.start.isCertain('day'))
      due = new Date(due.getTime() + 7 * 24 * 3_600_000);
  }
  return due.toISOString();
}
