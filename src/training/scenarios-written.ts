import type { Scenario } from '../domain/training.js';

/* Built-in practice scenarios in chat and email. Every line is our own; see scenario-library.ts for the index. */

const ALL_LEVELS: Scenario['difficulties'] = ['patient', 'interrupts', 'threatens_to_leave'];

/** Six habits in chat: a parcel marked delivered that never came, and a third contact. */
export const PARCEL_NEVER_ARRIVED: Scenario = {
  key: 'parcel-never-arrived',
  version: 1,
  title: 'Delivered, says the tracking. It wasn’t.',
  summary: 'A photographer’s lens shows as delivered but never arrived. It is his third chat this week and he needs it for Saturday.',
  brief:
    'You answer the online chat of a camera shop. Dev Patel’s 640-dollar lens shows as delivered on Tuesday; he never got it and has already checked with his neighbours. Two earlier chats ended with “we’ll look into it”. You may send a replacement by express courier today (arrives Friday by noon) or refund him.',
  persona: {
    name: 'Dev Patel',
    who: 'A freelance photographer with a paid wedding shoot on Saturday.',
    whatHappened: 'Tracking says the lens was delivered on Tuesday. It was not. Nobody has owned the problem since.',
    wants: 'The lens before Saturday, or his money back, and one person who owns it.',
    startMood: 'frustrated',
    calmer: ['Someone who owns the problem', 'A time for the next step', 'Not repeating what he has already done'],
    angrier: [
      'Being told again that it “says delivered”',
      'Being asked to check with the neighbours again',
      'Another “we’ll look into it”',
    ],
    triggers: [
      {
        phrases: ['says delivered', 'shows as delivered', 'marked as delivered', 'shows delivered'],
        weight: 10,
        why: 'Told again that it “says delivered”',
      },
      { phrases: ['neighbour', 'neighbor', 'safe place'], weight: 5, why: 'Asked to do what he already did' },
      { phrases: ['Saturday', 'shoot', 'wedding'], weight: -3, why: 'You remembered the Saturday shoot' },
      { signal: 'commitment_timed', weight: -4, why: 'A time: nobody gave him one before' },
    ],
    ventTurns: 1,
    mayBecomeAbusive: false,
    lines: {
      opening: [
        'Third chat this week. Tracking says my lens was delivered on Tuesday. It was not. I have a shoot on Saturday.',
        'Hi. Again. The lens I ordered shows as delivered but it never came. This is the third time I’m explaining it.',
        'My order says delivered. There is no parcel. I’ve been on this chat twice already and nothing happened.',
      ],
      vent: [
        'I checked with both neighbours and the building manager on Tuesday night. Nobody has it.',
        'The first agent said wait 48 hours. The second said it was being investigated. That was Thursday.',
        'It’s a 640 dollar lens. I need it for a paid wedding shoot on Saturday morning.',
        'Nobody has told me what happens next. Every chat ends with “we’ll look into it”.',
      ],
      calm: [
        'OK, thanks. That’s clearer than anything I’ve had so far.',
        'Alright. What do you need from me?',
        'Good. Can you confirm that in writing?',
        'Fine. As long as it gets here before Saturday.',
      ],
      frustrated: [
        'I still don’t have a lens, and it’s Thursday.',
        'So what actually happens now?',
        'I’ve heard a lot of “looking into it”. What does that mean?',
        'I need a real answer, not another ticket.',
      ],
      angry: [
        'I’ve done everything right here. You lost my parcel.',
        'If I miss this shoot because of you, I lose the client.',
        'This is ridiculous. Three chats and nobody owns it.',
        'Stop telling me it says delivered. I know what it says.',
      ],
      hostile: [
        'Put me through to someone who can actually do something.',
        'I’m filing a chargeback with my bank today.',
        'Your company is a joke. A complete joke.',
        'I’m posting this whole chat online.',
      ],
      satisfied: [
        'Great, thank you. That’s the first real answer I’ve had. Appreciate it.',
        'OK, that works. Thanks for actually sorting it.',
        'Perfect. I’ll watch for the email. Thank you.',
        'That’s all I needed. Thanks for your help.',
      ],
      walkAway: [
        'Forget it. I’m disputing the charge with my bank.',
        'I’m done with this chat. I’ll buy the lens somewhere that delivers.',
        'Not wasting another evening on this. Goodbye.',
        'I’ll leave a review instead. Bye.',
      ],
    },
  },
  playbookKey: 'six-tips',
  steps: ['let-them-talk', 'ask-and-listen', 'calm-support', 'watch-reaction', 'focus-on-solution', 'thank-them'],
  strategy: 'negotiate',
  channel: 'chat',
  customerIsRight: true,
  passMark: 70,
  rubric: {
    mustSay: [],
    neverSay: [
      {
        label: 'Doubting him',
        phrases: ['are you sure', 'it says delivered', 'shows as delivered', 'did you check'],
        why: 'He has checked, twice. Doubting him tells him nobody read the earlier chats.',
      },
    ],
  },
  goal: { calmAt: 25, needs: ['open_question', 'solution', 'commitment_timed', 'thanks'], abusePolicyIsRight: false },
  difficulties: ALL_LEVELS,
  models: {
    'let-them-talk': 'I’m sorry you’ve had to come back again. Tell me what happened, from the start?',
    'ask-and-listen':
      'So the tracking says the lens was delivered on Tuesday, but it never reached you, and you need it for Saturday’s shoot. What would put this right for you?',
    'calm-support': 'I can see why this is so stressful with the shoot on Saturday. I’ll make sure we sort it out in this chat.',
    'watch-reaction': 'I’m on your side here. You’ve already checked with your neighbours, so I won’t ask you to do that again.',
    'focus-on-solution':
      'Here’s what I can do: I’ll send a replacement lens by express courier today, and it will arrive by Friday at noon. I’ll email you the tracking number within the hour.',
    'thank-them': 'Thank you for your patience with us this week. Your replacement arrives by Friday at noon.',
  },
};

