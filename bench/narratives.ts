/**
 * A generator of conflict narratives with known underlying topics, for measuring theme mining.
 *
 * Each narrative is what an employee or supervisor might write about a clash with a customer: 4 to
 * 16 sentences (about 40 to 200 words). Every sentence is drawn from the narrative's topic mixture:
 * its main topic most of the time, a second topic in half of the narratives (usually a related one,
 * such as refunds beside returns), and plain background sentences that any conflict has ("I
 * apologised and tried to calm things down"). Topics share words on purpose (refund, delivery,
 * voucher, manager…), their sizes follow a long tail, names and numbers vary, and a few words carry
 * typos. The label of a narrative is its main topic.
 */
import { createRandom, type Random } from '../src/demo/random.js';

export type Narrative = { id: string; text: string; topic: string };

type Topic = { key: string; terms: readonly string[]; related: readonly string[]; lines: readonly string[] };

/** Thirty topics; `terms` in order of how often they come up, `lines` are sentences only this topic writes. */
export const TOPICS: readonly Topic[] = [
  {
    key: 'refund-no-receipt',
    terms: [
      'receipt',
      'refund',
      'store credit',
      'proof of purchase',
      'card payment',
      'original payment',
      'paper slip',
      'till search',
      'cash refund',
    ],
    related: ['return-window', 'double-charge'],
    lines: ['Without the receipt we could only offer store credit.', 'The card payment was right there in the till search.'],
  },
  {
    key: 'return-window',
    terms: ['return period', 'returns policy', 'deadline', 'sixty days', 'worn', 'exchange', 'tags removed', 'refund', 'used item'],
    related: ['refund-no-receipt', 'product-fault'],
    lines: ['The return period had ended two weeks earlier.', 'The returns policy is printed on the back of every receipt.'],
  },
  {
    key: 'shelf-price',
    terms: ['shelf price', 'shelf tag', 'till price', 'promotion', 'price label', 'overcharged', 'barcode', 'old tag', 'sale price'],
    related: ['price-match', 'long-queue'],
    lines: ["The shelf tag still showed last week's promotion.", 'The till price was higher than the price label.'],
  },
  {
    key: 'late-delivery',
    terms: ['delivery', 'courier', 'tracking number', 'parcel', 'dispatch', 'delivery date', 'warehouse', 'missed delivery', 'shipping'],
    related: ['damaged-delivery', 'wrong-item', 'collection'],
    lines: ['The tracking number showed the parcel stuck at the warehouse.', 'The courier marked it delivered but nothing came.'],
  },
  {
    key: 'damaged-delivery',
    terms: ['damaged', 'box', 'packaging', 'crushed', 'photos', 'replacement', 'courier', 'dented', 'broken glass'],
    related: ['late-delivery', 'product-fault'],
    lines: ['The box arrived crushed and the packaging was torn.', 'They sent photos of the damaged packaging the same evening.'],
  },
  {
    key: 'rude-staff',
    terms: ['rude', 'tone', 'attitude', 'eye roll', 'dismissive', 'sarcastic', 'shrugged', 'unprofessional', 'manners'],
    related: ['overheard-remark', 'manager-escalation'],
    lines: ['They said the associate rolled their eyes and shrugged.', 'The tone of the answer came across as sarcastic.'],
  },
  {
    key: 'long-queue',
    terms: ['queue', 'waiting', 'one till open', 'wait time', 'understaffed', 'lunch rush', 'self checkout', 'line', 'checkout'],
    related: ['fitting-room', 'shelf-price'],
    lines: ['Only one till was open during the lunch rush.', 'The queue reached the back of the shop.'],
  },
  {
    key: 'callback-missed',
    terms: ['call back', 'phone', 'voicemail', 'promised call', 'on hold', 'hold music', 'phone line', 'transferred', 'ticket number'],
    related: ['manager-escalation', 'online-chat'],
    lines: ['They were promised a call back within a day and nobody rang.', 'The phone line kept them on hold for forty minutes.'],
  },
  {
    key: 'double-charge',
    terms: [
      'charged twice',
      'bank statement',
      'card',
      'pending transaction',
      'duplicate payment',
      'transaction',
      'refund to card',
      'bank',
      'authorisation',
    ],
    related: ['refund-no-receipt', 'subscription'],
    lines: ['The bank statement showed the same amount charged twice.', 'The pending transaction had not dropped off after a week.'],
  },
  {
    key: 'loyalty-points',
    terms: [
      'loyalty points',
      'points balance',
      'member card',
      'rewards',
      'app',
      'points missing',
      'account',
      'member tier',
      'loyalty scheme',
    ],
    related: ['gift-card', 'coupon'],
    lines: ['The points balance in the app had not changed since spring.', 'The member card was not scanned at the till.'],
  },
  {
    key: 'gift-card',
    terms: ['gift card', 'balance', 'zero balance', 'activation', 'card number', 'gift', 'redeem', 'top up', 'voucher'],
    related: ['loyalty-points', 'coupon'],
    lines: ['The gift card showed a zero balance at the till.', 'The card had never been activated when it was sold.'],
  },
  {
    key: 'coupon',
    terms: ['coupon', 'promo code', 'discount code', 'expired', 'minimum spend', 'voucher', 'newsletter', 'code rejected', 'terms'],
    related: ['gift-card', 'loyalty-points', 'price-match'],
    lines: ['The promo code from the newsletter was rejected online.', 'The coupon had expired the day before.'],
  },
  {
    key: 'warranty-repair',
    terms: ['repair', 'warranty', 'workshop', 'spare part', 'technician', 'estimate', 'repair time', 'collected', 'fault'],
    related: ['product-fault', 'installation'],
    lines: ['The workshop was still waiting for the spare part.', 'The warranty repair had already taken six weeks.'],
  },
  {
    key: 'bag-check',
    terms: ['bag check', 'security guard', 'alarm', 'security tag', 'accused', 'theft', 'search', 'door', 'embarrassed'],
    related: ['abusive-customer', 'rude-staff'],
    lines: ['The alarm went off at the door because of a security tag.', 'The customer felt accused of theft in front of everyone.'],
  },
  {
    key: 'fitting-room',
    terms: ['fitting room', 'changing room', 'closing time', 'sizes', 'try on', 'attendant', 'locked', 'items limit', 'curtain'],
    related: ['long-queue', 'product-advice'],
    lines: ['The fitting rooms were locked half an hour before closing time.', 'The attendant said only four items at a time.'],
  },
  {
    key: 'online-chat',
    terms: ['chat', 'chat agent', 'live chat', 'bot', 'automated reply', 'website', 'canned response', 'chat window', 'disconnected'],
    related: ['callback-missed', 'data-privacy'],
    lines: ['The live chat kept sending the same automated reply.', 'The chat window disconnected before the agent answered.'],
  },
  {
    key: 'collection',
    terms: [
      'click and collect',
      'collection point',
      'pickup',
      'order ready',
      'confirmation email',
      'collection desk',
      'not ready',
      'order number',
      'locker',
    ],
    related: ['late-delivery', 'stock'],
    lines: ['The confirmation email said the order was ready for pickup.', 'Nobody at the collection desk could find the order number.'],
  },
  {
    key: 'product-fault',
    terms: ['faulty', 'stopped working', 'defect', 'broken zip', 'battery', 'seam', 'manufacturer', 'quality', 'fell apart'],
    related: ['warranty-repair', 'return-window', 'damaged-delivery'],
    lines: ['The zip broke the second time it was used.', 'The seam came apart after a handful of outings.'],
  },
  {
    key: 'stock',
    terms: ['out of stock', 'stock check', 'in stock online', 'stockroom', 'back order', 'restock', 'inventory', 'sold out', 'reserve'],
    related: ['collection', 'product-advice'],
    lines: ['The website said it was in stock but the shelves were empty.', 'The stockroom had none left of that size.'],
  },
  {
    key: 'wrong-item',
    terms: ['wrong item', 'wrong size', 'wrong colour', 'mix up', 'packed', 'picking error', 'label', 'swap', 'sent back'],
    related: ['late-delivery', 'damaged-delivery'],
    lines: ['The parcel held the wrong size in the wrong colour.', 'The picking error meant a second trip to the post office.'],
  },
  {
    key: 'parking-access',
    terms: ['car park', 'parking', 'disabled bay', 'parking ticket', 'accessibility', 'ramp', 'lift', 'wheelchair', 'entrance'],
    related: ['long-queue'],
    lines: ['The lift to the car park was out of order again.', 'The ramp at the side entrance was blocked by deliveries.'],
  },
  {
    key: 'abusive-customer',
    terms: ['shouting', 'swearing', 'threatened', 'aggressive', 'security called', 'abuse', 'insults', 'raised voice', 'frightened'],
    related: ['bag-check', 'manager-escalation'],
    lines: ['The customer started swearing and threatened the employee.', 'Security was called after the insults went on.'],
  },
  {
    key: 'overheard-remark',
    terms: ['overheard', 'comment', 'remark', 'joke', 'colleague', 'offensive', 'laughing', 'whispered', 'personal'],
    related: ['rude-staff'],
    lines: ['The customer overheard a remark about them in the aisle.', 'Two colleagues were laughing at a joke about the customer.'],
  },
  {
    key: 'manager-escalation',
    terms: [
      'manager',
      'supervisor',
      'escalate',
      'head office',
      'complaint letter',
      'formal complaint',
      'no manager available',
      'area manager',
      'response',
    ],
    related: ['callback-missed', 'rude-staff'],
    lines: ['They asked for a manager and were told none was available.', 'A formal complaint letter went to head office.'],
  },
  {
    key: 'subscription',
    terms: [
      'cancel',
      'subscription',
      'membership',
      'cancellation fee',
      'contract',
      'renewal',
      'auto renew',
      'notice period',
      'direct debit',
    ],
    related: ['double-charge', 'data-privacy'],
    lines: ['The membership renewed automatically after they had cancelled.', 'The direct debit was taken despite the notice period.'],
  },
  {
    key: 'price-match',
    terms: [
      'price match',
      'competitor',
      'cheaper',
      'online price',
      'website price',
      'screenshot',
      'lower price',
      'match policy',
      'other shop',
    ],
    related: ['shelf-price', 'coupon'],
    lines: ['They showed a screenshot of a competitor selling it cheaper.', 'The online price was lower than the price in the shop.'],
  },
  {
    key: 'language',
    terms: [
      'language',
      'translate',
      'accent',
      'understand',
      'interpreter',
      'english',
      'explain slowly',
      'misunderstood',
      'translation app',
    ],
    related: ['product-advice'],
    lines: ['They used a translation app to explain what they needed.', 'The customer felt mocked for their accent.'],
  },
  {
    key: 'product-advice',
    terms: [
      'advice',
      'recommendation',
      'wrong advice',
      'sizing advice',
      'product knowledge',
      'asked for help',
      'recommended',
      'specs',
      'compatibility',
    ],
    related: ['stock', 'fitting-room', 'language'],
    lines: ['The associate recommended a model that did not fit their needs.', 'Nobody could answer a simple question about the specs.'],
  },
  {
    key: 'installation',
    terms: ['installation', 'fitter', 'appointment', 'no show', 'engineer', 'time slot', 'install date', 'rescheduled', 'visit'],
    related: ['warranty-repair', 'callback-missed'],
    lines: ['The engineer did not turn up for the morning time slot.', 'The installation was rescheduled for the third time.'],
  },
  {
    key: 'data-privacy',
    terms: [
      'personal data',
      'email address',
      'marketing emails',
      'unsubscribe',
      'privacy',
      'data deleted',
      'account details',
      'consent',
      'phone number',
    ],
    related: ['online-chat', 'subscription'],
    lines: ['Marketing emails kept coming after they unsubscribed.', 'They asked for their personal data to be deleted.'],
  },
];

