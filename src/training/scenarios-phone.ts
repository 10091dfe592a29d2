import type { Scenario } from '../domain/training.js';

/* Built-in practice scenarios on the phone. Every line is our own; see scenario-library.ts for the index. */

const ALL_LEVELS: Scenario['difficulties'] = ['patient', 'interrupts', 'threatens_to_leave'];

/** Manager mediation: a supervisor calls back a customer who says a cashier was rude. */
export const RUDE_CASHIER_CALLBACK: Scenario = {
  key: 'rude-cashier-callback',
  version: 1,
  title: 'Calling back about a rude cashier',
  summary:
    'You are the supervisor. A long-standing customer says your cashier rolled his eyes at her in front of a queue. Hear her, own it, and don’t throw him under the bus.',
  brief:
    'You supervise the store. Gloria Mensah complained that Ben, a cashier, rolled his eyes and said “some of us have real work to do” when she asked about a price. You have not spoken to Ben yet. Call her back: hear her out, take it seriously, and tell her what happens next. Never blame or punish Ben in front of her.',
  persona: {
    name: 'Gloria Mensah',
    who: 'A retired teacher who has shopped at the store every Thursday for ten years.',
    whatHappened:
      'She asked whether the coffee was still on offer; the cashier rolled his eyes and made a remark. Someone in the queue laughed.',
    wants: 'An apology, to know it is being dealt with, and to be treated with respect.',
    startMood: 'angry',
    calmer: ['An apology for how she was treated', 'Hearing that you take it seriously', 'Being told when she will hear back'],
    angrier: ['Excuses for the cashier', 'Being told he is new or having a bad day', 'Being asked whether she is sure'],
    triggers: [
      { phrases: ["he's new", 'he is new', 'bad day', 'under a lot of pressure', 'busy day'], weight: 12, why: 'Excuses for the cashier' },
      { phrases: ['are you sure', 'misunderstood', 'misheard'], weight: 12, why: 'Her account was doubted' },
      { phrases: ['ten years', '10 years', 'every Thursday'], weight: -3, why: 'You recognised her as a long-standing customer' },
      { signal: 'apology', weight: -4, why: 'She wanted an apology above all' },
    ],
    ventTurns: 1,
    mayBecomeAbusive: false,
    lines: {
      opening: [
        'I’ve shopped at your store for ten years and I have never been spoken to like that. In front of a queue of people!',
        'You’re the supervisor? Good. Your cashier was unbelievably rude to me yesterday and I want to know what you’re going to do about it.',
        'I asked a simple question about a price and I was made to feel like a nuisance. I’m still upset about it.',
      ],
      vent: [
        'All I asked was whether the coffee was still on offer. He rolled his eyes and said some of us have real work to do.',
        'There were six people behind me. One of them laughed. I felt about this big.',
        'I taught for thirty-five years. I know what rudeness looks like, and that was it.',
        'I’ve been coming in every Thursday for ten years. I know half your staff by name.',
      ],
      calm: [
        'Thank you. That’s all I wanted, really: to be taken seriously.',
        'Alright. I appreciate you calling me yourself.',
        'That’s fair. I don’t want the boy sacked, I just want it not to happen again.',
        'Well. Thank you for listening to me.',
      ],
      frustrated: [
        'I just want someone to say it wasn’t acceptable.',
        'I’m not after anything. I want an apology.',
        'So what happens now?',
        'I don’t want excuses. I want to know it’s being dealt with.',
      ],
      angry: [
        'Don’t you dare make excuses for him.',
        'I was humiliated, and you want to talk about how busy it was?',
        'Are you saying I’m lying?',
        'I’ve spent a fortune in that shop over the years and this is how I’m treated.',
      ],
      hostile: [
        'I want your area manager’s name. Now.',
        'I’ll write to head office, and to the local paper.',
        'Clearly nobody there cares about customers at all.',
        'I’m done being polite about this.',
      ],
      satisfied: [
        'Thank you. I appreciate that. I’ll see you on Thursday, then.',
        'That’s all I wanted. Thank you for taking it seriously.',
        'Alright. Thank you, dear. I feel much better about it.',
        'Good. I’ll look forward to hearing from you.',
      ],
      walkAway: [
        'I can see this is going nowhere. I’ll take my shopping elsewhere.',
        'I’m writing to head office. Goodbye.',
        'Forget it. Ten years, and this is what I get.',
        'I’ve heard enough. Goodbye.',
      ],
    },
  },
  playbookKey: 'manager-mediation',
  steps: ['hear-both-sides', 'empathise', 'communicate-clearly', 'offer-solution'],
  strategy: 'diffuse',
  channel: 'phone',
  customerIsRight: true,
  passMark: 70,
  rubric: {
    mustSay: [],
    neverSay: [
      {
        label: 'Blaming or punishing your employee in front of her',
        phrases: [
          "he's useless",
          'he is useless',
          'always like that',
          "he'll be fired",
          'he will be fired',
          'fire him',
          'get rid of him',
          'sack him',
        ],
        why: 'Say sorry for her experience; deal with your employee in private. A manager who sells out staff loses the team and the customer’s trust.',
      },
    ],
  },
  goal: { calmAt: 25, needs: ['empathy', 'apology', 'paraphrase', 'commitment_timed'], abusePolicyIsRight: false },
  difficulties: ALL_LEVELS,
  models: {
    'hear-both-sides': 'Thank you for telling us, and I’m glad you did. Could you walk me through what happened at the till?',
    empathise:
      'Having someone roll their eyes at you in front of a queue is not okay. That must have been really upsetting, and I’m sorry you were treated that way. I’m taking it seriously.',
    'communicate-clearly':
      'So you asked about the coffee offer, he rolled his eyes and said some of us have real work to do, and people in the queue heard it. Have I got that right?',
    'offer-solution':
      'Here is what happens now: I will speak with him in private today, and I will call you by 5pm on Friday to tell you what we have changed. Thank you for giving us the chance to put it right.',
  },
};