/** Diffuse by email: a damaged sofa, a legal threat and an amount above your authority. */
export const DAMAGED_SOFA: Scenario = {
  key: 'damaged-sofa',
  version: 1,
  title: 'A torn sofa and a lawyer’s name',
  summary:
    'A 1,400-dollar sofa arrived torn. The customer mentions her lawyer. It is above what you can approve: acknowledge, write it down, pass it up, promise a call by a set time.',
  brief:
    'You answer customer email for a furniture shop. Nadia Okoro’s new sofa arrived on Tuesday with a torn seat cushion and a scratched leg; the delivery crew left before she could check it. She wants a new sofa or a full refund and mentions her lawyer. The sofa cost 1,400 dollars, above your authority limit of 500: your manager, Alex Moreno, decides, and can call her by 3 pm tomorrow.',
  persona: {
    name: 'Nadia Okoro',
    who: 'A nurse who saved for the sofa and waited six weeks for it.',
    whatHappened: 'The sofa arrived torn and scratched; the crew left before she could look at it properly.',
    wants: 'A new sofa or a full refund, an apology, and to be taken seriously.',
    startMood: 'angry',
    calmer: ['Someone who takes the facts down properly', 'Knowing who decides and when they will call', 'Being asked for her photos'],
    angrier: ['Promises nobody can keep', 'Blaming the delivery crew', 'Vague answers about “soon”'],
    triggers: [
      { phrases: ['photos', 'pictures', 'photo'], weight: -4, why: 'Asked for her photos: someone is building her case' },
      { signal: 'commitment_timed', weight: -6, why: 'A named time for the call back' },
      { phrases: ['soon', 'shortly', 'in due course'], weight: 6, why: 'A vague “soon”' },
    ],
    ventTurns: 1,
    mayBecomeAbusive: false,
    lines: {
      opening: [
        'Your crew delivered my sofa on Tuesday with a torn cushion and a scratched leg, and left before I could even look at it. I want a new sofa or a full refund. I have already spoken to my lawyer.',
        'I am writing about the 1,400 dollar sofa you delivered damaged. This is unacceptable, and I know my consumer rights.',
        'The sofa I waited six weeks for is torn. I expect a replacement or my money back this week, or my lawyer will be in touch.',
      ],
      vent: [
        'The crew put it down, had me sign on a tablet and left. I found the tear ten minutes later.',
        'I have photos of the cushion and the leg, and of the crew’s van leaving.',
        'I saved for months for this sofa. It is the only new thing in my flat.',
        'I called on Tuesday and was told someone would email me. Nobody did, so here I am.',
      ],
      calm: [
        'Thank you. That is the first sensible reply I have had.',
        'Fine. I will send the photos now.',
        'Alright. I will wait for Alex’s call.',
        'Thank you for taking it seriously.',
      ],
      frustrated: [
        'I need to know what actually happens next.',
        'Who decides, and when?',
        'I do not want to chase this again.',
        'I have been patient. Please be specific.',
      ],
      angry: [
        'This is exactly the runaround I expected.',
        'I paid in full and received damaged goods. It is not complicated.',
        'Do not blame your crew. They work for you.',
        'I am not accepting “soon” as an answer.',
      ],
      hostile: [
        'My lawyer will hear about this reply.',
        'I am posting the photos online tonight.',
        'I will be reporting you to consumer protection.',
        'Clearly nobody there takes customers seriously.',
      ],
      satisfied: [
        'Thank you. I will send the photos and wait for the call tomorrow.',
        'Alright. That is a proper answer. Thank you.',
        'Good. I appreciate you being clear.',
        'Fine. I will expect Alex’s call.',
      ],
      walkAway: [
        'I will let my lawyer handle it from here.',
        'This is going nowhere. Expect to hear from consumer protection.',
        'I am done emailing. You will hear from my lawyer.',
        'Enough. I am taking this further.',
      ],
    },
  },
  playbookKey: 'strategy-diffuse',
  steps: ['acknowledge', 'record-facts', 'promise-call-back'],
  strategy: 'diffuse',
  channel: 'email',
  customerIsRight: true,
  passMark: 70,
  rubric: {
    mustSay: [
      {
        label: 'Who decides: a manager',
        phrases: ['manager', 'supervisor', 'team leader', 'Alex'],
        why: 'The cost is above your authority and a legal threat is on the table: a manager decides, and she should hear that from you.',
      },
    ],
    neverSay: [
      {
        label: 'Promising an outcome you cannot decide',
        phrases: [
          "I'll refund",
          'I will refund',
          "we'll refund",
          'we will refund',
          'full refund today',
          "we'll replace the sofa",
          'we will replace the sofa',
          'guarantee',
        ],
        why: 'At 1,400 dollars the decision is above your authority: promise the call back, not the outcome.',
      },
    ],
  },
  goal: { calmAt: 30, needs: ['empathy', 'paraphrase', 'commitment_timed'], abusePolicyIsRight: false },
  difficulties: ALL_LEVELS,
  models: {
    acknowledge: 'I’m so sorry your new sofa arrived torn and scratched. After waiting six weeks for it, that must be really upsetting.',
    'record-facts':
      'Let me check I have this right: the sofa came on Tuesday with a torn seat cushion and a scratched leg, and the crew left before you could check it. Could you send me the photos you took?',
    'promise-call-back':
      'Because of the cost, my manager, Alex Moreno, will decide how we put this right. Alex will call you by 3pm tomorrow, and I will make sure your photos reach Alex before then.',
  },
};

