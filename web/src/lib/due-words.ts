import { displayZone, wallClock, zoneAbbreviation } from './display-zone.js';

/**
 * "Fri 4 pm", "Fri 4:30 pm", or with the date when more than six days from `now` ("12 Mar 4 pm"),
 * on the workspace's clock with its zone named when that differs from the viewer's ("Fri 4 pm PST"),
 * else on the viewer's: how people say when a promise is due.
 */
export function dueWords(iso: string, now: Date = new Date(), zone: string | null = displayZone()): string {
  const at = new Date(iso);
  const wall = wallClock(at, zone ?? undefined);
  const { hour, minute } = wall;
  const clock = `${hour % 12 === 0 ? 12 : hour % 12}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`} ${hour < 12 ? 'am' : 'pm'}`;
  const near = Math.abs(at.getTime() - now.getTime()) < 6 * 24 * 3_600_000;
  const day = near ? wall.weekday : `${wall.day} ${wall.month}`;
  return `${day} ${clock}${zone ? ` ${zoneAbbreviation(zone, at)}` : ''}`;
}
