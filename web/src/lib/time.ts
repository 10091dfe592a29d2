import { displayZone, zoneAbbreviation } from './display-zone.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A short duration such as `45m`, `3h`, `2d 4h` (always positive). */
export function formatDuration(ms: number): string {
  // Round to the unit shown first, so 3d 23h 40m reads "4d", never "3d 24h".
  const minutes = Math.round(Math.abs(ms) / MINUTE);
  if (minutes < 60) return `${Math.max(1, minutes)}m`;
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m >= 5 && h < 10 ? `${h}h ${m}m` : `${h}h`;
  }
  const hours = Math.round(Math.abs(ms) / HOUR);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h > 0 && d < 7 ? `${d}d ${h}h` : `${d}d`;
}

/** "5m ago", "in 2h", "just now". */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const diff = Date.parse(iso) - now.getTime();
  if (Math.abs(diff) < MINUTE) return 'just now';
  return diff < 0 ? `${formatDuration(diff)} ago` : `in ${formatDuration(diff)}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(kind: 'dateTime' | 'date', zone: string | null): Intl.DateTimeFormat {
  const key = `${kind} ${zone ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    const zoned = zone ? { timeZone: zone } : {};
    f =
      kind === 'dateTime'
        ? new Intl.DateTimeFormat(
            undefined,
            zone
              ? { ...zoned, day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }
              : { dateStyle: 'medium', timeStyle: 'short' },
          )
        : new Intl.DateTimeFormat(undefined, { ...zoned, dateStyle: 'medium' });
    formats.set(key, f);
  }
  return f;
}

/**
 * A full date and time for tooltips and details: on the workspace's clock with its zone named when
 * that differs from the viewer's (see display-zone.ts), else on the viewer's.
 */
export function formatDateTime(iso: string, zone: string | null = displayZone()): string {
  const at = new Date(iso);
  // The zone's short name in US English ("PST"), which reads better than a locale's "GMT-8".
  return `${format('dateTime', zone).format(at)}${zone ? ` ${zoneAbbreviation(zone, at)}` : ''}`;
}

export function formatDate(iso: string, zone: string | null = displayZone()): string {
  return format('date', zone).format(new Date(iso));
}

/** The value a `datetime-local` input shows for a moment, in local time. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An ISO time from a `datetime-local` value (read as local time), or undefined when empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}
