import { tagCase } from '../services/case-tags.js';
import type { Actor } from '../services/context.js';
import { listCases } from '../services/read-cases.js';
import type { Db } from '../store/schema.js';

const TAG_SETS = [['late-delivery'], ['vip', 'refund'], ['refund'], ['late-delivery', 'vip'], ['wrong-item']];

/** The supervisor tags a few of their open cases, as a team sorting its inbox would. */
export async function playDemoTags(db: Db, supervisor: Actor, now: Date): Promise<void> {
  const ctx = { db, actor: supervisor, now };
  const open = await listCases(ctx, { status: ['reported', 'acknowledged', 'investigating', 'resolving'], limit: TAG_SETS.length });
  for (const [i, kase] of open.items.entries()) await tagCase(ctx, kase.ref, TAG_SETS[i] ?? []);
}
