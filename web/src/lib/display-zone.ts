/**
 * The zone times are shown in: the workspace's, when it differs from the viewer's browser, so a
 * due time reads as the business means it ("Fri 4 pm PST"); null when both agree, so nobody sees a
 * zone they did not need.
 */
let zone: string | null = null;

/** The browser's own zone. */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Called once the workspace is known; `viewer` is for tests. */
export function setDisplayZone(workspaceZone: string | null | undefined, viewer: string = browserZone()): void {
  zone = workspaceZone && workspaceZone !== viewer && isZone(workspaceZone) ? workspaceZone : null;
}

export const displayZone = (): string | null => zone;

function isZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The zone's short name at a moment ("PST", "GMT+1"). */
export function zoneAbbreviation(timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** The wall clock of a zone at a moment: weekday, day, month, hour, minute. */
export function wallClock(at: Date, timeZone: string | undefined) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: get('weekday'), day: get('day'), month: get('month'), hour: Number(get('hour')), minute: Number(get('minute')) };
}
