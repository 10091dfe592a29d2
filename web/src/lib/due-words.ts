/**
 * "Fri 4 pm", "Fri 4:30 pm", or with the date when more than six days from `now` ("12 Mar 4 pm"),
 * on the viewer's clock: how people say when a promise is due.
 */
export function dueWords(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const hour = at.getHours();
  const minute = at.getMinutes();
  const clock = `${hour % 12 === 0 ? 12 : hour % 12}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`} ${hour < 12 ? 'am' : 'pm'}`;
  const near = Math.abs(at.getTime() - now.getTime()) < 6 * 24 * 3_600_000;
  const day = near
    ? new Intl.DateTimeFormat('en-GB', { weekday: 'short' }).format(at)
    : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' }).format(at);
  return `${day} ${clock}`;
}
