/**
 * "Fri 4 pm", "Fri 4:30 pm", or with the date when it is more than six days from `now`
 * ("12 Mar 4 pm"): how people say when a promise is due, on a given clock.
 */
export function dueWords(iso: string, now: Date, timeZone = 'UTC'): string {
  const at = new Date(iso);
  const part = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(at);
  const hour = Number(part({ hour: 'numeric', hourCycle: 'h23' }));
  const minute = part({ minute: '2-digit' }).padStart(2, '0');
  const clock = `${hour % 12 === 0 ? 12 : hour % 12}${minute === '00' ? '' : `:${minute}`} ${hour < 12 ? 'am' : 'pm'}`;
  const near = Math.abs(at.getTime() - now.getTime()) < 6 * 24 * 3_600_000;
  const day = near ? part({ weekday: 'short' }) : part({ day: 'numeric', month: 'short' });
  return `${day} ${clock}`;
}
