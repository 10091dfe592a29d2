import { setBusinessHours, type WeekText } from '../services/business-hours.js';
import { pauseCaseClocks, resumeCaseClocks } from '../services/clock-pause.js';
import type { Actor } from '../services/context.js';
import { listCases } from '../services/read-cases.js';
import type { Db } from '../store/schema.js';

const MINUTE = 60_000;
const SHOP = { start: '09:00', end: '18:00' };
const WEEK: WeekText = { mon: SHOP, tue: SHOP, wed: SHOP, thu: SHOP, fri: SHOP, sat: { start: '10:00', end: '16:00' }, sun: null };

/**
 * The admin gives the returns desk its opening hours and holidays (its new cases count business
 * time), and the supervisor waits on two customers: one case still waiting, one whose wait is over.
 */
export async function playDemoClocks(db: Db, admin: Actor, supervisor: Actor, returnsDeskId: string, now: Date): Promise<void> {
  const year = new Date(now).getUTCFullYear();
  await setBusinessHours({ db, actor: admin, now }, returnsDeskId, {
    timeZone: null,
    week: WEEK,
    holidays: [
      { date: `${year}-12-25`, name: 'Christmas Day' },
      { date: `${year + 1}-01-01`, name: 'New Year’s Day' },
    ],
  });
  const open = await listCases({ db, actor: supervisor, now }, { status: ['acknowledged', 'investigating', 'resolving'], limit: 20 });
  const pausable = open.items.filter((c) => c.clock.basis !== 'regulated' && c.clock.pausedAt === null).slice(-2);
  const at = (iso: string, minutes: number) => new Date(Math.min(Date.parse(iso) + minutes * MINUTE, now.getTime()));
  const [waiting, answered] = pausable;
  if (answered) {
    await pauseCaseClocks({ db, actor: supervisor, now: at(answered.updatedAt, 20) }, answered.ref, 'Asked for the order number');
    await resumeCaseClocks({ db, actor: supervisor, now: at(answered.updatedAt, 200) }, answered.ref);
  }
  if (waiting)
    await pauseCaseClocks({ db, actor: supervisor, now: at(waiting.updatedAt, 15) }, waiting.ref, 'Asked for a photo of the receipt');
}