/** Negotiate with a calm customer who is right: options, agree one, follow through. */
export const DOUBLE_CHARGE: Scenario = {
  key: 'double-charge',
  version: 1,
  title: 'Charged twice for one box',
  summary: 'A calm café owner spots his 48-dollar subscription taken twice. Easy to fix; easy to make hard. Offer options and a time.',
  brief:
    'You answer the phone for a coffee subscription service. Aaron Kim was charged 48 dollars twice on 1 March for one delivery. You can refund the second payment to his card today, or credit it to his account. Refunds reach a card in three to five days.',
  persona: {
    name: 'Aaron Kim',
    who: 'Owns a small café and keeps careful books.',
    whatHappened: 'His card shows two payments of 48 dollars a minute apart for one box.',
    wants: 'The extra payment back, and to know it will not happen again.',
    startMood: 'calm',
    calmer: ['Plain words and a choice', 'Something happening today', 'A confirmation he can file'],
    angrier: ['Payment jargon', 'Long waits with no reason', 'Having to ask twice'],
    triggers: [
      { signal: 'jargon', weight: 6, why: 'He runs a café, not a payments desk: jargon loses him' },
      { phrases: ['business days', 'working days'], weight: 3, why: 'A wait, in words that sound like a brush-off' },
      { phrases: ['today'], weight: -3, why: 'Something happens today' },
      { phrases: ['email', 'confirmation'], weight: -2, why: 'A confirmation for his books' },
    ],
    ventTurns: 0,
    mayBecomeAbusive: false,
    lines: {
      opening: [
        'Hi, I hope you can help. I’ve been charged twice for my March delivery box: two payments of 48 dollars on the same day.',
        'Hello. I was checking my card statement and the 48 dollar subscription has gone out twice on the first. Could you look into it?',
        'Hi there. Small thing, but it matters to me: my subscription went out twice this month, 48 dollars each time.',
      ],
      vent: [
        'Both payments are on the first of March, about a minute apart.',
        'I only got the one box. It arrived fine, by the way.',
        'It’s my business card, so I have to account for every payment.',
        'I called last year about something similar and it took a while to sort.',
      ],
      calm: [
        'That would be great. What are my options?',
        'Okay, thank you. How long does that usually take?',
        'Good. And will it happen again next month?',
        'Sounds fair. What do you need from me?',
      ],
      frustrated: [
        'I’d just like my 48 dollars back, please.',
        'I don’t really follow. What happens to the second payment?',
        'I’m happy to wait, I just need to know how long.',
        'Could you give me something more definite?',
      ],
      angry: [
        'This is the second time this has happened, you know.',
        'I’m starting to wonder whether I should cancel altogether.',
        'Why is it so hard to give back money you took by mistake?',
        'I’ve been patient. I’d like a straight answer.',
      ],
      hostile: [
        'Just cancel the subscription. I’m done.',
        'I’ll ask my bank to reverse it, then.',
        'I’m not interested in excuses.',
        'Is there anyone there who can actually fix this?',
      ],
      satisfied: [
        'Perfect, thank you. That’s sorted, then.',
        'Great. I appreciate you making it easy.',
        'Lovely, thanks for your help today.',
        'That’s all I needed. Thank you.',
      ],
      walkAway: [
        'I’ll just dispute it with my bank. Bye.',
        'Never mind. Please cancel my subscription.',
        'I haven’t got all day. I’ll sort it another way.',
        'Forget it. I’ll take my coffee money elsewhere.',
      ],
    },
  },
  playbookKey: 'strategy-negotiate',
  steps: ['find-needs', 'options', 'agree', 'follow-through'],
  strategy: 'negotiate',
  channel: 'phone',
  customerIsRight: true,
  passMark: 70,
  rubric: { mustSay: [], neverSay: [] },
  goal: { calmAt: 20, needs: ['open_question', 'solution', 'commitment_timed', 'thanks'], abusePolicyIsRight: false },
  difficulties: ALL_LEVELS,
  models: {
    'find-needs':
      'Thanks for spotting that, Aaron. So you were charged 48 dollars twice on the first of March for one box. What would you like us to do with the second payment?',
    options:
      'Here are two options: I can refund the extra 48 dollars to your card today, or add it to your account as credit towards next month’s box. Which would you prefer?',
    agree: 'So we’ll refund the 48 dollars to your card today, and I’ve fixed the setting that caused the double charge.',
    'follow-through': 'I’ll email you the refund confirmation by 5pm today. Thank you for working this out with me.',
  },
};

