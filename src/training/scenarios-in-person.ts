import type { Scenario } from '../domain/training.js';

/*
 * Built-in practice scenarios at the counter and on the shop floor. Every line is our own; the
 * situations are the everyday ones the seeds describe (an upset customer, a customer who is wrong, a
 * heated exchange, a complaint about the person serving). See scenario-library.ts for the index.
 */

const ALL_LEVELS: Scenario['difficulties'] = ['patient', 'interrupts', 'threatens_to_leave'];

/** Five steps, done well, with a customer who is right and angry. */
export const CAKE_NOT_READY: Scenario = {
  key: 'cake-not-ready',
  version: 1,
  title: 'The birthday cake that was never made',
  summary: 'A mother collects her daughter’s birthday cake three hours before the party. There is no cake, and nobody called her.',
  brief:
    'You work at the bakery counter. Maria Santos ordered a unicorn cake a week ago for her daughter’s seventh birthday party at 3 pm today. The order slip was lost and nothing was baked. The baker can make the cake now if you ask. You may give it free of charge.',
  persona: {
    name: 'Maria Santos',
    who: 'A mother with twelve seven-year-olds arriving at her house at three.',
    whatHappened: 'She paid a deposit a week ago and rang on Wednesday to check. The order was lost and nobody told her.',
    wants: 'A cake for the party today, or her money back, and to hear someone own the mistake.',
    startMood: 'angry',
    calmer: ['Being listened to without excuses', 'Hearing that you know the party is today', 'A real plan with a time on it'],
    angrier: ['Being told it is only a cake', 'Excuses about how busy the bakery is', 'Being asked to come back another day'],
    triggers: [
      { phrases: ['only a cake', 'just a cake'], weight: 15, why: 'Told it is only a cake: it is her daughter’s birthday' },
      { phrases: ['busy', 'short-staffed', 'short staffed'], weight: 8, why: 'Excuses about how busy the bakery is' },
      { phrases: ['come back another day', 'come back tomorrow'], weight: 10, why: 'Asked to come back when the party is today' },
      { phrases: ['party', 'birthday', 'daughter', 'Lily'], weight: -4, why: 'You remembered what the cake is for' },
    ],
    ventTurns: 1,
    mayBecomeAbusive: false,
    lines: {
      opening: [
        'I ordered a birthday cake here a week ago for my daughter’s party at three o’clock today, and you’re telling me there’s no cake? Nobody even called me!',
        'I came to pick up my daughter’s birthday cake and apparently it doesn’t exist. The party is this afternoon. How does that even happen?',
        'The cake I paid for last week isn’t here. It’s for my little girl’s party today, at three. Nobody rang, nobody said a word.',
      ],
      vent: [
        'I paid the deposit last Saturday. The girl at the counter wrote it all down: a unicorn on top, Lily in pink letters. I have the slip right here.',
        'I’ve got twelve seven-year-olds coming at three and I still have to pick up the balloons. I planned my whole morning around this cake.',
        'And the worst part is I rang on Wednesday to check. Someone told me it was all in hand.',
        'Lily has talked about this unicorn cake for a month. What am I supposed to tell her?',
      ],
      calm: [
        'Okay. Thank you. What happens now?',
        'Right. That sounds better. How long will it take?',
        'Fine. I just need to know it will be there for three.',
        'Alright. I appreciate you sorting it. Is it definitely going to be ready?',
      ],
      frustrated: [
        'I just want a cake for my daughter’s party. That’s all.',
        'I still don’t know what you’re actually going to do.',
        'I’m trying to stay calm here, but the clock is ticking.',
        'Can someone please tell me what happens now?',
      ],
      angry: [
        'This is her seventh birthday. You’ve ruined it.',
        'I paid a deposit. I rang to check. What more was I supposed to do?',
        'I’m not leaving here without a cake or my money.',
        'Unbelievable. A week’s notice and you still couldn’t get it right.',
      ],
      hostile: [
        'Get me someone who actually knows what they’re doing!',
        'I am this close to telling every parent at that party never to shop here.',
        'Don’t you dare tell me to wait. I have been waiting all week!',
        'You people are useless. Completely useless.',
      ],
      satisfied: [
        'Okay. Thank you. That actually works. I’ll see you then.',
        'Right. Thank you for sorting it out. Lily will never know.',
        'Fine, that works. Thank you for actually listening.',
        'Good. That’s all I wanted. Thanks.',
      ],
      walkAway: [
        'Forget it. I’ll buy one at the supermarket. You’ve lost a customer.',
        'I’m done. I want my deposit back and I’m never coming here again.',
        'No. I’m leaving. I’ll sort it out myself, like always.',
        'Don’t bother. I’ll tell the other parents exactly how this went.',
      ],
    },
  },
  playbookKey: 'five-steps',
  steps: ['focus', 'vent', 'empathise', 'summarise', 'solve'],
  strategy: 'negotiate',
  channel: 'in_person',
  customerIsRight: true,
  passMark: 70,
  rubric: {
    mustSay: [],
    neverSay: [
      {
        label: 'Playing the loss down',
        phrases: ['only a cake', 'just a cake', 'not the end of the world'],
        why: 'It is her daughter’s birthday: never make the loss sound small.',
      },
    ],
  },
  goal: { calmAt: 25, needs: ['empathy', 'paraphrase', 'solution', 'commitment_timed'], abusePolicyIsRight: false },
  difficulties: ALL_LEVELS,
  models: {
    focus: 'I’m here, and you have my full attention. Tell me what happened when you came in?',
    vent: 'Go on, I’m listening. Is there anything else I should know?',
    empathise: 'I’m so sorry the cake isn’t ready for your daughter’s party. With the party at three, that must be really stressful.',
    summarise:
      'So if I have this right, you paid a deposit a week ago, you rang on Wednesday to check, and there’s no cake for Lily’s party at three. Is that right?',
    solve:
      'Here’s what I can do: our baker will make the unicorn cake now, free of charge, and it will be ready by 1:30pm today. I’ll call you at 1pm to confirm. Thank you for bearing with us.',
  },
};

