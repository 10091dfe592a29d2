import type { Playbook } from './playbooks.js';

/*
 * The built-in playbooks, one per method in the seed articles (PRODUCT.md §2). Every sentence is
 * our own; the seeds give the order of the steps and the ideas, not the words. Written for someone
 * reading mid-conversation: second person, short sentences, one idea each.
 */

/** Seed 004: five steps for an upset customer, ending in problem solving and kept promises. */
const FIVE_STEPS: Playbook = {
  key: 'five-steps',
  version: 1,
  name: 'Five steps for an upset customer',
  summary: 'Give full attention, let them say it all, show you understand, say it back, then solve it together and keep every promise.',
  source:
    'Seed 004 sets out a five-stage path for a customer who is upset: attention, venting, empathy, a summary, and joint problem solving that ends with promises kept.',
  steps: [
    {
      key: 'focus',
      title: 'Give them your full attention',
      goal: 'The customer can see that this problem is the only thing you are dealing with right now.',
      guidance: [
        'Stop what you were doing. Turn toward them, or close other tabs if you are on a call or in chat.',
        'Look at them while they speak. On the phone, small sounds like "mm" or "right" show you are still there.',
        'Ask a colleague to cover other customers if you can.',
        "Don't decide who is right yet. For now you only need to understand.",
      ],
      prompts: ["I'm here. Tell me what's going on.", 'Let me put this down so I can listen properly.'],
      doneWhen: 'Other tasks are set aside and the customer is telling you what happened.',
      expectedMoves: ['question'],
    },
    {
      key: 'vent',
      title: 'Let them say it all',
      goal: 'The customer gets everything off their chest without being cut off.',
      guidance: [
        'Stay quiet until they stop. Cutting in usually makes the story longer, not shorter.',
        'Nod or say "I see" now and then. Don\'t correct details yet.',
        'Strong words are about the situation. Try not to take them personally.',
        'Note the facts as you hear them: dates, order numbers, names, and what they want.',
      ],
      prompts: ["Go on, I'm listening.", 'Is there anything else I should know?'],
      doneWhen: 'They have finished, and say no when you ask if there is more.',
      expectedMoves: ['question'],
    },
    {
      key: 'empathise',
      title: 'Show you understand how it feels',
      goal: 'The customer feels that their frustration is taken seriously.',
      guidance: [
        'Name the feeling you hear: annoyed, worried, let down, embarrassed.',
        'You can understand a feeling without agreeing with every point.',
        'If we got something wrong, say sorry plainly. Leave out the "but".',
        'Calm first, explain later. A rule explained to someone still upset sounds like an excuse.',
      ],
      prompts: ['That sounds really frustrating.', "I'd be annoyed too if that happened to me.", "I'm sorry we put you through this."],
      doneWhen: 'You have named how they feel, and their tone has eased, even a little.',
      expectedMoves: ['empathy', 'apology'],
    },
    {
      key: 'summarise',
      title: 'Say it back in your own words',
      goal: 'You and the customer share the same picture of what happened and why it matters to them.',
      guidance: [
        'Sum it up in two or three sentences: what happened, what it cost them, what they want now.',
        'Include the feeling, not only the facts.',
        'Ask them to correct you. Adjust until they agree.',
      ],
      prompts: ['Let me check I have this right.', 'So the main thing you need from us is… Is that right?'],
      doneWhen: 'The customer agrees that your summary is right.',
      expectedMoves: ['paraphrase', 'question'],
    },
    {
      key: 'solve',
      title: 'Solve it together and keep your word',
      goal: 'You agree on the problem and a fix, and every promise has an owner and a time.',
      guidance: [
        'First agree what the problem is, in one sentence you both accept.',
        'Put two or three options on the table. Ask what they would suggest too.',
        'If they have a rule wrong, explain it now, kindly, and move straight to what you can do.',
        'Pick one option. Say who does what, and by when.',
        'Log each promise as a commitment on the case, with an owner and a due time.',
        'If a promise is going to slip, call them before the time runs out and say why.',
      ],
      prompts: [
        'So the problem we need to fix is… Do you agree?',
        'Here is what I can do. Which would work best for you?',
        "I'll call you by 4 pm tomorrow with an update.",
      ],
      doneWhen: 'A solution is agreed and each promise is on the case with an owner and a due time.',
      expectedMoves: ['solution', 'commitment'],
    },
  ],
};