/** Sentences with room for one or two of a topic's terms ({t}, {u}) and a person ({c}: customer, {e}: employee). */
const FRAMES: readonly string[] = [
  'The customer said the {t} was the whole problem.',
  '{c} came to the counter about the {t} and was upset.',
  'I explained the {t} to {c} twice.',
  '{e} told them nothing could be done about the {t}.',
  'They asked why the {t} had not been sorted out yet.',
  'It started with the {t} and then got worse.',
  'Nobody had mentioned the {t} before.',
  '{c} wanted someone to look at the {t} again.',
  'We went through the {t} together.',
  'The complaint was about the {t} and the {u}.',
  'I should have checked the {t} first.',
  '{e} said the {t} is handled by another team.',
  'This is the second time the {t} has caused trouble this month.',
  '{c} kept coming back to the {t}.',
  'According to {e}, the {t} was not our fault.',
  'The {t} made {c} feel they were not being taken seriously.',
  'I offered to follow up on the {t} by the end of the week.',
  'Apparently the {t} had already been raised on the phone.',
  '{c} said other shops handle the {t} much better.',
  'The {t} and the {u} came up again when the supervisor arrived.',
];

/** What any conflict has, whatever it is about. */
const BACKGROUND: readonly string[] = [
  'I apologised and tried to calm things down.',
  'The customer was clearly frustrated.',
  'It was a busy afternoon and we were short of staff.',
  'I asked my supervisor to come over.',
  'They said they would never shop here again.',
  'I listened and let them finish.',
  'In the end they left without buying anything.',
  'My colleague stepped in to help.',
  'The customer raised their voice and other shoppers turned around.',
  'I felt I could have handled it better.',
  'We agreed that I would call them tomorrow.',
  'They wanted to speak to someone in charge.',
  '{c} said this was not the first time.',
  '{e} stayed calm and kept explaining.',
  'The conversation lasted about twenty minutes.',
  'I wrote down everything they said.',
  'They thanked me at the end, but they were still unhappy.',
  'Looking back, a clearer answer at the start would have helped.',
];

