/**
 * How any simulated customer reacts to what a reply just did, said before their next line, so the
 * customer answers the reply rather than reciting a script. The persona's own lines (by mood) follow.
 */
export const REACTIONS = {
  dismissive: [
    "Don't tell me to calm down.",
    "Wow. Don't brush me off like that.",
    'Excuse me? Please don’t talk to me like I’m overreacting.',
    'That is exactly the attitude that got us here.',
    'I’m not being dramatic, I’m telling you what happened.',
  ],
  blame: [
    'So this is my fault now?',
    "Don't put this on me.",
    'Right, blame the customer. Of course.',
    'I did everything I was supposed to do.',
    'Pointing fingers is not going to fix it.',
  ],
  shouting: [
    'Why are you shouting at me?',
    'There is no need for capital letters.',
    'Don’t raise your voice at me.',
    'You are shouting now. Brilliant.',
  ],
  deflection: [
    'Don’t pass me to someone else. You’re the one I’m talking to.',
    'I don’t care whose department it is.',
    'So nobody is responsible? Great.',
    'I have been passed around enough already.',
  ],
  early_solution: [
    'Hang on, you haven’t even heard what happened yet.',
    'Wait. Let me finish first.',
    'You’re jumping ahead. You don’t know the whole story.',
    'Before you fix anything, can you actually listen?',
  ],
  repeated_empathy: [
    'You said that already.',
    'You keep saying that.',
    'Yes, you understand, you said. Now what?',
    'That sounds like a script.',
  ],
  generic_empathy: [
    'Do you, though?',
    'You don’t even know what happened yet.',
    'Sure. Everyone says that.',
    'That’s nice of you to say, but it doesn’t tell me you heard me.',
  ],
  empty_promise: [
    '“Look into it” when, exactly?',
    'I’ve heard that before. When?',
    'A promise with no date is not a promise.',
    'And when will that be?',
  ],
  jargon: [
    'I don’t know what that means.',
    'Can you say that in normal words?',
    'I have no idea what you just said.',
    'Please, plain English.',
  ],
  interrupted: ['Sorry, can I stop you there?', 'Hang on, hang on.', 'Let me cut in, because that was a lot.', 'No, wait, listen.'],
  confirmed: [
    'Yes. That’s it exactly.',
    'Yes, that’s right.',
    'That’s what happened, yes.',
    'Exactly. Thank you.',
    'Yes. Finally someone gets it.',
  ],
} as const;

export type ReactionKind = keyof typeof REACTIONS;

/** Said by a customer who threatens to leave, once they are angry. */
export const LEAVE_THREATS = [
  'Honestly, I’m this close to taking my business somewhere else.',
  'Give me one reason not to go to your competitor.',
  'If this isn’t sorted today, I’m done with you.',
  'I can shop anywhere, you know.',
  'Keep this up and you’ve lost a customer.',
] as const;