/** Seed 002: six habits for helping a customer through a conflict. */
const SIX_TIPS: Playbook = {
  key: 'six-tips',
  version: 1,
  name: 'Six habits in a conflict',
  summary: 'Let them talk, ask and listen, stay calm, watch your own reaction, steer to a fix, and say thank you.',
  source:
    'Seed 002 lists six habits for helping a customer through a disagreement: room to talk, questions with real listening, a calm presence, care over your own reaction, a focus on the fix, and thanks at the end.',
  steps: [
    {
      key: 'let-them-talk',
      title: 'Let them tell it their way',
      goal: 'You understand the problem the way the customer sees it.',
      guidance: [
        'Invite them to explain from the start, in their own words.',
        'Their version shows you what matters to them. That often points to the fix.',
        'Hold back your answer until they have finished.',
      ],
      prompts: ['Tell me what happened, from the beginning.', 'Take your time.'],
      doneWhen: 'The customer has told their side without being cut off.',
      expectedMoves: ['question'],
    },
    {
      key: 'ask-and-listen',
      title: 'Ask, then really listen',
      goal: 'You know what went wrong and what would put it right for them.',
      guidance: [
        'Two questions carry most of the weight: "What happened?" and "What would put this right for you?"',
        'Keep questions open and neutral. "Why didn\'t you…" sounds like blame, so leave it out.',
        'Listen to the whole answer before you plan your reply.',
        'Check any detail you are unsure of.',
      ],
      prompts: ['What would a good outcome look like for you?', 'When did you first notice the problem?', 'Did I get that right?'],
      doneWhen: 'You can say what went wrong and what the customer wants.',
      expectedMoves: ['question', 'paraphrase'],
    },
    {
      key: 'calm-support',
      title: 'Be the calm one',
      goal: 'Your steady manner helps the customer settle and shows you expect to find a way through.',
      guidance: [
        'Speak a little slower and softer than they do.',
        "Keep your voice and face relaxed. Don't match their volume.",
        'Tell them you will find a way forward. Only promise what you can deliver.',
        'Take a breath before you answer. It buys you a second to think.',
      ],
      prompts: ["We'll sort this out together.", "I can see this matters. Let's work through it."],
      doneWhen: 'The customer is talking with you rather than at you.',
      expectedMoves: ['reassurance', 'empathy'],
    },
    {
      key: 'watch-reaction',
      title: 'Watch your own reaction',
      goal: 'You stay on the customer’s side instead of defending yourself.',
      guidance: [
        'Notice when you feel defensive: a tight jaw, a quick comeback. Pause there.',
        'An upset customer is still asking for help. Answer the request, not the tone.',
        'Ask yourself how this would look if it were your order, your money, your afternoon.',
        'If you are too upset to stay kind, ask a colleague or your supervisor to take over. That is allowed.',
      ],
      prompts: ["I'm on your side here.", 'Give me a moment to look at this properly.'],
      doneWhen: 'You have answered without blame or sarcasm, or handed over if you could not.',
      expectedMoves: ['empathy', 'reassurance'],
    },
    {
      key: 'focus-on-solution',
      title: 'Steer toward a fix',
      goal: 'The talk moves from what went wrong to what happens next.',
      guidance: [
        'When you know what went wrong, move on. Going over it again rarely helps.',
        'If the talk loops back, sum it up in a line and return to the options.',
        'Offer options and ask which one suits them.',
        'Be concrete: what happens, who does it, and when.',
      ],
      prompts: ["Now that I understand, here's what we can do.", 'Would a replacement or a refund suit you better?'],
      doneWhen: 'You and the customer have agreed on a fix.',
      expectedMoves: ['solution', 'commitment'],
    },
    {
      key: 'thank-them',
      title: 'Say thank you',
      goal: 'The customer leaves knowing their time and their complaint were worth something to you.',
      guidance: [
        'Thank them for telling you. A complaint shows you what to fix.',
        'If they were patient, say so: "Thanks for bearing with me."',
        'Confirm what happens next, in one line.',
      ],
      prompts: ['Thanks for telling us. It helps us get it right for the next person.', 'Thank you for your patience today.'],
      doneWhen: 'You have thanked the customer and confirmed the next step.',
      expectedMoves: ['thanks'],
    },
  ],
};