const FIRST = [
  'Sam',
  'Alex',
  'Jordan',
  'Priya',
  'Tom',
  'Maria',
  'Wei',
  'Fatima',
  'Liam',
  'Grace',
  'Omar',
  'Chloe',
  'Diego',
  'Hana',
  'Noah',
  'Ines',
];
const LAST = ['Okafor', 'Whitfield', 'Nguyen', 'Garcia', 'Smith', 'Kowalski', 'Haddad', 'Brown', 'Rossi', 'Patel', 'Murphy', 'Lindqvist'];

/** A term of the topic, the first ones more often (about a Zipf tail). */
function term(random: Random, topic: Topic): string {
  const n = topic.terms.length;
  const r = random.next() ** 1.6;
  return topic.terms[Math.min(n - 1, Math.floor(r * n))] as string;
}

/** Swaps two letters of a word now and then, as people type. */
function typo(random: Random, word: string): string {
  if (word.length < 5) return word;
  const i = random.int(1, word.length - 3);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

function fill(random: Random, frame: string, topic: Topic | null): string {
  const person = () => (random.chance(0.5) ? random.pick(FIRST) : `${random.pick(FIRST)} ${random.pick(LAST)}`);
  return frame
    .replace('{t}', () => (topic ? term(random, topic) : 'issue'))
    .replace('{u}', () => (topic ? term(random, topic) : 'answer'))
    .replace('{c}', person)
    .replace('{e}', () => random.pick(FIRST));
}

/** Topic sizes with a long tail: the biggest is about 12 times the smallest. */
function topicWeights(): number[] {
  return TOPICS.map((_, i) => 1 / (1 + i * 0.4));
}

function pickWeighted(random: Random, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random.next() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] as number;
    if (r <= 0) return i;
  }
  return weights.length - 1;
}