/** Five steps by email, with a customer who has every reason to leave. */
export const WRONG_SIZE_TWICE: Scenario = {
  key: 'wrong-size-twice',
  version: 1,
  title: 'The wrong size, twice, before a marathon',
  summary:
    'A runner has been sent the wrong size of running shoes twice. The marathon is in ten days and he is ready to take his custom elsewhere.',
  brief:
    'You answer customer email for a sports shop. Yusuf Demir ordered running shoes in size 44 for a marathon in ten days; he was sent size 42, and the replacement was size 42 again. Size 44 is in stock at the warehouse. You can send it by next-day courier with a return label for both wrong pairs, and refund his original delivery charge.',
  persona: {
    name: 'Yusuf Demir',
    who: 'A runner who needs to break in new shoes before race day.',
    whatHappened: 'Two deliveries, both the wrong size. Ten days to go.',
    wants: 'The right shoes, fast, and for someone to admit this is a mess.',
    startMood: 'frustrated',
    calmer: ['Owning the mistake', 'A firm delivery date', 'Not having to send things back first'],
    angrier: ['Being asked to return the wrong pairs before anything is sent', 'Another form', 'Vague dates'],
    triggers: [
      { phrases: ['return label', 'no need to send', 'keep them until'], weight: -5, why: 'He does not have to send anything back first' },
      { phrases: ['marathon', 'race'], weight: -3, why: 'You remembered the race' },
      { phrases: ['fill in', 'form'], weight: 6, why: 'Another form to fill in' },
    ],
    ventTurns: 1,
    mayBecomeAbusive: false,
    lines: {
      opening: [
        'You have now sent me the wrong size twice. I ordered 44. I have two pairs of 42 in my hall. My marathon is in ten days.',
        'Second delivery, second wrong size. I need size 44 running shoes, not a collection of 42s. This is getting ridiculous.',
        'I don’t know how else to say it: size 44. You sent 42. Then you sent 42 again. I race in ten days.',
      ],
      vent: [
        'I need at least a week in new shoes before a marathon, or I’ll be running on blisters.',
        'The order confirmation says 44. The box says 42. Both boxes.',
        'I’ve been a customer for six years. I buy all my kit from you.',
        'Last time I was told it would definitely be right. It wasn’t.',
      ],
      calm: [
        'OK. Tomorrow would work. Thank you.',
        'That sounds like a plan. Appreciate it.',
        'Alright. Just make sure it’s a 44 this time.',
        'Thanks. That’s much better.',
      ],
      frustrated: [
        'So when will I actually have them?',
        'I just need the right pair, quickly.',
        'I’m running out of time here.',
        'Please tell me this time it will be right.',
      ],
      angry: [
        'Twice. You got it wrong twice.',
        'I don’t want another apology. I want shoes that fit.',
        'Why should I believe it will be right this time?',
        'This is costing me my race preparation.',
      ],
      hostile: [
        'I’m cancelling the order and going elsewhere.',
        'Six years I’ve shopped with you. Not any more.',
        'I’m leaving a review about this.',
        'Don’t bother. I’ll buy them in town.',
      ],
      satisfied: [
        'Great, thank you. I’ll look out for them tomorrow.',
        'OK, that works. Thanks for sorting it properly.',
        'Perfect. Thank you.',
        'Appreciated. That’s what I needed.',
      ],
      walkAway: [
        'Forget it. Cancel the order. I’ll buy them elsewhere.',
        'I’m done. Refund me and I’ll go somewhere that can count.',
        'Not worth it. I’m going to the shop in town.',
        'I’ve lost enough time. Goodbye.',
      ],
    },
  },
  playbookKey: 'five-steps',
  steps: ['focus', 'vent', 'empathise', 'summarise', 'solve'],
  strategy: 'negotiate',
  channel: 'email',
  customerIsRight: true,
  passMark: 70,
  rubric: { mustSay: [], neverSay: [] },
  goal: { calmAt: 25, needs: ['empathy', 'paraphrase', 'solution', 'commitment_timed'], abusePolicyIsRight: false },
  difficulties: ALL_LEVELS,
  models: {
    focus: 'Thank you for telling us straight away. I’m looking at your order now. What happened when each pair arrived?',
    vent: 'I’m listening. Is there anything else about the order I should know?',
    empathise: 'I’m really sorry. That must be so frustrating, with two wrong pairs and your marathon ten days away.',
    summarise:
      'So you ordered size 44, you were sent size 42, and the replacement was size 42 again, with ten days until your marathon. Have I got that right?',
    solve:
      'Here’s what I’ll do: I’ve reserved a size 44 pair at the warehouse and I’ll send it by next-day courier, so you’ll have it by 1pm tomorrow. I’ll email you a return label for both wrong pairs today. Thank you for your patience.',
  },
};