/** Seed 003: a manager works a clash between a customer and an employee, and follows up with both. */
const MANAGER_MEDIATION: Playbook = {
  key: 'manager-mediation',
  version: 1,
  name: 'Manager mediation',
  summary:
    'For a supervisor: hear both sides, show the customer you understand, back your employee, find the cause, explain plainly, offer a fair fix within policy, and check in with both afterwards.',
  source:
    'Seed 003 describes how a manager handles a problem between a customer and an employee: listen to both and write it down, empathise, support the staff member, dig for the cause, speak plainly, offer a fair answer that fits policy, and follow up with each of them.',
  steps: [
    {
      key: 'hear-both-sides',
      title: 'Hear both sides and take notes',
      goal: "You have each person's account, in their own words, written down.",
      guidance: [
        'If feelings run high, talk to the customer and the employee separately.',
        "Let each person finish. Don't argue with either account yet.",
        'Write as you go: times, words used, and what each person wants.',
        'Add each account to the case as a statement.',
      ],
      prompts: ['I want to hear your side fully. Take your time.', 'What happened just before things went wrong?'],
      doneWhen: 'The case has a statement from the customer and one from the employee.',
      expectedMoves: ['question', 'paraphrase'],
    },
    {
      key: 'empathise',
      title: 'Show the customer you understand',
      goal: 'The customer trusts that you are taking the problem seriously.',
      guidance: [
        'Name what they feel and why it makes sense.',
        'Say what you will do next, and when they will hear from you.',
        "Don't blame your employee in front of the customer. You can still say sorry for the experience.",
      ],
      prompts: ["I understand why you're upset, and I'm taking this seriously.", "I'm sorry this visit went the way it did."],
      doneWhen: 'The customer has heard you acknowledge the problem and say you will act.',
      expectedMoves: ['empathy', 'apology', 'reassurance'],
    },
    {
      key: 'support-employee',
      title: 'Back your employee',
      goal: 'The employee knows you are there for them too, not only for the customer.',
      guidance: [
        'Check in with the employee in private. Ask how they are.',
        'Thank them for what they handled well.',
        'Ask what would have helped: a tool, a clearer rule, a colleague nearby.',
        'If they need training or help, note it on the case. It is support, not blame.',
      ],
      prompts: ['How are you doing after that?', 'What would have made this easier for you?'],
      doneWhen: 'You have spoken with the employee and noted any support they need.',
      expectedMoves: ['question', 'thanks'],
    },
    {
      key: 'root-cause',
      title: 'Find out why it happened',
      goal: 'You know the cause behind the clash, not only the clash itself.',
      guidance: [
        'Ask "why" a few times, until you reach something you can change.',
        'Look at the process, the rule, the product and the training, not only at people.',
        'Ask whether it has happened before, here or in other teams.',
        'Record the cause and what contributed to it on the case.',
      ],
      prompts: ['What made this hard to get right?', 'Has something like this happened before?'],
      doneWhen: 'The case has a root-cause category and a short why-chain.',
      expectedMoves: ['question'],
    },
    {
      key: 'communicate-clearly',
      title: 'Explain it plainly',
      goal: 'The customer understands what happened and what comes next.',
      guidance: [
        'Use short, everyday words. Drop internal terms, codes and system names.',
        'Say what happened, what you will do, and when.',
        'Pause after each point so they can ask.',
        'If the customer has a fact or rule wrong, correct it gently once they are calm. Never make them feel foolish.',
      ],
      prompts: ["In plain terms, here's what happened.", 'Does that make sense? What questions do you have?'],
      doneWhen: 'The customer can say in their own words what happens next.',
      expectedMoves: ['paraphrase', 'question'],
    },
    {
      key: 'offer-solution',
      title: 'Offer a fair fix within policy',
      goal: 'The customer and the employee both accept a solution that fits your policy.',
      guidance: [
        'Ask the employee what they think would work. They often know.',
        'Check it against your policy. If the cost is above your limit, get approval first.',
        'Be fair to both. Never settle by blaming the employee to please the customer.',
        'Write down what was agreed and every promise, each with an owner and a due time.',
      ],
      prompts: ["Here's what we can offer.", 'Would that put things right for you?'],
      doneWhen: 'A solution within policy is agreed and recorded on the case.',
      expectedMoves: ['solution', 'commitment'],
    },
    {
      key: 'follow-up-both',
      title: 'Follow up with both',
      goal: 'After the case is resolved, you check on the customer and on the employee.',
      guidance: [
        'Schedule a check with the customer: did the fix work, are they satisfied?',
        'Schedule a check with each employee involved: do they feel supported, do they need anything?',
        'Use what you learn to stop it happening again.',
      ],
      prompts: ["I'm calling to check the fix worked for you.", 'How are you feeling about last week now?'],
      doneWhen: 'A follow-up is scheduled for the customer and for each employee involved.',
      expectedMoves: ['question', 'thanks'],
    },
  ],
};

