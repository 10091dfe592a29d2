import type { Case } from '../api/types.js';
import { formatDuration } from './time.js';

export type SlaTone = 'breached' | 'soon' | 'pending' | 'paused' | 'met' | 'late';

/** What a case's SLA badge says: the clock that matters now, and how urgent it is. */
export type SlaSummary = { label: string; tone: SlaTone; dueAt: string; clock: 'acknowledge' | 'resolve'; description: string };

/** The due time the server gives a clock that does not run (src/domain/sla.ts NO_OPEN_CLOCK). */
const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

/** Within this share of the target's remaining time a pending clock counts as "due soon". */
const SOON_MS = 2 * 60 * 60_000;

/**
 * The clock to show for a case at `now`: the acknowledge clock until the case is acknowledged,
 * then the resolve clock. An open clock past its due time is breached even if the server computed
 * the case a moment earlier, so a badge left on screen turns red on its own.
 */
export function slaSummary(kase: Pick<Case, 'sla'>, now: Date): SlaSummary {
  const ack = kase.sla.acknowledge;
  const res = kase.sla.resolve;
  const clock = ack.doneAt === null ? 'acknowledge' : 'resolve';
  const c = clock === 'acknowledge' ? ack : res;
  const verb = clock === 'acknowledge' ? 'Acknowledge' : 'Resolve';
  const left = Date.parse(c.dueAt) - now.getTime();
  // A case kept as history (imported from another helpdesk) runs no clock: the server's "no deadline".
  if (c.dueAt === NO_DEADLINE) {
    const description = 'No deadline: this case was imported as history and runs no clock';
    return {
      label: res.doneAt !== null ? 'Resolved' : 'No deadline',
      tone: res.doneAt !== null ? 'met' : 'pending',
      dueAt: c.dueAt,
      clock,
      description,
    };
  }
  if (c.doneAt !== null) {
    const onTime = Date.parse(c.doneAt) <= Date.parse(c.dueAt);
    return onTime
      ? { label: 'Resolved on time', tone: 'met', dueAt: c.dueAt, clock, description: 'Resolved within its target' }
      : {
          label: 'Resolved late',
          tone: 'late',
          dueAt: c.dueAt,
          clock,
          description: `Resolved ${formatDuration(Date.parse(c.doneAt) - Date.parse(c.dueAt))} after its target`,
        };
  }
  if (c.state === 'paused') {
    // The server says whether it ran out before the pause; a paused clock does not run out on screen.
    return {
      label: 'Waiting on customer',
      tone: 'paused',
      dueAt: c.dueAt,
      clock,
      description: `${verb} clock paused while the case waits on the customer`,
    };
  }
  if (left <= 0) {
    return {
      label: `${verb} overdue ${formatDuration(left)}`,
      tone: 'breached',
      dueAt: c.dueAt,
      clock,
      description: `${verb} target passed ${formatDuration(left)} ago`,
    };
  }
  return {
    label: `${verb} in ${formatDuration(left)}`,
    tone: left <= SOON_MS ? 'soon' : 'pending',
    dueAt: c.dueAt,
    clock,
    description: `${verb} target in ${formatDuration(left)}`,
  };
}

export const SLA_COLOR: Record<SlaTone, string> = {
  breached: 'red',
  soon: 'orange',
  pending: 'gray',
  paused: 'blue',
  met: 'teal',
  late: 'gray',
};

/** Sort key that puts breached clocks first, then the soonest due; finished cases last. */
export function slaUrgency(kase: Pick<Case, 'sla'>, now: Date): number {
  const s = slaSummary(kase, now);
  if (s.tone === 'met' || s.tone === 'late') return Number.MAX_SAFE_INTEGER;
  // After every running clock, as the server sorts it.
  if (s.tone === 'paused') return Number.MAX_SAFE_INTEGER - 1;
  return Date.parse(s.dueAt) - now.getTime();
}