/** Confront with a calm customer who is wrong: the sale ended; say it plainly, offer what you can. */
export const SALE_PRICE_ENDED: Scenario = {
  key: 'sale-price-ended',
  version: 1,
  title: 'One day after the sale',
  summary: 'A polite customer calls to order a coffee machine at the sale price. The sale ended on Sunday.',
  brief:
    'You take phone orders for a kitchenware shop. Helen Brooks wants the Brera coffee machine at last week’s sale price, 25 percent off. The sale ended on Sunday and cannot be applied now. You can offer free delivery, and a refund of the difference if the price drops again within 14 days.',
  persona: {
    name: 'Helen Brooks',
    who: 'A retired nurse buying a birthday present for her husband.',
    whatHappened: 'She had the machine in her basket on Saturday and forgot to finish the order.',
    wants: 'The sale price, or at least a fair deal.',
    startMood: 'calm',
    calmer: ['Honesty about when the sale ended', 'An option that saves her money', 'Not being made to feel silly'],
    angrier: ['The word “policy” with no reason', 'Being told she should have ordered earlier', 'Jargon'],
    triggers: [
      { phrases: ['free delivery', 'price match', 'difference'], weight: -6, why: 'An option that saves her money' },
      { phrases: ['policy'], weight: 4, why: 'The word “policy” on its own' },
      { signal: 'jargon', weight: 4, why: 'Jargon on the phone' },
    ],
    ventTurns: 0,
    mayBecomeAbusive: false,
    lines: {
      opening: [
        'Hello, I’d like to order the Brera coffee machine at the sale price, please. The 25 percent off one.',
        'Hi, I saw the coffee machine on your website at 25 percent off last week. Could I order it at that price today?',
        'Good morning. I meant to order the coffee machine in your sale and didn’t get round to it. Can I still have the sale price?',
      ],
      vent: [
        'I had it in my basket on Saturday, but then my son rang and I forgot.',
        'It was 299 instead of 399. That’s a lot of money for me.',
        'I’m not trying to be difficult, I just thought it might still apply.',
        'It’s a present for my husband’s birthday next week.',
      ],
      calm: [
        'Oh, I see. Well, it was worth asking.',
        'Free delivery would help, actually. How does that work?',
        'Alright. And if it goes on sale again?',
        'That’s fair. Thank you for being honest.',
      ],
      frustrated: [
        'One day late, and it’s a hundred dollars more?',
        'That seems a bit harsh.',
        'Couldn’t you just let it go this once?',
        'So there’s nothing at all you can do?',
      ],
      angry: [
        'I’ve bought from you for years. This is how you treat me?',
        'That’s a ridiculous way to run a shop.',
        'I’ll just buy it somewhere else, then.',
        'You’re not even trying to help.',
      ],
      hostile: [
        'I want to speak to a manager.',
        'I’m closing my account with you.',
        'What a shambles.',
        'Don’t bother. I’m going elsewhere.',
      ],
      satisfied: [
        'That sounds fair. Let’s do that. Thank you, dear.',
        'Alright, I’ll take it with the free delivery. Thank you for explaining.',
        'Lovely. You’ve been very helpful.',
        'Okay, that works for me. Thank you.',
      ],
      walkAway: [
        'I think I’ll look elsewhere, thank you.',
        'Never mind. I’ll find it cheaper somewhere else.',
        'I’m sorry, I don’t think I’ll bother. Goodbye.',
        'Forget it. Goodbye.',
      ],
    },
  },
  playbookKey: 'strategy-confront',
  steps: ['calm-first', 'say-it-plainly', 'offer-what-you-can', 'close-with-respect'],
  strategy: 'confront',
  channel: 'phone',
  customerIsRight: false,
  passMark: 70,
  rubric: {
    mustSay: [
      {
        label: 'When the sale ended',
        phrases: ['ended on Sunday', 'ended yesterday', 'finished on Sunday', 'ran until Sunday', 'sale has ended', 'sale ended'],
        why: 'Say plainly when the offer ended: it is the reason, and it is nobody’s fault.',
      },
    ],
    neverSay: [
      {
        label: 'Giving the sale price anyway',
        phrases: ['give you the sale price', 'honour the sale price', 'honor the sale price', 'apply the discount', 'make an exception'],
        why: 'The sale ended for everyone. Offer what you may offer instead.',
      },
    ],
  },
  goal: { calmAt: 25, needs: ['solution'], abusePolicyIsRight: false },
  difficulties: ALL_LEVELS,
  models: {
    'calm-first': 'I can see why you’d hope the sale price still applied. It’s frustrating to miss it by a day.',
    'say-it-plainly': 'I’ll be honest with you: the sale ended on Sunday, so I can’t apply the discount today.',
    'offer-what-you-can':
      'What I can do is deliver it free, and if it goes on sale again within 14 days we’ll refund the difference. Would that help?',
    'close-with-respect':
      'Thank you for understanding. So it’s the coffee machine with free delivery, and we refund the difference if the price drops within 14 days.',
  },
};

