import * as chrono from 'chrono-node';

const END_OF_DAY = /\b(?:end of (?:the )?(?:day|today|business)|close of (?:play|business)|EOD|COB)\b/i;
const BUSINESS_CLOSE_HOUR = 17;

/**
 * Reads the time a promise names ("tomorrow at 3pm", "by Friday", "within 24 hours") relative to
 * `now`, as ISO-8601. A day without an hour means the end of that business day, because a customer
 * told "Friday" will wait until Friday evening before counting the promise as broken (seed 004).
 */
export function parseDueTime(text: string, now: Date): string | undefined {
  if (END_OF_DAY.test(text)) {
    const due = new Date(now);
    due.setHours(BUSINESS_CLOSE_HOUR, 0, 0, 0);
    if (due <= now) due.setDate(due.getDate() + 1);
    return due.toISOString();
  }
  const result = chrono.casual.parse(text, now, { forwardDate: true })[0];
  if (!result) return undefined;
  const due = result.start.date();
  if (!result.start.isCertain('hour') && !result.start.isCertain('minute') && !/\b(?:within|in|next)\b/i.test(result.text)) {
    due.setHours(BUSINESS_CLOSE_HOUR, 0, 0, 0);
  }
  return due.toISOString();
}
