/**
 * The zone times are shown in: the workspace's, when it differs from the viewer's browser, so a
 * due time reads as the business means it ("Fri 4 pm PST"); null when both agree, so nobody sees a
 * zone they did not need.
 */
let zone: string | null = null;

let viewerZone: string | undefined;
/** The browser's own zone (read once: it is asked on every render of the signed-in layout). */
export const browserZone = (): string => {
  viewerZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return viewerZone;
};

/** Called whenever the workspace is known (each render of the signed-in layout); `viewer` is for tests. */
export function setDisplayZone(workspaceZone: string | null | undefined, viewer: string = browserZone()): void {
  zone = workspaceZone && workspaceZone !== viewer && isZone(workspaceZone) ? workspaceZone : null;
}

// Building an Intl.DateTimeFormat costs far more than using one, and an inbox formats a time on every
// row: keep one per zone and purpose.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(purpose: 'abbreviation' | 'wall', timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${purpose} ${timeZone ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    f =
      purpose === 'abbreviation'
        ? new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
        : new Intl.DateTimeFormat('en-GB', {
            timeZone,
            weekday: 'short',
            day: 'numeric',
            month: 'short',
            hour: 'numeric',
            minute: 'numeric',
            hourCycle: 'h23',
          });
    formatters.set(key, f);
  }
  return f;
}

export const displayZone = (): string | null => zone;

function isZone(name: string): boolean {
  try {
    formatter('abbreviation', name);
    return true;
  } catch {
    return false;
  }
}

/** The zone's short name at a moment ("PST", "GMT+1"). */
export function zoneAbbreviation(timeZone: string, at: Date): string {
  const part = formatter('abbreviation', timeZone)
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** The wall clock of a zone at a moment: weekday, day, month, hour, minute. */
export function wallClock(at: Date, timeZone: string | undefined) {
  const parts = formatter('wall', timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: get('weekday'), day: get('day'), month: get('month'), hour: Number(get('hour')), minute: Number(get('minute')) };
}
