import type { Channel, CustomerState, ImpactKind, RiskFlag, Severity } from '../domain/case.js';
import type { TeamKey } from './demo-people.js';

/**
 * One kind of incident the demo draws cases from. Texts hold placeholders filled per case:
 * {customer} {customerFirst} {employee} {employeeFirst} {witness} {item} {place} {order} {amount}.
 */
export type Scenario = {
  key: string;
  teams: readonly TeamKey[];
  /** Repeats weight a channel: the first ones are the common way this incident reaches us. */
  channels: readonly Channel[];
  severities: readonly Severity[];
  states: readonly CustomerState[];
  impact?: { kind: ImpactKind; min: number; max: number; p: number };
  flags?: readonly { flag: RiskFlag; p: number }[];
  /** Conduct questions bring HR in to read both sides. */
  conduct?: boolean;
  items?: readonly string[];
  titles: readonly string[];
  summary: string;
  customer: string;
  employee: string;
  witness?: string;
  resolution: string;
};

const STORES: readonly TeamKey[] = ['harborside', 'pinehill'];

export const ITEMS = [
  'rain jacket',
  'pair of hiking boots',
  'down vest',
  'fleece',
  'backpack',
  'sleeping bag',
  'camp stove',
  'merino base layer',
  'pair of trail runners',
  'headlamp',
  'two-person tent',
  'water bottle',
] as const;

