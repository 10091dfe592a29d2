import type { Actor } from '../services/context.js';
import { addPost } from '../services/forum-posts.js';
import { createThread, mergeThread, reviewThread, setVote } from '../services/forum-threads.js';
import type { Db } from '../store/schema.js';

const HOUR = 3_600_000;

type DemoThread = {
  by: string;
  asColleague?: boolean;
  daysAgo: number;
  title: string;
  body: string;
  replies: { by: string; asColleague?: boolean; text: string }[];
  voters: string[];
  review?: { by: string; answer: string };
  /** Index of an earlier thread this one duplicates; a moderator merged them. */
  mergeInto?: number;
};

/** What the shop floor complains about in the demo: a few threads with replies and votes, one reviewed, one merged. */
const THREADS: DemoThread[] = [
  {
    by: 'tom',
    daysAgo: 21,
    title: 'Refunds without a receipt are refused at the till',
    body: 'Customers who bought with a card but lost the receipt get angry when the till refuses a refund. We could look the sale up by card, but the system does not let us.',
    replies: [
      { by: 'lena', text: 'Same at Pinehill: twice last week, and one customer left a review about it.' },
      { by: 'jamal', text: 'At the returns desk we can see card payments from the last 30 days. Could the stores get that screen?' },
    ],
    voters: ['lena', 'jamal', 'sam', 'aiko', 'dana'],
    review: {
      by: 'dana',
      answer: 'From next month the stores get the returns desk look-up: card sales of the last 30 days can be refunded without a receipt.',
    },
  },
  {
    by: 'sam',
    asColleague: true,
    daysAgo: 12,
    title: 'Delivery dates on the web shop are too optimistic',
    body: 'The web shop promises delivery in two days, but the warehouse needs three or four. Most of the angry chats I get start with "where is my order?".',
    replies: [
      { by: 'aiko', text: 'Agreed. When we explain the real date, people ask why the site said otherwise, and we have no answer.' },
      { by: 'marcus', text: 'I have asked the web team for the real figures from the warehouse.' },
    ],
    voters: ['aiko', 'tom', 'jamal'],
  },
  {
    by: 'lena',
    daysAgo: 6,
    title: 'Gift cards cannot be split across two payments',
    body: 'A customer wanted to pay half with a gift card and half by card. The till takes one payment method only, so she left without the jacket.',
    replies: [{ by: 'tom', text: 'Happened to me on Saturday too.' }],
    voters: ['tom'],
  },
  {
    by: 'jamal',
    daysAgo: 3,
    title: 'Returns of sale items: the rule is not on the receipt',
    body: 'Sale items can only be exchanged, not refunded, but nothing says so on the receipt or at the till. Customers feel tricked when we tell them.',
    replies: [],
    voters: ['lena', 'sam'],
  },
  {
    by: 'aiko',
    daysAgo: 2,
    title: 'No refund without the receipt, even for card payments',
    body: 'A customer paid by card and lost the receipt; we had to refuse the refund and she shouted at me.',
    replies: [],
    voters: ['aiko', 'lena'],
    mergeInto: 0,
  },
];

/** Plays the demo's forum through the services, at times in the past so the threads have a history. */
export async function seedForum(db: Db, actors: Map<string, Actor>, now: Date): Promise<number> {
  const who = (key: string): Actor => {
    const actor = actors.get(key);
    if (!actor) throw new Error(`the demo forum names ${key}, who has no login`);
    return actor;
  };
  const ids: string[] = [];
  for (const t of THREADS) {
    const start = now.getTime() - t.daysAgo * 24 * HOUR;
    const at = (hours: number) => ({ db, actor: who(t.by), now: new Date(start + hours * HOUR) });
    const thread = await createThread(at(0), { title: t.title, body: t.body, asColleague: t.asColleague });
    ids.push(thread.id);
    for (const [i, r] of t.replies.entries())
      await addPost({ ...at(i + 1), actor: who(r.by) }, thread.id, { body: r.text, asColleague: r.asColleague });
    for (const [i, v] of t.voters.entries()) await setVote({ ...at(i + 0.5), actor: who(v) }, thread.id, true);
    if (t.review) await reviewThread({ ...at(48), actor: who(t.review.by) }, thread.id, t.review.answer);
    const into = t.mergeInto === undefined ? undefined : ids[t.mergeInto];
    if (into) await mergeThread({ ...at(5), actor: who('dana') }, thread.id, into);
  }
  return ids.length;
}