/** Withdraw under the abuse policy: an abusive caller. The right move is to end the call. */
export const ABUSIVE_CALLER: Scenario = {
  key: 'abusive-caller',
  version: 1,
  title: 'The caller who will not stop insulting you',
  summary: 'A caller’s refund really is late, but he insults and threatens you from the first word. The abuse policy is the right ending.',
  brief:
    'You answer the phone for a travel agency. Vince Harlow’s refund of 230 dollars for a cancelled booking is three weeks late: he is right about that. He is also calling you names and making threats. Under the abuse policy you may end a call when a customer is abusive; a supervisor then takes the case.',
  persona: {
    name: 'Vince Harlow',
    who: 'A customer owed a refund who has decided shouting gets results.',
    whatHappened: 'He cancelled a booking on the 2nd and was told five working days. It has been three weeks.',
    wants: 'His money, today.',
    startMood: 'abusive',
    calmer: ['A clear boundary, said calmly', 'Being told who will call him and when'],
    angrier: ['Being told to calm down', 'Scripts and excuses'],
    triggers: [
      { signal: 'dismissive', weight: 10, why: 'Told to calm down' },
      { phrases: ['policy', 'procedure'], weight: 6, why: 'A script, to him' },
    ],
    ventTurns: 0,
    mayBecomeAbusive: true,
    lines: {
      opening: [
        'Right, you useless lot. Where is my refund? Three weeks! Are you all brain-dead?',
        'Is this another idiot who can’t read a screen? Where is my two hundred and thirty dollars?',
        'Finally. Another clown. Listen carefully, because I’m only saying this once: my refund, today, or I come down there.',
      ],
      vent: [
        'I cancelled the booking on the second. You said five working days.',
        'Two hundred and thirty dollars. It is not complicated.',
        'I’ve called four times. Four.',
        'Every time some kid reads me a script.',
      ],
      calm: [
        'Fine. Okay. When will it be in my account?',
        'Alright. Sorry. It’s been a bad week.',
        'Okay. What’s the reference?',
        'Fine. I’m listening.',
      ],
      frustrated: [
        'I just want my money.',
        'Three weeks. You can see why I’m annoyed.',
        'When, exactly? Give me a date.',
        'I’m not paying for your mistakes.',
      ],
      angry: ['Don’t read me a script.', 'This is daylight robbery.', 'You lot are hopeless.', 'I want it today.'],
      hostile: [
        'Put your manager on. Now!',
        'I’m not listening to any more of this rubbish!',
        'You’re wasting my time!',
        'I’ll report the lot of you!',
      ],
      abusive: [
        'Are you thick? I’ve told you three times. Put someone with a brain on the phone.',
        'You are a useless waste of space, you know that?',
        'I know where your office is. Maybe I’ll come and collect it from you personally.',
        'Listen to me, you pathetic little clerk. My money. Now.',
        'I’ll have your job for this. I’ll make it my hobby.',
      ],
      satisfied: [
        'Fine. Tomorrow, then. It had better be there.',
        'Alright. I’ll wait for the call.',
        'Okay. Thanks, I suppose.',
        'Right. Fine.',
      ],
      walkAway: [
        'I’m hanging up. You’ll hear from my solicitor.',
        'Waste of my time. I’m coming down there.',
        'Forget it. Useless, the lot of you.',
        'I’ve had it. Goodbye.',
      ],
    },
  },
  playbookKey: 'strategy-withdraw',
  steps: ['step-back', 'come-back'],
  strategy: 'withdraw',
  channel: 'phone',
  customerIsRight: true,
  passMark: 70,
  rubric: {
    mustSay: [],
    neverSay: [
      {
        label: 'Answering abuse with abuse',
        phrases: ['idiot', 'shut up', 'how dare you', 'clown'],
        why: 'Never answer insults with insults. Stay calm, set the boundary once, and end the call under the policy.',
      },
    ],
  },
  goal: { calmAt: 0, needs: [], abusePolicyIsRight: true },
  difficulties: ALL_LEVELS,
  models: {
    'step-back':
      'I want to help you get your refund, but I won’t be spoken to like that. If the insults carry on, I’ll end this call and my supervisor will call you back.',
    'come-back': 'My supervisor will call you about the refund at 10am tomorrow. I’m ending this call now.',
  },
};