/** Everyday clashes at a shop counter, on the phone and by email; every sentence written for Defuse. */
export const SCENARIOS: readonly Scenario[] = [
  {
    key: 'forgot-to-come-back',
    teams: STORES,
    channels: ['in_person', 'in_person', 'phone'],
    severities: [3, 4],
    states: ['frustrated', 'calm'],
    impact: { kind: 'lost_sale', min: 40, max: 260, p: 0.5 },
    titles: ["Told 'back in a minute', then forgotten", 'Asked about a {item}, left waiting and brushed off'],
    summary:
      "{customer} asked {employeeFirst} whether we stock a {item}. {employeeFirst} went to check, got drawn into serving other shoppers and did not come back. When {customerFirst} asked again, the answer was a brief 'we don't have it'. The customer left without buying and said they would go elsewhere next time.",
    customer:
      "I spent a good ten minutes explaining what I needed and your associate was helpful at first. Then they said they would look it up and be right back. I watched them serve three other people. When I finally went over, they said they had forgotten and that you don't carry it, and that was the end of it. No idea where else to look, no apology. I felt I had wasted my lunch break.",
    employee:
      "The customer wanted a {item} and I went to the terminal to check stock. Two people were waiting at the counter with collection orders, so I served them, and then the phone rang. I honestly lost track. When the customer came back I checked and we don't stock that model, and I told them so. Looking back, I should have said I needed a few minutes, and I could have offered to order it in or shown them something similar.",
    witness:
      'I was restocking near the counter. {employeeFirst} had been alone at the service point for about twenty minutes because I was on my break. The line kept growing, and the customer waited by the boot wall the whole time.',
    resolution:
      'Called {customerFirst} to apologise for being left waiting. Offered to order the {item} from the supplier with free delivery to the store and a 10% voucher for the trouble. Agreed with {employeeFirst} that whenever they step away they give the customer a time, and ask a colleague to cover if it runs over.',
  },
  {
    key: 'refund-no-receipt',
    teams: ['harborside', 'pinehill', 'returns'],
    channels: ['in_person'],
    severities: [3, 4, 2],
    states: ['frustrated', 'angry'],
    impact: { kind: 'refund', min: 25, max: 180, p: 0.85 },
    titles: ['Refund refused without a receipt', 'Return without a receipt turned into an argument'],
    summary:
      '{customer} brought back a {item} bought a few weeks earlier but had no receipt. {employeeFirst} explained that without proof of purchase we can only give store credit. {customerFirst} had paid by card and felt the rule was being used against them; voices were raised at the counter.',
    customer:
      "I paid with my card, so the payment is right there in your own system. I was told flatly that without the paper slip I could only have store credit, as if I was trying to pull something. I don't want credit, I want my money back for something that doesn't fit. Nobody offered to look up the card payment until I asked for a manager.",
    employee:
      "Our policy says a refund to the original payment needs a receipt or an order number; otherwise it's store credit at today's price. I explained that twice. I didn't know the till can search a card transaction, so I didn't offer it. The customer got louder and said I was calling them a thief, which I never said. At that point I asked my supervisor to come over.",
    resolution:
      'Looked up the card payment with {customerFirst} present and found the purchase. Refunded {amount} to the card. Showed {employeeFirst} the card search on the till and added it to the returns cheat sheet.',
  },
  {
    key: 'refund-past-window',
    teams: ['returns', 'harborside', 'pinehill'],
    channels: ['in_person', 'email', 'phone'],
    severities: [3, 4],
    states: ['frustrated', 'calm'],
    impact: { kind: 'credit', min: 30, max: 150, p: 0.6 },
    titles: ['Return asked for after the 60-day window', 'Worn {item} brought back after the return period'],
    summary:
      '{customer} wanted a full refund for a {item} bought more than two months ago and clearly used. {employeeFirst} declined under the returns policy. {customerFirst} said nobody had mentioned a time limit and asked to take it further.',
    customer:
      'Nobody told me there was a deadline. The {item} started coming apart after a handful of outings, which is not what you expect at these prices. Your colleague kept pointing at a sign behind the counter instead of looking at what was actually wrong with it.',
    employee:
      "The return period is 60 days and the item had seen a fair bit of use. I said I couldn't accept it as a return, but I didn't think to check whether it was a fault, which would fall under the warranty instead. The customer wanted an answer there and then, so I said I'd pass it to my supervisor.",
    resolution:
      'Inspected the {item}: the seam failure is a manufacturing fault, so the warranty covers it even though the return period has passed. Offered a replacement or a credit note of {amount}; {customerFirst} chose the credit. Explained the difference between a return and a fault in plain words.',
  },
  {
    key: 'shouting-at-till',
    teams: STORES,
    channels: ['in_person'],
    severities: [2, 3],
    states: ['angry', 'hostile'],
    impact: { kind: 'credit', min: 5, max: 40, p: 0.9 },
    titles: ['Customer shouting at the till over a shelf price', 'Price disagreement at checkout got loud'],
    summary:
      'The shelf tag for a {item} showed a lower price than the till charged. {customer} raised it with {employeeFirst}, who said the till price stands. {customerFirst} started shouting, the line behind came to a stop, and a colleague stepped in to take over.',
    customer:
      "The tag on the shelf said one price and your till said another. When I pointed it out I was told the computer is always right. I admit I lost my temper, but I'd been standing in that line for fifteen minutes with a tired child, and being brushed off was the last straw.",
    employee:
      "The customer said the shelf price was lower. I told them the till price is the right one, because that's what I was taught. They started shouting and swearing and I could feel myself getting defensive. I should have gone to look at the tag. I was relieved when {witness} came over.",
    witness:
      "I heard raised voices from the next till and went across. The customer was very upset and {employeeFirst} looked shaken. I offered to walk to the shelf with the customer to look at the tag together. It was an old tag from last week's promotion that nobody had taken down.",
    resolution:
      'Honoured the shelf price for {customerFirst} and refunded the difference of {amount}. Removed the out-of-date promotion tags in that aisle. Went through the price-check routine with {employeeFirst}: check the tag first, then talk about the price.',
  },
  {
    key: 'delivery-never-came',
    teams: ['online'],
    channels: ['email', 'chat', 'phone'],
    severities: [2, 3],
    states: ['frustrated', 'angry'],
    impact: { kind: 'refund', min: 40, max: 320, p: 0.8 },
    flags: [{ flag: 'threatened_review', p: 0.25 }],
    titles: ['Order {order} marked delivered but never arrived', 'Parcel with a {item} never turned up'],
    summary:
      "{customer}'s web order {order} for a {item} shows as delivered, but nothing reached them. They contacted us several times and felt they got the same scripted answer each time. They want a refund or a replacement before a trip this weekend.",
    customer:
      "The tracking says it was left at my door. It wasn't. I've asked the neighbours and the building office. Every time I get in touch I'm told to wait another 48 hours while the carrier looks into it. I ordered early precisely so I would have it for Saturday.",
    employee:
      "The carrier's record shows a delivery scan but no photo. Our process is to open a claim with the carrier and wait two working days before refunding or sending again. I explained that, but I can see that from the customer's side it sounded like stalling. I'm not allowed to resend before the claim is closed.",
    resolution:
      'Approved a replacement by express at our cost without waiting for the carrier claim; {customerFirst} had it on Friday. Asked operations whether agents may resend low-value orders straight away.',
  },
  {
    key: 'curt-chat-reply',
    teams: ['online'],
    channels: ['chat', 'chat', 'social'],
    severities: [3, 2],
    states: ['frustrated', 'angry'],
    flags: [{ flag: 'public_post', p: 0.6 }],
    titles: ['Curt chat reply upset a customer', "'As I already explained': complaint about a chat reply"],
    summary:
      "During a chat about a missing size, {employeeFirst} replied 'As I already explained, we cannot reserve items.' {customer} found the tone dismissive, left the chat and shared a screenshot on social media.",
    customer:
      "I asked a simple question twice because the first answer didn't make sense to me. The reply was snippy, as if I was being slow. I shop with you all the time and didn't expect to be talked down to. I posted it because I wanted someone to notice.",
    employee:
      "I had four chats open and had just answered the same question. I pasted a shorter version of my answer without thinking about how 'as I already explained' would read on the other end. I didn't mean it rudely, but I can see why it landed that way.",
    resolution:
      'Messaged {customerFirst} directly, apologised for the tone and explained the reservation rules in plain language. Held the size at the store for a day as an exception. Talked with {employeeFirst} about chat load and phrases that read as impatient; lowered the limit to three chats at once.',
  },
  {
    key: 'threatened-review',
    teams: ['harborside', 'pinehill', 'online'],
    channels: ['in_person', 'phone', 'email'],
    severities: [3, 4],
    states: ['frustrated', 'angry'],
    impact: { kind: 'lost_sale', min: 60, max: 240, p: 0.3 },
    flags: [{ flag: 'threatened_review', p: 1 }],
    titles: ['Threat of a one-star review unless discounted', 'Customer asked for the old sale price or a bad review'],
    summary:
      '{customer} was unhappy that a {item} on sale last week is back at full price. When {employeeFirst} said the sale had ended, {customerFirst} said they would leave one-star reviews everywhere unless they got the old price.',
    customer:
      "I saw it at the sale price a few days ago and came back to buy it. Being told 'sorry, sale's over' with a shrug isn't great service. I told them I'd be writing a review about it, and I will if nothing changes.",
    employee:
      "I explained the promotion ended on Sunday and I can't apply a price that isn't active. The customer then said they'd post bad reviews unless I gave them the discount. I stayed polite and said I'd ask my supervisor, but I didn't think a threat should get someone a discount.",
    resolution:
      "Talked it through with {customerFirst}: we don't change prices because of reviews, but our price promise covers items that go back on sale within 14 days. Signed them up for a sale alert on the {item}. No discount given; thanked them for coming back to us about it.",
  },
  {
    key: 'roof-rack-damage',
    teams: STORES,
    channels: ['in_person', 'email', 'phone'],
    severities: [1, 2],
    states: ['angry', 'hostile'],
    impact: { kind: 'damage', min: 350, max: 1400, p: 1 },
    flags: [{ flag: 'legal_threat', p: 1 }],
    titles: ['Roof rack fitted in store damaged a car', 'Customer threatens legal action over car damage'],
    summary:
      "{employeeFirst} fitted a roof rack to {customer}'s car in our car park. Two days later {customerFirst} came back with scratches on the roof and a dent near the rear clamp, said our fitting caused it and that a lawyer would be in touch.",
    customer:
      "I paid for the fitting because I didn't want to risk doing it myself. When I took the rack off on Sunday there were scratches right under the feet and a dent at the back. I have photos from before and after. I expect you to pay for the repair, and if you won't, I'll take it to court.",
    employee:
      "I fitted the rack following the manufacturer's guide and torque settings. The rear clamp was hard to seat and I had to adjust it twice. I don't remember seeing any marks at the time, but I didn't photograph the roof before starting, which I know I should have.",
    resolution:
      'Our insurer reviewed the photos and accepted the claim for the body shop repair ({amount}). Wrote to {customerFirst} with the timeline and a named contact. Added a photo-before-fitting step to the roof rack checklist.',
  },
  {
    key: 'warranty-misunderstood',
    teams: ['harborside', 'pinehill', 'returns'],
    channels: ['in_person', 'phone', 'email'],
    severities: [4, 3],
    states: ['calm', 'frustrated'],
    impact: { kind: 'credit', min: 15, max: 45, p: 0.5 },
    items: ['pair of hiking boots', 'pair of walking boots'],
    titles: ['Warranty claim for worn-out soles', 'Customer expected the lifetime warranty to cover wear'],
    summary:
      '{customer} brought back a {item} with soles worn smooth after three years, believing the lifetime warranty covers them. The warranty covers defects, not normal wear. {employeeFirst} had to explain this to a customer who was sure they were in the right.',
    customer:
      "It says lifetime warranty on the box. To me that means if they wear out, you replace them. I've been loyal to you for years and I felt I was being lectured about small print.",
    employee:
      "I let them talk first; they clearly loved those boots. Then I explained that the warranty covers faults in the materials or the making, and that soles worn down after heavy use are wear. I offered our resoling service at a discount. They weren't happy, but they calmed down once they saw there were options.",
    resolution:
      "Confirmed with {customerFirst} that the warranty doesn't cover wear, and offered the resole at 30% off as a goodwill gesture; they took it. Suggested rewording the warranty line on the box so it says what is covered.",
  },
  {
    key: 'returns-queue',
    teams: ['returns'],
    channels: ['in_person', 'in_person', 'other'],
    severities: [3, 4],
    states: ['frustrated', 'angry'],
    titles: ['Long wait at returns, then a short answer', 'Twenty-five minutes in the returns line'],
    summary:
      "{customer} waited about 25 minutes at the returns desk while {employeeFirst} was the only one on shift. When their turn came, {customerFirst} complained about the wait and {employeeFirst} answered 'I'm going as fast as I can.' The customer felt blamed for being annoyed.",
    customer:
      "There was one person on the desk and a line nearly out the door. I don't blame them for that, but when I said it was ridiculous they snapped at me. All I wanted was to swap a size.",
    employee:
      "I was on my own because my colleague called in sick and nobody covered. Everyone in the line was annoyed and it felt like every complaint was aimed at me. I did say I was going as fast as I could, and my tone was short. I'm sorry about that.",
    witness:
      "I came down from the stockroom near the end of it. About twelve people were waiting, and {employeeFirst} hadn't had a break since we opened.",
    resolution:
      'Apologised to {customerFirst} for the wait and for the reply, and completed the size exchange. Arranged for the floor team to cover the returns desk whenever it is single-staffed and the line goes past five people.',
  },
  {
    key: 'web-price-match',
    teams: STORES,
    channels: ['in_person'],
    severities: [4, 3],
    states: ['frustrated', 'calm'],
    impact: { kind: 'credit', min: 5, max: 60, p: 0.9 },
    titles: ['Price match refused for our own website price', 'Website cheaper than the store for a {item}'],
    summary:
      '{customer} showed {employeeFirst} our own website listing a {item} for less than the shelf price. {employeeFirst} said store and web prices are separate. {customerFirst} found that hard to accept and asked for the difference.',
    customer:
      "It's the same shop. I was standing in front of the product with your website open on my phone. Being told they're 'different channels' made no sense to me at all.",
    employee:
      "We've been told not to match web-only prices in store. I tried to explain, but I didn't have a good reason to give because I don't really understand the rule myself. The customer asked for a manager and I called my supervisor.",
    resolution:
      'Matched the web price, a difference of {amount}. Asked head office to clarify the rule; until they do, supervisors may match our own web price.',
  },
  {
    key: 'loyalty-points-missing',
    teams: ['online'],
    channels: ['email', 'chat', 'phone'],
    severities: [4, 3],
    states: ['calm', 'frustrated'],
    impact: { kind: 'credit', min: 5, max: 25, p: 0.6 },
    titles: ['Loyalty points missing after a big purchase', 'Points never credited for order {order}'],
    summary:
      "{customer} bought a {item} but the loyalty points never appeared. Two contacts with support ended with 'it can take a while'. {customerFirst} wants the points and an explanation.",
    customer:
      "It's been three weeks. Every time I ask I'm told it takes time. How much time? Nobody could say. I'm starting to think the loyalty scheme isn't worth the bother.",
    employee:
      'The order was placed as a guest checkout, so it was never linked to the loyalty account. I only found that out on the second contact, and by then the customer was fed up. I should have checked the order type the first time instead of giving the standard answer.',
    resolution:
      "Linked order {order} to {customerFirst}'s account by hand and added the missing points plus a small bonus. Added a 'guest checkout?' check to the support reply for missing points.",
  },
  {
    key: 'passed-between-teams',
    teams: ['online', 'harborside', 'pinehill'],
    channels: ['phone', 'chat', 'email'],
    severities: [3],
    states: ['frustrated', 'angry'],
    titles: ['Passed back and forth between store and online support', "'That's not our department', twice"],
    summary:
      '{customer} tried to exchange a web order in store and was told to contact online support; online support said stores handle exchanges. After the third hand-off {customerFirst} got through to {employeeFirst}, clearly exasperated.',
    customer:
      'I have spent longer being passed around than it took to order the thing. The store sent me to the website and the website sent me back to the store. I just want the right size and someone who will own the problem.',
    employee:
      "By the time the customer reached me they had already been sent back and forth. Our rules do let stores exchange web orders, but plenty of people don't know that. I said I'd sort it myself and phoned the store to set it up before they got there.",
    resolution:
      '{employeeFirst} arranged the exchange with the store and called {customerFirst} to confirm it was ready. Sent a short note to both store teams confirming that web orders can be exchanged in store.',
  },
  {
    key: 'damaged-on-arrival',
    teams: ['online'],
    channels: ['social', 'email'],
    severities: [2, 3],
    states: ['angry', 'frustrated'],
    impact: { kind: 'refund', min: 10, max: 90, p: 0.7 },
    flags: [{ flag: 'public_post', p: 1 }],
    items: ["kids' bike", 'camping chair', 'folding table', 'cool box', 'paddleboard'],
    titles: ['{item} delivered damaged; photos posted online', 'Crushed box, broken {item}'],
    summary:
      "{customer}'s {item} arrived visibly damaged. After two days without a reply, {customerFirst} posted photos on social media and tagged us. {employeeFirst} picked the case up from the social inbox.",
    customer:
      'The box was crushed and the damage was obvious. I emailed with photos and heard nothing for two days, so yes, I posted it publicly. That got an answer within the hour, which says something.',
    employee:
      'The first email landed in a shared inbox that was behind after the weekend. When I saw the post I replied publicly to apologise and moved the conversation to private messages to get the order details. Then I arranged a collection and a replacement.',
    resolution:
      'Collected the damaged {item} and sent a replacement. Refunded the delivery charge ({amount}). Asked the carrier for a damage report and raised the weekend inbox backlog with the online team.',
  },
  {
    key: 'bag-check-at-door',
    teams: STORES,
    channels: ['in_person'],
    severities: [1, 2],
    states: ['angry', 'hostile'],
    conduct: true,
    impact: { kind: 'credit', min: 25, max: 75, p: 0.7 },
    flags: [
      { flag: 'legal_threat', p: 0.4 },
      { flag: 'public_post', p: 0.2 },
    ],
    titles: ['Door alarm and a bag check in front of other shoppers', 'Customer felt treated as a shoplifter'],
    summary:
      'The door alarm sounded as {customer} left. {employeeFirst} asked to look in their bag in full view of the line. The alarm came from a security tag left on something bought earlier. {customerFirst} felt publicly treated as a thief.',
    customer:
      "I was humiliated. People were staring, and your employee held out a hand for my bag as if I'd been caught. It turned out your own cashier had left a tag on something I paid for. Nobody apologised properly. I am thinking about speaking to a lawyer.",
    employee:
      "The alarm went and I did what we're trained to do: ask politely to check the receipt against the bag. I said 'could I see the bag, please', but I should have asked them to step to the side, away from the line. Once I saw the tag was on a paid item I took it off and said sorry.",
    witness:
      'I was on the till nearest the door. {employeeFirst} was polite, but it all happened right in front of the line and the customer was very embarrassed. I think the tag was missed at another till earlier in the day.',
    resolution:
      'Called {customerFirst} to give a full apology on behalf of the store and explain what went wrong. Sent a gift card ({amount}) as a gesture. Changed the alarm routine: staff invite the customer to the side counter before any check. Reminded all tills to remove tags.',
  },
  {
    key: 'fitting-room-closing',
    teams: STORES,
    channels: ['in_person', 'email'],
    severities: [4],
    states: ['calm', 'frustrated'],
    titles: ['Turned away from the fitting rooms before closing', 'Fitting rooms shut early, customer upset'],
    summary:
      '{customer} reached the fitting rooms twenty minutes before closing with several items and was told they were already shut. {employeeFirst} was following the closing routine, but {customerFirst} could see other shoppers still using them.',
    customer:
      'I was told no, the rooms are closed, while two people were still inside. I had taken my time choosing and then had to guess my size. It felt arbitrary.',
    employee:
      'We start closing the fitting rooms half an hour before the store closes so we can clear them. The people inside had gone in before I started. I explained that, but quickly, because I was trying to get everything tidied.',
    resolution:
      'Explained the closing routine to {customerFirst} and extended the return window on what they bought that evening. Changed the routine: the rooms close 15 minutes before the store, with a sign up when the countdown starts.',
  },
  {
    key: 'gift-card-empty',
    teams: ['harborside', 'pinehill', 'online'],
    channels: ['in_person', 'phone'],
    severities: [3],
    states: ['frustrated', 'calm'],
    impact: { kind: 'credit', min: 20, max: 100, p: 1 },
    titles: ['Gift card balance shown as zero', 'Unused gift card appears empty'],
    summary:
      '{customer} tried to pay with a gift card they had been given and was told the balance was zero. {employeeFirst} could not see any history at the till. {customerFirst} suspected someone else had used the card.',
    customer:
      'It was a birthday present and I had never used it. At the till they said there was nothing on it and just handed it back. I felt like I was being accused of trying it on.',
    employee:
      "The till showed zero and I couldn't open any history. I told the customer they would need to call support, which I know isn't a satisfying answer. I had no way to look any further.",
    resolution:
      'Support traced the card: it had been activated with the wrong value when it was sold. Loaded the right balance of {amount} and apologised to {customerFirst}. Asked IT to show gift card history on store tills.',
  },
  {
    key: 'callback-never-came',
    teams: STORES,
    channels: ['phone', 'in_person'],
    severities: [3, 2],
    states: ['frustrated', 'angry'],
    impact: { kind: 'refund', min: 30, max: 160, p: 0.4 },
    titles: ['Promised call from a manager never came', 'No callback after the complaint was written down'],
    summary:
      '{customer} complained in store about a faulty {item}. {employeeFirst} wrote down the details and promised a manager would call the next day. Nobody did. A week later {customerFirst} phoned, upset that the promise had been forgotten.',
    customer:
      "The person at the counter was kind about it at the time. They wrote everything down and told me I'd get a call the next day. I stayed near the phone all week. I'm less bothered about the {item} than about being promised something and then ignored.",
    employee:
      "I took the details on a paper form and left it in the supervisor's tray, because the supervisor was off that day. I told the customer to expect a call. I didn't check that anyone picked up the form, and it looks like it got buried under delivery notes.",
    resolution:
      'Rang {customerFirst} the same day, apologised for the broken promise and replaced the {item}. Moved callback requests off paper and into Defuse so each one has an owner and a due time.',
  },
  {
    key: 'collection-not-ready',
    teams: STORES,
    channels: ['in_person', 'email'],
    severities: [3, 4],
    states: ['frustrated', 'angry'],
    impact: { kind: 'credit', min: 5, max: 20, p: 0.5 },
    titles: ['Click-and-collect order not ready on arrival', 'Drove over for a collection that was not ready'],
    summary:
      "{customer} got a 'ready to collect' email for order {order} and drove 40 minutes to {place}. The order had not been picked. {employeeFirst} said it could take an hour to find.",
    customer:
      'Your email said it was ready. I left work early to get there before closing. Being told to come back in an hour, or tomorrow, was really frustrating.',
    employee:
      "The email goes out automatically when the order is sent to the store, not when we've picked it. We were short-handed in the stockroom. I searched for twenty minutes, couldn't find it, and had to ask the customer to come back.",
    resolution:
      "Found the item the same evening and delivered it to {customerFirst}'s home the next day at no charge. Credited {amount} for the wasted trip. Asked the web team to send the 'ready' email only after the store confirms the order is picked.",
  },
  {
    key: 'repair-delay',
    teams: ['returns', 'harborside', 'pinehill'],
    channels: ['phone', 'email'],
    severities: [3],
    states: ['frustrated', 'angry'],
    impact: { kind: 'refund', min: 30, max: 70, p: 0.8 },
    items: ['pair of hiking boots', 'pair of walking boots'],
    titles: ['Boot resole took three times as long as promised', 'Repair promised in two weeks, still waiting after six'],
    summary:
      '{customer} left a {item} for resoling with a promised two-week turnaround. Six weeks later they were still not back, and {customerFirst} had called three times for news.',
    customer:
      "Each time I called I got a different answer: next week, the week after, we'll ring you. I had to cancel a hiking weekend because my boots were stuck in your workshop.",
    employee:
      "The repair partner had a backlog and didn't tell us. I passed on the dates I had, but I didn't push the partner for a real one. I understand why the customer is fed up.",
    resolution:
      'Chased the repair partner and got a firm date. Refunded the repair fee ({amount}) and lent {customerFirst} a pair of rental boots in the meantime. Set up a weekly check on repairs past their promised date.',
  },
  {
    key: 'overheard-remark',
    teams: STORES,
    channels: ['in_person', 'email'],
    severities: [2],
    states: ['angry', 'hostile'],
    conduct: true,
    titles: ['Customer overheard a remark about them', 'Comment between staff overheard on the shop floor'],
    summary:
      'While browsing, {customer} overheard {employeeFirst} say something dismissive about them to a colleague. {customerFirst} confronted them, then asked to make a formal complaint about staff conduct.',
    customer:
      "I was behind the rail and heard them say 'here we go, another one who'll try on half the shop and buy nothing'. I have every right to look. I was so upset I left my basket and walked out.",
    employee:
      "I did say something like that to a colleague. It was meant as a joke between us at the end of a long day, and I didn't realise the customer could hear. It was unprofessional and I would like to apologise to them myself.",
    witness:
      "I was the colleague. {employeeFirst} made the comment and I laughed, which I'm not proud of. The customer came round the rail straight away. {employeeFirst} apologised, but the customer left.",
    resolution:
      'Wrote to {customerFirst} with an apology and an invitation to come back for a personal fitting. Had a coaching conversation with {employeeFirst} and the colleague about how remarks carry on a shop floor. HR noted it as a first occurrence.',
  },
  {
    key: 'abusive-caller',
    teams: ['online', 'returns'],
    channels: ['phone'],
    severities: [2],
    states: ['hostile'],
    impact: { kind: 'refund', min: 30, max: 200, p: 0.8 },
    titles: ['Abusive caller; the call was ended under the abuse policy', 'Caller swore repeatedly at a support agent'],
    summary:
      '{customer} phoned about a late refund and became abusive, swearing at {employeeFirst} and making personal insults. After two warnings {employeeFirst} ended the call as the abuse policy allows and asked a supervisor to take over.',
    customer:
      "Yes, I swore. I'd been waiting three weeks for that refund and I was furious. But the money still isn't in my account, and that is the real problem here.",
    employee:
      'I told the caller I wanted to help and asked them to stop swearing. They carried on and called me names, so I gave a second warning and then ended the call, as the policy says. I was shaky afterwards and took ten minutes before the next call.',
    resolution:
      "Called {customerFirst} back, said plainly that abuse of staff isn't acceptable, and traced the refund: it had failed against an expired card. Paid {amount} by bank transfer. Checked in with {employeeFirst} the same afternoon.",
  },
  {
    key: 'ignored-at-counter-post',
    teams: STORES,
    channels: ['social', 'social', 'other'],
    severities: [1, 2],
    states: ['angry', 'frustrated'],
    conduct: true,
    flags: [
      { flag: 'public_post', p: 1 },
      { flag: 'media', p: 0.5 },
    ],
    titles: ['Post about being ignored spread locally', 'Local news asked about a post on being ignored'],
    summary:
      '{customer} posted that staff at {place} ignored them for fifteen minutes while chatting among themselves. The post was widely shared and a local news site asked us for comment. {employeeFirst} was on the floor at the time.',
    customer:
      "I stood at the counter while two staff members talked about their weekend. I said 'excuse me' twice. When someone finally came over, there was no apology. I posted about it because this keeps happening.",
    employee:
      "We were in the middle of the shift handover and I honestly didn't see the customer at first. When I did, I went straight over. I may not have apologised; I can't remember. I didn't know about the post until my supervisor showed me.",
    resolution:
      'Replied publicly with an apology and asked {customerFirst} to message us. Met {customerFirst} in store, apologised in person and listened. Gave a short statement to the news site. Moved shift handovers to the back office.',
  },
  {
    key: 'expired-coupon',
    teams: STORES,
    channels: ['other', 'in_person'],
    severities: [4],
    states: ['calm'],
    impact: { kind: 'credit', min: 5, max: 15, p: 0.7 },
    titles: ['Expired coupon refused at checkout', 'Coupon one day out of date'],
    summary:
      '{customer} tried to use a coupon that had expired the day before. {employeeFirst} said the till would not take it. {customerFirst} was disappointed and left a comment card.',
    customer:
      "I know it was a day late, but accepting it would have been a nice gesture. I come in every month and the person at the till just said the system won't allow it.",
    employee:
      "The till blocks expired coupons. I explained that, but I didn't know a supervisor can override it for a coupon that's only just expired. I'd have done it if I'd known.",
    resolution:
      'Sent {customerFirst} a new coupon of the same value ({amount}). Told all tills that supervisors may accept coupons up to a week past expiry.',
  },
  {
    key: 'double-charge',
    teams: ['online'],
    channels: ['email', 'chat'],
    severities: [3, 2],
    states: ['frustrated', 'angry'],
    impact: { kind: 'refund', min: 40, max: 250, p: 1 },
    titles: ['Card charged twice for one order', 'Double payment taken for order {order}'],
    summary:
      "{customer} saw two identical charges for web order {order}. The first reply from support said the second charge would drop off by itself. A week later it hadn't, and {customerFirst} wrote again, more sharply.",
    customer:
      "I was told not to worry, it's only a hold. Seven days later both charges are still there and I'm short that money before rent is due. I'd like it sorted today, please.",
    employee:
      "My first reply was the standard text for pending card holds. I didn't check whether the charge had actually gone through. When the second email came I looked and saw two completed payments.",
    resolution:
      'Refunded the duplicate charge of {amount} the same day and sent {customerFirst} the refund reference. Added a step to the duplicate-charge reply: confirm in the payment portal before answering.',
  },
  {
    key: 'letter-to-head-office',
    teams: STORES,
    channels: ['other'],
    severities: [3],
    states: ['calm', 'frustrated'],
    titles: ['Letter to head office about repeated poor service', 'Written complaint about several visits'],
    summary:
      '{customer} sent a letter to head office describing three visits to {place} where they felt unwelcome: no greeting, a long wait, and a staff member busy on a phone. {employeeFirst} is named for one of the visits.',
    customer:
      "I have shopped with you for years and I'm writing because it has been disappointing lately. On my last three visits nobody said hello, and the last time, the person I asked for help was busy on their phone and seemed irritated to be interrupted.",
    employee:
      "I remember the customer. I was on my phone because I was using the stock app on it; our handheld scanner was broken that week. I can see how it looked, and I didn't explain what I was doing.",
    resolution:
      'Wrote back to {customerFirst} to thank them for taking the time, explain what we found and what we are changing. Replaced the broken scanner. Raised the greeting standard at the next team meeting.',
  },
];