/** Seed 000, the first strategy: back off until the heat has gone, without dropping the issue. */
const WITHDRAW: Playbook = {
  key: 'strategy-withdraw',
  version: 1,
  name: 'Withdraw: step back and cool off',
  summary: 'Pause a heated exchange, hand over with the facts, and come back once things are calm. The issue is paused, never dropped.',
  source:
    'Seed 000 advises an employee caught in a heated exchange to step back until the customer has calmed down, and notes that the problem still has to be dealt with afterwards.',
  steps: [
    {
      key: 'step-back',
      title: 'Step back',
      goal: 'The heat goes out of the moment before anyone says more.',
      guidance: [
        'Say calmly that you want to help, and that a short pause will help you do it.',
        "Don't argue or raise your voice. Keep your hands and face relaxed.",
        'If the customer is abusive or threatening, you may end the conversation. Your safety comes first. Mark the case as abusive.',
        'Say when you, or someone else, will pick it up again.',
      ],
      prompts: [
        "I want to help with this. Let's take a few minutes, and I'll be right back.",
        "I can't carry on while I'm spoken to like this. A colleague will help you.",
      ],
      doneWhen: 'The conversation is paused and the customer knows when it will continue.',
      expectedMoves: ['reassurance', 'commitment'],
    },
    {
      key: 'hand-over',
      title: 'Hand over with the facts',
      goal: 'A colleague or supervisor can take over without the customer starting again.',
      guidance: [
        'Choose who takes over: a colleague with a fresh start, or your supervisor.',
        'Brief them: what happened, what was said, and what the customer wants.',
        'Write it on the case so nothing gets lost.',
        'Introduce them to the customer by name.',
      ],
      prompts: ["This is Sam. I've told her what happened, so you won't need to repeat it."],
      doneWhen: 'Someone else has the case and knows the facts.',
    },
    {
      key: 'come-back',
      title: 'Return when it is calm',
      goal: 'The issue is picked up again once the customer has settled.',
      guidance: [
        'Set a time to come back, and keep it.',
        'Open by acknowledging the wait and how they feel.',
        'Then solve the problem itself, for example with the five steps.',
      ],
      prompts: ["Thanks for waiting. Let's look at this together now."],
      doneWhen: 'The conversation has restarted calmly, or a set time to restart is on the case.',
      expectedMoves: ['thanks', 'empathy'],
    },
    {
      key: 'reset-yourself',
      title: 'Look after yourself',
      goal: 'You are ready for your next customer, and your supervisor knows how it went.',
      guidance: [
        'Take a few minutes away from the floor or the queue if you can.',
        'Tell your supervisor what happened and how you are.',
        'Ask for help or training if you want it. Needing a break is normal.',
      ],
      prompts: ['That one was hard. Can I take five minutes?'],
      doneWhen: 'Your supervisor has heard from you.',
    },
  ],
};