/** Six habits with a worried customer who made the mistake herself: reassure, fix, thank. */
export const DOUBLE_BOOKING: Scenario = {
  key: 'double-booking',
  version: 1,
  title: 'Booked twice for the wedding weekend',
  summary:
    'A worried grandmother booked the same hotel room twice by mistake and fears paying twice. The free cancellation window has closed.',
  brief:
    'You answer the phone at a hotel booking service. Edith Carver, 74, booked the same room twice for her granddaughter’s wedding weekend, 380 dollars each. Free cancellation ended three days ago, so a cancellation fee would normally apply; you may waive it once as a courtesy, within your authority.',
  persona: {
    name: 'Edith Carver',
    who: 'A grandmother travelling alone to her granddaughter’s wedding.',
    whatHappened: 'She pressed “book” twice on a slow website and only noticed on her bank statement.',
    wants: 'To know she will not pay twice, in words she can follow.',
    startMood: 'frustrated',
    calmer: ['Hearing she will not lose the money', 'Short, plain sentences', 'Being thanked, not blamed'],
    angrier: ['Jargon', 'Long explanations', 'Being told it was her own fault'],
    triggers: [
      { signal: 'jargon', weight: 8, why: 'Jargon confuses and frightens her' },
      { signal: 'reassurance', weight: -5, why: 'She needed to hear she would not lose the money' },
      { signal: 'long_reply', weight: 4, why: 'Long explanations lose her' },
      { phrases: ['wedding', 'granddaughter'], weight: -3, why: 'You remembered why she is travelling' },
    ],
    ventTurns: 1,
    mayBecomeAbusive: false,
    lines: {
      opening: [
        'Oh, hello. I think I’ve done something silly. I’ve booked my room twice and I can’t afford to pay twice.',
        'Hello, I hope you can help me. My bank shows two bookings for the same hotel. I only need one room!',
        'I’m ever so worried. I’ve been charged twice for my room for my granddaughter’s wedding.',
      ],
      vent: [
        'The website was so slow, I pressed the button again. I didn’t know it would do it twice.',
        'It’s 380 dollars each time. That’s my pension for the month.',
        'I tried to cancel it myself and it said there was a fee. I didn’t understand the rest.',
        'My granddaughter is getting married on the 14th. I’ve been looking forward to it all year.',
      ],
      calm: [
        'Oh, thank goodness. Thank you.',
        'Alright, dear. So I only pay for one?',
        'That’s a weight off my mind.',
        'Thank you for being so patient with me.',
      ],
      frustrated: [
        'I’m sorry, I don’t quite follow. Will I get the money back?',
        'So will I have to pay for both?',
        'I just want to know it’s alright.',
        'I don’t understand all these terms.',
      ],
      angry: [
        'I can’t afford this. It’s not fair.',
        'Nobody will give me a straight answer!',
        'I’ve been a customer for years and this is how you treat me?',
        'Please stop using words I don’t know.',
      ],
      hostile: [
        'I want to speak to somebody in charge.',
        'I’ll ask my son to call you, then.',
        'This is a disgrace, taking money from pensioners.',
        'I’m going to the bank about this.',
      ],
      satisfied: [
        'Oh, thank you, dear. You’ve been so kind.',
        'Lovely. Thank you so much. I can stop worrying now.',
        'Thank you. I’ll look out for the email.',
        'You’re an angel. Thank you.',
      ],
      walkAway: [
        'I’ll ask my son to sort it out. Goodbye.',
        'I don’t understand any of this. I’ll go to the bank.',
        'Never mind. I’ll manage.',
        'I’m too upset to carry on. Goodbye.',
      ],
    },
  },
  playbookKey: 'six-tips',
  steps: ['let-them-talk', 'ask-and-listen', 'calm-support', 'focus-on-solution', 'thank-them'],
  strategy: 'negotiate',
  channel: 'phone',
  customerIsRight: false,
  passMark: 70,
  rubric: {
    mustSay: [
      {
        label: 'That a fee normally applies',
        phrases: ['cancellation fee', 'the fee', 'a fee'],
        why: 'She should know the fee normally applies, so the waiver is clearly a one-off and she knows for next time.',
      },
    ],
    neverSay: [
      {
        label: 'Telling her it was her fault',
        phrases: ['your mistake', 'your own fault', 'should have checked', 'you booked it twice', 'you pressed it twice'],
        why: 'It was her mistake, and she knows it. Saying so adds shame and fixes nothing.',
      },
    ],
  },
  goal: { calmAt: 25, needs: ['open_question', 'reassurance', 'solution', 'commitment_timed', 'thanks'], abusePolicyIsRight: false },
  difficulties: ALL_LEVELS,
  models: {
    'let-them-talk': 'Please don’t worry, we’ll sort this out together. Tell me what happened when you booked?',
    'ask-and-listen':
      'So you booked the room for the wedding weekend, the website was slow, and you were charged 380 dollars twice. What would you like us to do?',
    'calm-support': 'I can see how worrying this is before the wedding. You won’t pay twice: I’ll make sure of that.',
    'focus-on-solution':
      'A cancellation fee would normally apply now, but I will cancel the second booking and waive the fee this once. The 380 dollars will be back in your account by Friday.',
    'thank-them': 'Thank you for calling us so quickly. I’ll email you the confirmation by 6pm today.',
  },
};
