import type { Playbook } from './playbook.js';
import { CONFRONT, DIFFUSE, NEGOTIATE, WITHDRAW } from './strategy-playbooks.js';

/*
 * The built-in playbooks, one per conflict-handling method we build on. Every sentence is our own;
 * the methods give the order of the steps and the ideas, not the words. Each playbook's `source`
 * says which method it follows. Written for someone reading mid-conversation: second person, short
 * sentences, one idea each.
 */

/** Five steps for an upset customer: attention, venting, empathy, a summary, then joint problem solving and kept promises. */
const FIVE_STEPS: Playbook = {
  key: 'five-steps',
  version: 1,
  name: 'Five steps for an upset customer',
  summary: 'Give full attention, let them say it all, show you understand, say it back, then solve it together and keep every promise.',
  source:
    'A five-stage path for a customer who is upset: attention, venting, empathy, a summary, and joint problem solving that ends with promises kept.',
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

/** Six habits for helping a customer through a conflict, from letting them talk to saying thank you. */
const SIX_TIPS: Playbook = {
  key: 'six-tips',
  version: 1,
  name: 'Six habits in a conflict',
  summary: 'Let them talk, ask and listen, stay calm, watch your own reaction, steer to a fix, and say thank you.',
  source:
    'Six habits for helping a customer through a disagreement: room to talk, questions with real listening, a calm presence, care over your own reaction, a focus on the fix, and thanks at the end.',
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

/** A manager works a clash between a customer and an employee: hears both, supports the employee, follows up with both. */
const MANAGER_MEDIATION: Playbook = {
  key: 'manager-mediation',
  version: 1,
  name: 'Manager mediation',
  summary:
    'For a supervisor: hear both sides, show the customer you understand, back your employee, find the cause, explain plainly, offer a fair fix within policy, and check in with both afterwards.',
  source:
    'How a manager handles a problem between a customer and an employee: listen to both and write it down, empathise, support the staff member, dig for the cause, speak plainly, offer a fair answer that fits policy, and follow up with each of them.',
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