/** Seed 000, the second strategy: write the facts down and pass them to someone senior who calls back. */
const DIFFUSE: Playbook = {
  key: 'strategy-diffuse',
  version: 1,
  name: 'Diffuse: write it down and pass it up',
  summary:
    'Acknowledge the customer, agree the facts in writing, hand the case to a superior, and promise a call back by a set time that is then kept.',
  source:
    'Seed 000 describes a delaying move: be sympathetic, put the facts on paper, and hand the matter to someone senior who gets back to the customer. It admits this only postpones the problem, so here the call back has an owner and a deadline, and the case stays open until it is solved.',
  steps: [
    {
      key: 'acknowledge',
      title: 'Acknowledge and stay kind',
      goal: 'The customer feels heard, even though the decision will come from someone else.',
      guidance: [
        'Show you care before you talk about next steps.',
        "If the complaint is about you, don't defend yourself. That is exactly why someone else will decide.",
        "Don't promise an outcome you can't decide.",
      ],
      prompts: ["I'm sorry this has been so frustrating.", 'I want the right person to look at this properly.'],
      doneWhen: 'The customer has heard you acknowledge the problem.',
      expectedMoves: ['empathy', 'apology'],
    },
    {
      key: 'record-facts',
      title: 'Write the facts down together',
      goal: 'There is a written account the customer agrees with.',
      guidance: [
        'Note what happened, when, who was there, and what the customer is asking for.',
        'Stick to facts. Quote their words where it matters.',
        'Read it back and fix whatever they correct.',
        'Take the best number or email, and when they can be reached.',
      ],
      prompts: [
        'Let me write this down so nothing gets lost.',
        "Here's what I've noted. Did I miss anything?",
        "What's the best number and time to reach you?",
      ],
      doneWhen: 'The customer has confirmed the written facts and their contact details.',
      expectedMoves: ['paraphrase', 'question'],
    },
    {
      key: 'pass-up',
      title: 'Pass it to a superior',
      goal: 'A named superior owns the case and knows the deadline.',
      guidance: [
        'Assign the case to a supervisor or manager who can make the decision.',
        'Tell them the facts and the time you are about to promise.',
        'Flag any legal, media or review threat so they see it first.',
      ],
      prompts: ['Can you take this one? I need to tell the customer when you will call.'],
      doneWhen: 'A superior is assigned and has accepted the case.',
    },
    {
      key: 'promise-call-back',
      title: 'Promise a call back by a set time',
      goal: 'The customer knows who will contact them and by when, and the promise is tracked.',
      guidance: [
        'Give a real time, not "soon" or "in a few days".',
        'Log it as a commitment with the superior as owner.',
        'If the time is going to slip, the owner calls before it does.',
      ],
      prompts: ['My manager, Alex, will call you by 3 pm tomorrow.', "If you haven't heard by then, this is who to ask for."],
      doneWhen: 'A call-back commitment with an owner and due time is on the case, and the customer has been told.',
      expectedMoves: ['commitment', 'reassurance'],
    },
    {
      key: 'call-back',
      title: 'Call back and solve it',
      goal: 'The superior calls on time and the case moves to a real solution.',
      guidance: [
        'Call by the promised time. A missed call back undoes the goodwill you built.',
        "Start from the written facts so the customer doesn't have to repeat them.",
        'Passing it up only buys time. Solve the problem now, with negotiation or the five steps.',
      ],
      prompts: ["I've read what you told my colleague. Here's what I can do."],
      doneWhen: 'The superior has spoken to the customer and a next step is agreed.',
      expectedMoves: ['commitment', 'solution'],
    },
  ],
};

/**
 * Seed 000, the third strategy: meet the issue directly, firmly and politely. Seed 001's
 * "diffuse first, educate second" and "when the customer is wrong" shape the first and third steps.
 */
const CONFRONT: Playbook = {
  key: 'strategy-confront',
  version: 1,
  name: 'Confront: a clear answer, politely',
  summary:
    'When the customer asks for something a clear policy rules out: calm things first, check the facts, say no plainly and kindly, and offer what you can.',
  source:
    'Seed 000 presents a direct, firm stance as the approach that tackles the problem at once, able to go very well or very badly. Seed 001 adds that a customer who is wrong should be calmed before being corrected, and never made to feel foolish.',
  steps: [
    {
      key: 'calm-first',
      title: 'Calm things first',
      goal: 'The customer is calm enough to hear an answer.',
      guidance: [
        'Acknowledge the frustration before you explain anything.',
        'A rule explained too early sounds like an excuse. Settle things, then explain.',
        'If they are too upset to listen, switch to the withdraw playbook.',
      ],
      prompts: ["I can see this isn't what you expected.", "Let's look at it together."],
      doneWhen: 'The customer is listening, not just talking.',
      expectedMoves: ['empathy'],
    },
    {
      key: 'check-policy',
      title: 'Check the facts and the policy',
      goal: 'You are sure what happened and which rule applies.',
      guidance: [
        'Look up the order, the dates and the exact wording of the policy.',
        'Make sure the rule really applies. If we made the mistake, this is the wrong playbook: fix it instead.',
        'Add the policy reference to the case.',
      ],
      prompts: ['Give me a moment to check the details.'],
      doneWhen: 'The policy reference is on the case and you are sure it applies.',
    },
    {
      key: 'say-it-plainly',
      title: 'Say it plainly and firmly',
      goal: 'The customer hears a clear answer, with no blame attached.',
      guidance: [
        "Say what you can and can't do in one or two sentences.",
        'Be firm about the rule and kind to the person.',
        'Explain the rule, not their mistake. Skip "you should have".',
        'Give the reason behind the rule if it helps: fairness, safety, cost.',
        "If they push, repeat the same answer calmly. Don't pile on new reasons.",
      ],
      prompts: [
        "Our returns need a receipt, so I can't refund this today.",
        "I won't be able to change that, and I'd rather be honest with you now.",
      ],
      doneWhen: 'You have stated the answer and the reason once, clearly.',
      expectedMoves: ['empathy'],
    },
    {
      key: 'offer-what-you-can',
      title: 'Offer what you can do',
      goal: 'The customer leaves with a real option, even if not the one they asked for.',
      guidance: [
        'Offer what the policy allows: an exchange, a credit, a repair, or a referral.',
        'Let them choose. A choice helps them save face.',
        'If they still disagree, tell them how to take it further.',
      ],
      prompts: [
        'What I can do is an exchange or store credit. Which would you prefer?',
        'If you want a manager to review this, here is how.',
      ],
      doneWhen: 'The customer has heard at least one option and how to appeal.',
      expectedMoves: ['solution', 'question'],
    },
    {
      key: 'close-with-respect',
      title: 'Close with respect',
      goal: 'The conversation ends politely, whatever the outcome.',
      guidance: ['Thank them for hearing you out.', 'Sum up what was decided and any next step.', 'Record the outcome on the case.'],
      prompts: ["Thanks for hearing me out. I know it's not the answer you wanted."],
      doneWhen: 'The outcome is on the case and the conversation ended politely.',
      expectedMoves: ['thanks', 'paraphrase'],
    },
  ],
};

