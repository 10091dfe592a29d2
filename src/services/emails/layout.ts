/** A plain-text and a simple HTML body built from the same short paragraphs. */
export type EmailBody = { subject: string; text: string; html: string };

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Builds both bodies; a link is shown as its own paragraph in text and as an anchor in HTML. */
export function buildEmail(subject: string, paragraphs: string[], link?: { label: string; url: string }): EmailBody {
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.url}`] : [])].join('\n\n');
  const html = [
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(link ? [`<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`] : []),
  ].join('\n');
  return {
    subject,
    text: `${text}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${html}</body></html>`,
  };
}

/** "7 December 2026": a date as people write it, for customers. */
export function longDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}

/** "7 December 2026, 14:30 (Europe/London)": a due time for staff on the workspace's clock, its zone said. */
export function dueTime(iso: string, timeZone = 'UTC'): string {
  const at = new Date(iso);
  const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(at);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
  return `${date}, ${time} (${timeZone})`;
}

/** Links in emails: the web app's case page. */
export const caseUrl = (publicUrl: string | undefined, ref: string): string => `${publicUrl ?? ''}/cases/${ref}`;