/** Confront: the customer is wrong about the rule; say it plainly and kindly, then offer what you can. */
export const REFUND_NO_RECEIPT: Scenario = {
  key: 'refund-no-receipt',
  version: 1,
  title: 'A refund without a receipt, ten weeks on',
  summary:
    'A customer wants his money back for a jacket whose zip broke after ten weeks. He has no receipt, and the refund window was 30 days.',
  brief:
    'You are on the tills of an outdoor clothing shop. Carl Jensen brings back a winter jacket bought about ten weeks ago; the zip has split. He has no receipt. Refunds are given within 30 days with a receipt. The jacket has a one-year warranty: a free zip repair, back in about a week.',
  persona: {
    name: 'Carl Jensen',
    who: 'A dog walker who paid nearly two hundred dollars for the jacket.',
    whatHappened: 'The zip split on Monday. He threw the receipt away with the bag and thinks that should not matter.',
    wants: 'His money back, or at least a jacket that works.',
    startMood: 'frustrated',
    calmer: [
      'A plain answer with the reason',
      'A real option, such as the warranty repair',
      'Being treated as someone who made an honest mistake',
    ],
    angrier: ['Being told he should have kept the receipt', 'The word “policy” with no reason', 'Being made to feel stupid'],
    triggers: [
      { phrases: ['warranty', 'repair'], weight: -6, why: 'A real option he had not thought of' },
      { phrases: ['policy'], weight: 4, why: 'The word “policy” on its own sounds like hiding behind rules' },
      { phrases: ['manager', 'how to appeal', 'take it further'], weight: -3, why: 'Told how to take it further' },
    ],
    ventTurns: 1,
    mayBecomeAbusive: false,
    lines: {
      opening: [
        'This jacket’s zip has gone after ten weeks. I want my money back.',
        'I’d like a refund on this, please. The zip broke. And no, I don’t have the receipt.',
        'Look at this zip. Ten weeks old and it’s useless. I want a refund.',
      ],
      vent: [
        'I paid nearly two hundred dollars for it. I’ve worn it maybe a dozen times.',
        'I threw the receipt out with the bag. Who keeps receipts for a jacket?',
        'It’s not like I damaged it. The zip just split on Monday, walking the dog.',
        'You can see it’s one of yours. The label’s right there.',
      ],
      calm: [
        'Alright. I get it, it’s not your rule.',
        'Okay, a repair could work. How long would it take?',
        'Fine. I just want a jacket that works.',
        'That’s fair enough, I suppose.',
      ],
      frustrated: [
        'So you’re just going to leave me with a broken jacket?',
        'I don’t see why a receipt matters when it’s obviously yours.',
        'That’s a silly rule.',
        'So what can you actually do for me?',
      ],
      angry: [
        'I’ve spent hundreds in this shop and you won’t help me?',
        'That’s ridiculous. It’s a faulty product.',
        'Don’t hide behind the policy.',
        'I want to speak to whoever makes these rules.',
      ],
      hostile: [
        'Get me the manager. Now.',
        'I’m never buying anything here again.',
        'You’re all the same, hiding behind rules.',
        'This is a rip-off and you know it.',
      ],
      satisfied: [
        'Okay. A repair is fine. Thanks for explaining it properly.',
        'Alright, fair enough. Thank you.',
        'That works. I appreciate you being straight with me.',
        'Fine, let’s do that. Thanks.',
      ],
      walkAway: [
        'Forget it. I’ll take it up with the consumer people.',
        'Keep your rules. I’m going.',
        'I’ll never shop here again.',
        'Waste of time. Goodbye.',
      ],
    },
  },
  playbookKey: 'strategy-confront',
  steps: ['calm-first', 'say-it-plainly', 'offer-what-you-can', 'close-with-respect'],
  strategy: 'confront',
  channel: 'in_person',
  customerIsRight: false,
  passMark: 70,
  rubric: {
    mustSay: [
      {
        label: 'The returns rule: 30 days, with a receipt',
        phrases: ['30 days', 'thirty days'],
        why: 'A customer who is wrong deserves the rule said plainly, once, with the reason.',
      },
    ],
    neverSay: [
      {
        label: 'Breaking the returns policy',
        phrases: ['make an exception', 'refund it anyway', 'give you a refund', 'give you your money back', 'cash refund'],
        why: 'A refund outside the policy is not yours to give, and it makes the rule unfair on everyone else.',
      },
    ],
  },
  goal: { calmAt: 25, needs: ['empathy', 'solution'], abusePolicyIsRight: false },
  difficulties: ALL_LEVELS,
  models: {
    'calm-first': 'I can see why you’re annoyed. A zip splitting on a jacket you’ve only had ten weeks is really frustrating.',
    'say-it-plainly': 'I’ll be straight with you: we give refunds within 30 days with a receipt, so I can’t refund the jacket today.',
    'offer-what-you-can':
      'What I can do is this: I can send it for a free zip repair under the one-year warranty, and it will be back with you by next Friday. Would that work for you?',
    'close-with-respect':
      'Thank you for hearing me out. So the jacket goes off for repair today, and you will have it back by next Friday.',
  },
};