/** Texts any case can use, so timelines read like a handler's working notes. */
export const NOTES = {
  acknowledge: [
    "Picked this up. Rang {customerFirst} to say we have it and that I'll come back to them within a day.",
    'Emailed {customerFirst} to confirm we are looking into it and that I am their contact.',
    'Checked that {employeeFirst} is OK before going into the details.',
    'Acknowledged. Asked {employeeFirst} to write down their side while it is still fresh.',
  ],
  investigate: [
    'Heard {employeeFirst} and {customerFirst} separately, let each finish without interrupting, and took notes.',
    'Checked the till log and time stamps to get the order of events right.',
    'The two accounts agree on most of the facts; they differ on how the conversation sounded.',
    'Asked {customerFirst} what a fair outcome would look like. In short: be taken seriously and get it put right.',
    '{employeeFirst} was upset by the exchange. Reminded them they can call a supervisor at any point and that we back them.',
    'Looking at why this happened rather than who did it: the process left {employeeFirst} without a good option.',
  ],
  resolving: [
    'Summarised the problem back to {customerFirst} and we agreed what it is. Talked through two options; waiting for their choice.',
    'The proposed solution is within policy and within my authority.',
    'Agreed the problem with {customerFirst}, then the fix. Thanked them for raising it with us.',
  ],
  backToInvestigating: [
    'New facts came up before we settled it; looking again before agreeing a solution.',
    'The till record does not match the first account; checking again before we decide.',
  ],
  followUpCustomer: [
    'Follow-up call with {customerFirst}: happy with the outcome and glad we called back.',
    'Follow-up answered by {customerFirst}: rated the handling 4 out of 5 and says they will shop with us again.',
    'Left a voicemail for {customerFirst}; they replied by email that everything is sorted.',
    'Follow-up with {customerFirst}: satisfied with the fix, still a little annoyed about how it started.',
  ],
  followUpEmployee: [
    'Checked in with {employeeFirst} a few days later: feels supported and would like to practise de-escalation at the next training.',
    'Spoke with {employeeFirst}: relieved it is settled, no further support needed.',
    '{employeeFirst} asked for a refresher on the returns policy; booked for next week.',
  ],
  close: [
    "Shared at the weekly team meeting as this week's challenging situation, with names left out.",
    'Closing: outcome agreed, both sides followed up, lesson noted for the team.',
    'Closing. The root cause was the process rather than the person; the change is logged with operations.',
  ],
  abuse: [
    'Kept swearing at me after two warnings and threatened to wait for me after closing. I ended the conversation.',
    'Shouted personal insults and would not stop; I told them I would end the call and did.',
  ],
  needsHelp: [
    'Still shaken by how {customerFirst} spoke to me. Could we talk it through?',
    'I would like help with what to say when a customer starts shouting.',
  ],
  surveyHappy: [
    'Thanks for calling back, it is all sorted now.',
    '{employeeFirst} was lovely once it got sorted. Thank you.',
    'Took a while, but you put it right.',
  ],
  surveyUnhappy: ['Still waiting for the money you promised.', 'Nobody called me back as promised, and the problem is still there.'],
  reopen: [
    '{customerFirst} wrote back: the fix did not hold and the same problem is back.',
    'Follow-up answer was unhappy: the promised money has not arrived.',
    'New information: another shopper came forward with a different account of what happened.',
    '{customerFirst} says the replacement has the same fault as the original.',
  ],
  hrReview: [
    'Talked it through with HR: they have read both statements and want no decision until everyone has been heard. Support offered to {employeeFirst}.',
    'HR confirmed this is the first conduct case for {employeeFirst} in twelve months; we agreed on coaching rather than a formal step.',
  ],
  approval: ['Approved {amount} above store authority; fine to go ahead.'],
  escalated: [
    '{customerFirst} called again, angrier, and said they will post a review if this drags on.',
    '{customerFirst} has mentioned going public about this; keeping a close eye on it.',
  ],
} as const;

/** Fixes a party sometimes adds to their first account; statements are never edited. */
export const CORRECTIONS = {
  employee: [
    'A correction to my earlier account: I had the time wrong. The till log shows this happened shortly after four, not around two.',
    'One detail in my first statement was wrong. I did not go to the stockroom; I checked on the counter terminal and then got pulled into another sale.',
    'Correcting my statement: a colleague was on the floor with me at the time. I said I was alone, and that was not right.',
  ],
  customer: [
    'A quick correction to my earlier message: the order number I gave was wrong. The right one is {order}.',
    "I want to correct one thing I said. It wasn't the person at the door who refused me, it was the person at the counter. I don't want the wrong person blamed.",
    'Correction: I said I waited half an hour. Looking at my phone, it was closer to twenty minutes. The rest stands.',
  ],
} as const;
