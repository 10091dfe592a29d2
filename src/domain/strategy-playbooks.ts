import type { Playbook } from './playbook.js';

/*
 * The four classic strategies for a clash with a customer as playbooks (withdraw, diffuse, confront,
 * negotiate), in our own words. The recommender in strategy.ts picks one; playbook-library.ts lists them with the others.
 */

/** The first strategy: back off until the heat has gone, without dropping the issue. */
export const WITHDRAW: Playbook = {
  key: 'strategy-withdraw',
  version: 1,
  name: 'Withdraw: step back and cool off',
  summary: 'Pause a heated exchange, hand over with the facts, and come back once things are calm. The issue is paused, never dropped.',
  source:
    'An employee caught in a heated exchange steps back until the customer has calmed down; the problem still has to be dealt with afterwards.',
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

/** The second strategy: write the facts down and pass them to someone senior who calls back. */
export const DIFFUSE: Playbook = {
  key: 'strategy-diffuse',
  version: 1,
  name: 'Diffuse: write it down and pass it up',
  summary:
    'Acknowledge the customer, agree the facts in writing, hand the case to a superior, and promise a call back by a set time that is then kept.',
  source:
    'A delaying move: be sympathetic, put the facts on paper, and hand the matter to someone senior who gets back to the customer. On its own this only postpones the problem, so here the call back has an owner and a deadline, and the case stays open until it is solved.',
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
 * The third strategy: meet the issue directly, firmly and politely. "Diffuse first, educate second"
 * and "when the customer is wrong, be clear about the rule and kind to the person" shape the first
 * and third steps.
 */
export const CONFRONT: Playbook = {
  key: 'strategy-confront',
  version: 1,
  name: 'Confront: a clear answer, politely',
  summary:
    'When the customer asks for something a clear policy rules out: calm things first, check the facts, say no plainly and kindly, and offer what you can.',
  source:
    'A direct, firm stance tackles the problem at once and can go very well or very badly. A customer who is wrong should be calmed before being corrected, and never made to feel foolish.',
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

/** The fourth strategy: a deal that serves both the company and the customer. */
export const NEGOTIATE: Playbook = {
  key: 'strategy-negotiate',
  version: 1,
  name: 'Negotiate: a deal that works for both',
  summary: 'Learn what the customer needs, put options on the table, agree one within your authority, and track every promise in it.',
  source:
    'Negotiation settles on terms that both the business and the customer can live with, in the order of joint problem solving: agree the problem, list options, agree one, follow through.',
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