/** Seed 000, the fourth strategy: a deal that serves both the company and the customer. */
const NEGOTIATE: Playbook = {
  key: 'strategy-negotiate',
  version: 1,
  name: 'Negotiate: a deal that works for both',
  summary: 'Learn what the customer needs, put options on the table, agree one within your authority, and track every promise in it.',
  source:
    "Seed 000 recommends negotiation: settle on terms that both the business and the customer can live with. Seed 004's problem-solving stage supplies the order: agree the problem, list options, agree one, follow through.",
  steps: [
    {
      key: 'find-needs',
      title: 'Find out what they need',
      goal: 'You know what matters most to the customer, beyond their first demand.',
      guidance: [
        'Ask what outcome they hope for, and why.',
        'Listen for the need behind the demand: time, money, respect, certainty.',
        'Be clear on what the company needs too: policy, cost limits, fairness to other customers.',
      ],
      prompts: ['What matters most to you here?', 'If we could fix one thing today, what should it be?'],
      doneWhen: 'You can name the customer’s main need and the limits you work within.',
      expectedMoves: ['question', 'paraphrase'],
    },
    {
      key: 'options',
      title: 'Put options on the table',
      goal: "There are at least two options that meet both sides' needs.",
      guidance: [
        'Come up with options together. Write ideas down before judging them.',
        'Mix different kinds of value: speed, a partial refund, credit, an upgrade, a personal follow-up.',
        'Know your authority limit. Above it, a supervisor has to approve.',
      ],
      prompts: ['Here are a couple of ways we could handle this.', 'What would you suggest?'],
      doneWhen: 'At least two options are listed on the case.',
      expectedMoves: ['solution', 'question'],
    },
    {
      key: 'agree',
      title: 'Agree on one',
      goal: 'You both accept one option, and its cost and terms are clear.',
      guidance: [
        'Compare the options openly: what each costs and how quickly it happens.',
        'Trade rather than give. If you move on one point, you can ask for give on another.',
        'Check the cost against your limit and get approval if it is above.',
        'Say the agreement back in one sentence.',
      ],
      prompts: ["So we'll send a replacement, and you'll have it by Friday. Is that agreed?"],
      doneWhen: 'The chosen solution and its cost are on the case, approved if needed.',
      expectedMoves: ['paraphrase', 'solution'],
    },
    {
      key: 'follow-through',
      title: 'Confirm and follow through',
      goal: 'Every promise in the deal is tracked until it is kept.',
      guidance: [
        'Log each promise as a commitment with an owner and a due time.',
        'Send the customer a short written summary.',
        'Thank them for working it out with you.',
      ],
      prompts: ["I'll email you a summary today. Thanks for working this out with me."],
      doneWhen: 'Each promise is a commitment on the case and the customer has the summary.',
      expectedMoves: ['commitment', 'thanks'],
    },
  ],
};

/** In the order a handler would browse them: the general methods first, then the four strategies. */
export const BUILT_IN_PLAYBOOKS: readonly Playbook[] = Object.freeze([
  FIVE_STEPS,
  SIX_TIPS,
  MANAGER_MEDIATION,
  WITHDRAW,
  DIFFUSE,
  CONFRONT,
  NEGOTIATE,
]);