/** `count` narratives from a fixed seed: the same texts on every machine. */
export function generateNarratives(count: number, seed = 17, options: { idPrefix?: string; topics?: number } = {}): Narrative[] {
  const random = createRandom(seed);
  const topics = TOPICS.slice(0, options.topics ?? TOPICS.length);
  const weights = topicWeights().slice(0, topics.length);
  const byKey = new Map(topics.map((t) => [t.key, t]));
  const out: Narrative[] = [];
  for (let n = 0; n < count; n++) {
    const main = topics[pickWeighted(random, weights)] as Topic;
    let second: Topic | null = null;
    if (random.chance(0.5)) {
      const related = main.related.map((k) => byKey.get(k)).filter((t): t is Topic => t !== undefined);
      second = related.length && random.chance(0.7) ? random.pick(related) : random.pick(topics);
      if (second === main) second = null;
    }
    const sentences: string[] = [];
    const length = Math.round(4 + random.next() ** 1.3 * 12);
    for (let s = 0; s < length; s++) {
      const r = random.next();
      if (r < 0.3) sentences.push(fill(random, random.pick(BACKGROUND), null));
      else {
        const topic = second && r > 0.78 ? second : main;
        sentences.push(random.chance(0.15) ? random.pick(topic.lines) : fill(random, random.pick(FRAMES), topic));
      }
    }
    const words = sentences.join(' ').split(' ');
    const text = words.map((w) => (random.chance(0.02) ? typo(random, w) : w)).join(' ');
    out.push({ id: `${options.idPrefix ?? 'n'}${n}`, text, topic: main.key });
  }
  return out;
}