/** Withdraw under the abuse policy in chat: a customer who is wrong and turns abusive. */
export const GAME_REFUND_ABUSE: Scenario = {
  key: 'game-refund-abuse',
  version: 1,
  title: 'Forty hours in, he wants a refund',
  summary:
    'A player demands a refund for a game he has played for forty hours. He is wrong about the rules and turns abusive. Know when to end the chat.',
  brief:
    'You answer the online chat of a games store. Jake Rourke wants a refund for a game he bought three weeks ago and has played for forty hours. Refunds are given within 14 days and under two hours of play. He starts angry and becomes abusive. Under the abuse policy you may end a chat when a customer is abusive; end it too early and you have ended a chat with someone who was only angry.',
  persona: {
    name: 'Jake Rourke',
    who: 'A player who feels the game was not worth the money.',
    whatHappened: 'He bought the game three weeks ago, has played forty hours, and thinks it is broken.',
    wants: 'His 70 dollars back.',
    startMood: 'hostile',
    calmer: ['Very little: he came for a fight'],
    angrier: ['Any mention of the rules', 'Not getting his way', 'Time passing'],
    triggers: [
      { weight: 10, why: 'He is spoiling for a fight: every reply he gets angrier' },
      { phrases: ['policy', '14 days', 'fourteen days', 'two hours'], weight: 6, why: 'The refund rules, to him, are an insult' },
    ],
    ventTurns: 0,
    mayBecomeAbusive: true,
    lines: {
      opening: [
        'I want a refund for this garbage game. Now. Don’t give me any nonsense about rules.',
        'Your game is broken and I want my 70 dollars back. Today.',
        'Refund. The game. It’s rubbish. Do it.',
      ],
      vent: [
        'The last update broke my save file. Twice.',
        'Seventy dollars for this? It’s a joke.',
        'I’ve played it, yes. That’s how I know it’s rubbish.',
        'Everyone online says it’s broken.',
      ],
      calm: ['Fine. What can you do, then?', 'Okay. I’m listening.', 'Alright, sorry. What are my options?', 'Fine. Go on.'],
      frustrated: ['Just give me the refund.', 'I don’t care about the rules.', 'It’s seventy dollars.', 'Why is this so hard?'],
      angry: [
        'I don’t want to hear about your stupid rules.',
        'You’re robbing people.',
        'Just do your job.',
        'This is a scam and you know it.',
      ],
      hostile: [
        'Refund me or I’ll make your life hell.',
        'I’m going to spam every review site you have.',
        'Get your manager. Now!',
        'You think I care about your policy? I don’t!',
      ],
      abusive: [
        'You brain-dead bot. Can you even read?',
        'I’ll find you on social media and tell everyone what a moron you are.',
        'You’re a worthless little nobody reading a script.',
        'Keep typing, loser. I’ve got all night to make you miserable.',
      ],
      satisfied: ['Fine. Whatever.', 'Okay. Fine.', 'Alright.', 'Fine, I’ll take it.'],
      walkAway: [
        'Forget it. I’ll charge it back with my bank.',
        'You’re useless. I’m done.',
        'Wasting my time. Bye.',
        'I’ll tell everyone online how useless you are.',
      ],
    },
  },
  playbookKey: 'strategy-withdraw',
  steps: ['step-back', 'come-back'],
  strategy: 'withdraw',
  channel: 'chat',
  customerIsRight: false,
  passMark: 70,
  rubric: {
    mustSay: [],
    neverSay: [
      {
        label: 'Answering abuse with abuse',
        phrases: ['loser', 'idiot', 'moron', 'shut up'],
        why: 'Never answer insults in kind. Set the boundary calmly and end the chat under the policy.',
      },
    ],
  },
  goal: { calmAt: 0, needs: [], abusePolicyIsRight: true },
  difficulties: ALL_LEVELS,
  models: {
    'step-back':
      'I want to help, and I’ll explain what I can do about the game. I won’t carry on if the insults continue: if they do, I will end this chat.',
    'come-back': 'A colleague will email you about the refund rules by 5pm tomorrow. I’m ending this chat now.',
  },
};