/** Withdraw: a hostile customer who is not abusive. Step back with a time to come back; do not argue, do not end it. */
export const BIKE_LATE_SHOUTING: Scenario = {
  key: 'bike-late-shouting',
  version: 1,
  title: 'Shouting across the workshop',
  summary:
    'A courier’s cargo bike is a week late from repair. He is shouting across the shop. He is hostile, not abusive: step back, don’t argue.',
  brief:
    'You work the front desk of a bike workshop. Trevor Lang’s cargo bike was promised for last Friday; the part arrived late and it is still in pieces. He is shouting across the shop floor. The workshop manager can see him in ten minutes. He has not insulted or threatened anyone.',
  persona: {
    name: 'Trevor Lang',
    who: 'A delivery courier. No bike, no income.',
    whatHappened: 'He paid for the express service. He was told “tomorrow” on Monday and again on Tuesday.',
    wants: 'His bike, today, and someone to take him seriously.',
    startMood: 'hostile',
    calmer: ['Space, with a clear time you will come back', 'Hearing that someone senior will come', 'Not being argued with'],
    angrier: ['Explanations about suppliers while he is shouting', 'Being told about policy', 'Being managed with a fix mid-shout'],
    triggers: [
      { phrases: ['minutes', 'be right back', 'come back', 'back in'], weight: -10, why: 'Space, with a time to come back' },
      { phrases: ['workshop manager', 'manager', 'supervisor'], weight: -6, why: 'Someone senior is coming' },
      { phrases: ['policy'], weight: 10, why: 'Policy talk at this heat sounds like an excuse' },
      { signal: 'solution', weight: 5, why: 'A fix pitched mid-shout feels like being handled' },
    ],
    ventTurns: 0,
    mayBecomeAbusive: false,
    lines: {
      opening: [
        'You said Friday! FRIDAY! It’s Thursday now and my bike is still in bits on your floor!',
        'Where is my bike? A week late! I can’t work without it! Does anyone here care?',
        'I’ve lost four days of work because of you lot! Four days! Where is my bike?',
      ],
      vent: [
        'I do deliveries. No bike, no money. Simple as that.',
        'I rang Monday, I rang Tuesday. Every time it’s “tomorrow”.',
        'I paid for the express service. Express!',
        'I’ve got rent due on Monday.',
      ],
      calm: [
        'Fine. Ten minutes. I’ll wait.',
        'Alright. Go and find out. I’m not going anywhere.',
        'Okay. Sorry for shouting. It’s been a rough week.',
        'Right. I’ll grab a coffee. Don’t forget about me.',
      ],
      frustrated: [
        'I just need the bike. Today.',
        'I’m trying to keep it together, alright?',
        'Just tell me when.',
        'Everyone keeps saying tomorrow.',
      ],
      angry: [
        'Don’t give me that. I want my bike.',
        'Every day it’s another excuse!',
        'I’m losing money standing here!',
        'Who’s actually in charge of this place?',
      ],
      hostile: [
        'I’m not moving until someone gives me my bike!',
        'Don’t you walk away from me! I’m talking to you!',
        'This place is a disgrace! A total disgrace!',
        'You think this is funny? I’ve got bills to pay!',
      ],
      satisfied: [
        'Fine. Ten minutes. You’d better come back.',
        'Alright. I’ll wait outside. Be quick.',
        'Okay. Go on, then. I’ll be here.',
        'Right. Get the manager. I’ll calm down.',
      ],
      walkAway: [
        'Forget it! I’m taking it somewhere else, in bits if I have to!',
        'You’ll be hearing from me. And everyone I know.',
        'I’m done. Done!',
        'Unbelievable. I’m out of here.',
      ],
    },
  },
  playbookKey: 'strategy-withdraw',
  steps: ['step-back', 'come-back'],
  strategy: 'withdraw',
  channel: 'in_person',
  customerIsRight: true,
  passMark: 65,
  rubric: {
    mustSay: [
      {
        label: 'A short pause, and when you will be back',
        phrases: ['minutes', 'be right back', 'come back', 'back in', 'a short break', 'a moment'],
        why: 'Stepping back works only when the customer knows it is a pause, not a brush-off.',
      },
    ],
    neverSay: [
      {
        label: 'Explaining the delay mid-shout',
        phrases: ['supplier', 'backlog', 'parts shortage', 'waiting on parts', 'the part was late'],
        why: 'At this heat an explanation sounds like an excuse. Step back first; explain when he is calm.',
      },
    ],
  },
  goal: { calmAt: 62, needs: ['commitment_timed'], abusePolicyIsRight: false },
  difficulties: ALL_LEVELS,
  models: {
    'step-back':
      'I can hear how much losing work without your bike is costing you, and I’ll make sure you get a real answer. Give me ten minutes: I’ll come back at 2:30pm with the workshop manager.',
    'come-back':
      'Thanks for waiting. I’m sorry your bike is a week late when you need it for work. The workshop manager is here now to sort it out with you.',
  },
};

/** Diffuse: the complaint is about you. Don’t defend yourself; write it down and pass it to someone else. */
export const COMPLAINT_ABOUT_YOU: Scenario = {
  key: 'complaint-about-you',
  version: 1,
  title: 'He says you laughed at him',
  summary: 'A customer comes back to complain that you were rude at the returns desk this morning. You remember it differently.',
  brief:
    'You staff the returns desk. This morning you refused Frank Doyle’s return of an opened printer cartridge, as the rules say; someone in the queue laughed. He has come back and says you laughed at him and were rude. You did not laugh. Your supervisor, Sam, is on shift and can call him back by five.',
  persona: {
    name: 'Frank Doyle',
    who: 'A retired postman who felt made a fool of in front of a queue.',
    whatHappened: 'His return was refused this morning and someone laughed. He believes it was you.',
    wants: 'To be taken seriously, and for someone above you to hear about it.',
    startMood: 'frustrated',
    calmer: ['Being heard out without argument', 'Seeing his complaint written down', 'Knowing someone else will look at it, and when'],
    angrier: ['You defending yourself', 'Being told he misunderstood', 'Being brushed off with the rules again'],
    triggers: [
      { phrases: ["I wasn't", 'I was not', "I didn't", 'I did not'], weight: 10, why: 'It sounds like you are defending yourself' },
      { phrases: ['write', 'writing', 'note', 'noting'], weight: -5, why: 'Writing it down shows it is taken seriously' },
      { phrases: ['supervisor', 'Sam', 'manager'], weight: -5, why: 'Someone other than you will look at it' },
    ],
    ventTurns: 1,
    mayBecomeAbusive: false,
    lines: {
      opening: [
        'You were very rude to me this morning, and I want it on record.',
        'I’ve come back because of how you treated me this morning. Laughing at me in front of everyone.',
        'Remember me? The cartridge. You made me look a fool in front of that whole queue.',
      ],
      vent: [
        'I only wanted to swap it because it was the wrong model. Anyone can make that mistake.',
        'There were five or six people behind me. Somebody laughed and you just smirked.',
        'I went home and I couldn’t stop thinking about it. I’m seventy-one. I don’t need that.',
        'I’ve shopped here since it opened. I’ve never complained about anything before.',
      ],
      calm: [
        'Alright. Thank you for writing it down.',
        'Okay. I’ll wait for the call, then.',
        'Fine. That’s all I wanted, to be taken seriously.',
        'Right. Thank you for listening, at least.',
      ],
      frustrated: [
        'I just want somebody to take it seriously.',
        'I don’t want excuses, I want it on record.',
        'So what happens with my complaint?',
        'Are you going to do anything about it or not?',
      ],
      angry: [
        'Don’t tell me it didn’t happen. I was there.',
        'You’re doing it again, right now.',
        'So I’m a liar as well as a fool, am I?',
        'I want to speak to someone who isn’t you.',
      ],
      hostile: [
        'Get me your manager, right now!',
        'I’m writing to head office about you!',
        'Don’t you dare smirk at me again!',
        'Unbelievable. Absolutely unbelievable.',
      ],
      satisfied: [
        'Right. Five o’clock, then. Thank you.',
        'Alright. I appreciate you not arguing with me.',
        'Fine. I’ll wait for the call. Thank you.',
        'Okay. That’s fair. Thank you.',
      ],
      walkAway: [
        'I can see I’m wasting my breath. Goodbye.',
        'I’ll write to head office myself.',
        'Forget it. I won’t be back.',
        'Don’t bother. I know how this goes.',
      ],
    },
  },
  playbookKey: 'strategy-diffuse',
  steps: ['acknowledge', 'record-facts', 'promise-call-back'],
  strategy: 'diffuse',
  channel: 'in_person',
  customerIsRight: false,
  passMark: 65,
  rubric: {
    mustSay: [
      {
        label: 'Someone else will look at it',
        phrases: ['supervisor', 'manager', 'team leader', 'Sam'],
        why: 'The complaint is about you: say plainly that someone else will decide.',
      },
    ],
    neverSay: [
      {
        label: 'Defending yourself',
        phrases: [
          "I wasn't rude",
          'I was not rude',
          "that's not what happened",
          'that is not what happened',
          "I didn't laugh",
          'I did not laugh',
          'you misunderstood',
          "you're wrong",
          'you are wrong',
        ],
        why: 'When the complaint is about you, defending yourself turns it into an argument. Record it and let someone else decide.',
      },
    ],
  },
  goal: { calmAt: 30, needs: ['empathy', 'commitment_timed'], abusePolicyIsRight: false },
  difficulties: ALL_LEVELS,
  models: {
    acknowledge:
      'I’m sorry this morning left you feeling laughed at in front of the queue. That must have been horrible, and I’m glad you came back to tell me.',
    'record-facts':
      'Let me write this down so nothing gets lost. You came to swap the cartridge for the right model, the return was refused, and someone in the queue laughed. Is there anything I’ve missed?',
    'promise-call-back':
      'Because this is about me, my supervisor, Sam, will look at it, not me. Sam will call you by 5pm today, and I’ll make sure Sam has everything you told me.',
  },
};
