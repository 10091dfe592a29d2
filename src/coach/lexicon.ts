/**
 * The coach's own phrase lists, written for Defuse from the ideas of the seed articles (let them talk,
 * ask and listen, calm support, focus on the solution, say thank you; the five steps; diffuse first).
 *
 * Each entry is a regular-expression source matched case-insensitively at word boundaries. In the
 * sources a plain space stands for any run of whitespace and a plain apostrophe also matches the
 * typographic one, so the lists stay readable (see patterns.ts). Entries that only mean what they
 * say when not negated ("I'm sorry" vs "I'm not sorry") are checked against the few words before
 * them; entries that carry their own negation ("won't be back") are written out whole.
 */
import type { Emotion, EscalationKind, MoveKind, ProblemKind, WantKind } from '../domain/coach.js';

/** Words that turn the phrase right after them around; checked over the three words before a match. */
export const NEGATORS = String.raw`not|no|never|cannot|without|hardly|neither|nor|nothing|nobody|\w+n't|dont|wont|cant|isnt|arent|wasnt|didnt|doesnt|wouldnt|shouldnt|couldnt|havent|hasnt|aint`;

// ---------------------------------------------------------------------------------------------
// Customer messages
// ---------------------------------------------------------------------------------------------

/** Threats and signs that the conflict may spill beyond this conversation (seed 000: customers spread bad experiences). */
export const ESCALATION: Record<EscalationKind, string[]> = {
  leave: [
    String.raw`(?:take|taking|move|moving) (?:my|our) (?:business|money|custom|account)(?: \w+)? (?:elsewhere|somewhere else|to (?:a|your) competitor)`,
    '(?:cancel|cancelling|canceling|close|closing|terminate|end|ending) (?:my|our|the) (?:account|subscription|membership|contract|plan|service)',
    String.raw`(?:never|won't|will not|not going to|wouldn't) (?:be )?(?:shop|shopping|order|ordering|buy|buying|use|using|come|coming|set foot|fly|flying|stay|staying|eat|eating|deal|dealing|book|booking|recommend)\w*(?: \w+){0,4} (?:again|back)`,
    "(?:won't|will not|never) be (?:back|returning|coming back|ordering again|a customer)",
    "(?:you've|you have|you just) lost (?:a|me as a|my|our) (?:customer|business|custom|loyal customer)",
    '(?:switch|switching|go|going|move|moving) (?:over )?to (?:a |another |your )?(?:competitor|different (?:company|provider|store|shop|bank)|another (?:company|provider|store|shop|bank))',
    '(?:last|final) time (?:I|we) (?:shop|order|buy|use|come|fly|book)',
    'done with (?:you|your (?:company|store|shop|service|brand))',
    'find (?:a|another) (?:new )?(?:provider|supplier|store|company|bank|garage|gym|carrier)',
    '(?:shop|shopping|buy|buying|order|ordering) (?:from|with) (?:someone|somewhere) else',
  ],
  review: [
    String.raw`(?:leave|leaving|write|writing|post|posting|give|giving|left) (?:you )?(?:a |an |my )?(?:honest |bad |terrible |negative |scathing |one[- ]star |1[- ]star |1\* |zero[- ]star )?review`,
    '(?:one|1|zero|0)[- ]star',
    '(?:trustpilot|yelp|tripadvisor|google reviews?|feefo)',
    '(?:tell|telling|warn|warning) (?:everyone|all my friends|my friends|everybody|people|others|other customers|anyone who)',
    String.raw`(?:rate|rating) (?:you|this|your \w+) (?:poorly|badly|accordingly)`,
  ],
  legal: [
    '(?:my |a |the )?(?:lawyer|attorney|solicitor|legal team|legal counsel)s?',
    '(?:sue|suing|sued|lawsuit|legal action|take (?:you|this|the matter) to court|small claims|court)',
    '(?:trading standards|consumer (?:protection|rights|ombudsman|council)|ombudsman|attorney general|better business bureau|BBB|FTC|regulator|financial conduct authority|FCA)',
    '(?:breach of contract|my (?:legal|statutory|consumer) rights|legally (?:entitled|obliged|required))',
    '(?:report|reporting) (?:you|this|your company) to (?:the )?(?:authorities|police|regulator)',
  ],
  media: [
    '(?:the )?(?:press|newspaper|news|journalist|reporter|local paper|tv station|watchdog programme|watchdog show|media)',
    String.raw`(?:social media|twitter|tiktok|facebook|instagram|reddit|linkedin|youtube|X\.com)`,
    '(?:go|goes|going) viral',
    String.raw`(?:post|posting|share|sharing|put|putting|plaster|plastering) (?:this|it|the video|the photos?|the screenshots?|the whole thing|the story|everything)(?: \w+){0,2} (?:online|everywhere|on the internet|publicly)`,
    '(?:make|making) (?:this|it) public',
  ],
  manager: [
    "(?:speak|talk|speaking|talking) (?:to|with) (?:a |your |the |someone'?s? )?(?:manager|supervisor|boss|superior|someone (?:senior|in charge|higher up|more senior)|person in charge|owner|head office|complaints department)",
    '(?:get|put) (?:me )?(?:a |your |the )?(?:manager|supervisor|boss|someone in charge)(?: on the (?:phone|line))?',
    '(?:escalate|escalating|escalated|escalation)',
    "(?:your|the) (?:manager|supervisor|boss|CEO|owner)'s (?:name|details|email|number|contact)",
    '(?:name|details|email|number) of (?:your|the) (?:manager|supervisor|boss|CEO|owner)',
    '(?:contact|contacting|write to|writing to|email|emailing|call|calling) (?:your |the )?(?:head office|CEO|management|corporate|owner)',
    '(?:above|over) (?:your|their) head',
    '(?:complaint|complain) (?:to|with) (?:your )?(?:head office|management|corporate|the CEO)',
    'formal complaint',
  ],
  repeat_contact: [
    String.raw`(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|\w+th|umpteenth|nth) (?:time|call|email|e-mail|message|attempt|visit|complaint|chat)`,
    String.raw`(?:called|rung|rang|phoned|emailed|e-mailed|written|wrote|messaged|chatted|contacted (?:you|your team|support)|been in|visited|tried) (?:\w+ )?(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|countless|numerous|\d+|a dozen|a few|so many) (?:times|times now|emails|calls|messages|occasions)`,
    String.raw`(?:called|emailed|contacted|asked|told) (?:you )?(?:\w+ )?(?:twice|three times|again and again|over and over|repeatedly|every day|every week)`,
    '(?:already|again|still) (?:explained|told|called|asked|emailed|contacted|written|reported|complained|chased|been through this)',
    "(?:yet )?again(?:,)? (?:I'm|I am|I have|I've) (?:having|writing|calling|contacting|chasing)",
    '(?:keep|kept|keeps) (?:having to|being (?:told|passed|transferred|sent|bounced)|getting (?:passed|transferred|bounced|the same))',
    'every (?:time|single time) I (?:call|ring|phone|email|write|ask|chat|come in)',
    '(?:as|like) I (?:said|told|wrote|mentioned|explained) (?:before|previously|last time|earlier|in my last)',
    '(?:previous|earlier|last|my other|several|multiple) (?:emails?|calls?|messages?|complaints?|tickets?|chats?)',
    String.raw`(?:no one|nobody|no-one) (?:has )?(?:ever )?(?:got|gotten|called|rang|replied|responded|came|come|answered|bothered|followed up)(?: \w+){0,2} back`,
    'never (?:heard|got|received) (?:anything )?back',
    String.raw`(?:promised|supposed|said they would|told me (?:someone|they) would) (?:to )?(?:call|ring|phone|email|get back|contact)\w*(?: \w+){0,3} (?:back|me)`,
  ],
};

/** What the customer is asking for, in the words they use for it. */
export const WANTS: Record<WantKind, string[]> = {
  refund: [
    'refund(?:ed|s)?',
    '(?:my|our|the) money back',
    String.raw`(?:reimburse|reimbursed|reimbursement|compensat\w+|credit (?:it )?back|reverse the (?:charge|payment)|chargeback|charge back|pay (?:me )?back|paid back)`,
    '(?:cancel|reverse|void) (?:the|this|that) (?:charge|payment|transaction)',
  ],
  replacement: [
    String.raw`(?:replacement|replace (?:it|them|this|the \w+)|replaced|swap (?:it|them)|exchange (?:it|them|this|for)|an exchange|send (?:me )?(?:another|a new|a replacement|the (?:right|correct)|what I (?:actually )?ordered)|new one|working one|right (?:size|item|one|order)|correct (?:item|one|order|size|colou?r))`,
    '(?:re-?send|re-?deliver|re-?ship)(?:ed|ing)?',
    String.raw`(?:fix|repair|redo|re-do) (?:it|this|the \w+|my \w+)`,
  ],
  apology: [
    '(?:an |a proper |a real |a sincere |an actual |some )?apolog(?:y|ies|ise|ize)',
    '(?:say|said|saying) sorry',
    '(?:owe|owes) (?:me|us) (?:an? )?(?:apology|sorry)',
  ],
  explanation: [
    '(?:an |some |a proper |a clear |a real )?explanation',
    '(?:explain|tell me|let me know|want to know|need to know|like to know|understand) (?:why|how|what (?:happened|went wrong|is going on|the problem is)|where (?:my|the))',
    "why (?:was|were|is|are|did|does|do|has|have|hasn't|haven't|wasn't|didn't|would|on earth|the hell)",
    'what (?:happened|went wrong|is going on|is happening)',
  ],
  callback: [
    '(?:call|ring|phone|contact) (?:me|us)(?: back)?',
    '(?:call|ring)[- ]?back',
    '(?:get|getting) back (?:to|in touch with) (?:me|us)',
    '(?:get|getting) in touch',
    '(?:hear|hearing) (?:back )?from (?:someone|you|a person|somebody)',
    '(?:someone|somebody|a (?:real )?person|a human) (?:to )?(?:call|ring|phone|contact|get back to|reach out to) (?:me|us)',
  ],
  escalation: [
    "(?:speak|talk|speaking|talking) (?:to|with) (?:a |your |the |someone'?s? )?(?:manager|supervisor|boss|superior|someone (?:senior|in charge|higher up|more senior)|person in charge|owner)",
    '(?:get|put|want|need|demand|fetch) (?:me )?(?:a |your |the )?(?:manager|supervisor|boss|someone in charge|someone senior)',
    String.raw`(?:escalate|escalated) (?:this|it|my \w+)`,
    '(?:pass|passed|send|forward|refer) (?:this|it|my complaint) (?:up|on|to (?:your )?(?:manager|management|head office|someone senior))',
    '(?:manager|supervisor) (?:to )?(?:call|contact|ring|get back to) (?:me|us)',
  ],
};

/** Cues for each emotion with a weight; the emotion with the highest total wins (analyze-customer.ts). */
export const EMOTION_CUES: Record<Exclude<Emotion, 'neutral'>, [number, string[]][]> = {
  anger: [
    [
      2,
      [
        String.raw`furious|livid|outraged|outrageous|infuriat\w+|enraged|seething|fuming|appalled|appalling|disgusted|disgusting|disgrace(?:ful)?|unacceptable|unbelievable|inexcusable|shocking|scandalous`,
        'how dare|thanks for nothing|thank you for nothing|what a joke|this is a joke|a total joke|a complete joke|insult(?:ed|ing)?|rip[- ]?off|scam(?:mers?|med)?|con artists|thie(?:f|ves)|crooks|liars?|lied to me|stole|stealing|criminal',
        'absolutely (?:useless|pathetic|ridiculous|awful|terrible|disgraceful)|pathetic|incompetent|incompetence|clowns|idiots?|morons?|useless|worst (?:service|company|experience|store|shop|airline|hotel|customer service)',
        'angry|so mad|really mad|pissed(?: off)?|sick and tired|had it with|had enough|hate (?:this|you|your)|rude(?:ly|ness)?|arrogant|condescending|treated like (?:dirt|garbage|an idiot|a criminal)|spoke to me like|talked down',
      ],
    ],
    [1, ['ridiculous|terrible|awful|horrible|atrocious|garbage|rubbish|trash|nonsense|a disgrace|shameful']],
  ],
  frustration: [
    [
      2,
      [
        String.raw`frustrat\w*|annoy\w*|irritat\w*|exasperat\w*|fed up|sick of|tired of|at my wits'? end|getting nowhere|going (?:round|around) in circles|run[- ]?around|bounced (?:around|between)|pass(?:ed|ing) (?:around|from pillar to post)|waste of (?:my )?time|wasted (?:my|hours|days|a whole)`,
        String.raw`still (?:waiting|not|no|haven't|hasn't|have not|has not|nothing|doesn't|isn't|don't|can't|without)|yet again|once again|again and again|over and over|for the (?:second|third|fourth|fifth|\w+th) time`,
        String.raw`(?:been|kept) (?:waiting|on hold|holding)|on hold for|hours? on (?:the )?(?:phone|hold)|nobody (?:\w+ )?(?:answers|replies|responds|picks up|calls)|no one (?:\w+ )?(?:answers|replies|responds|picks up|calls)|no response|no reply|no answer|no update|ignored|ignoring (?:me|my)`,
        String.raw`how (?:hard|difficult) (?:can it be|is it)|seriously\?|come on|for goodness sake|for god'?s sake|for crying out loud|honestly\?|really\?`,
      ],
    ],
    [
      1,
      [
        String.raw`not happy|not good enough|not okay|not ok|a nightmare|a hassle|hassle|inconvenien\w+|late again|weeks? (?:later|now)|days? (?:later|now)|(?:over|more than) (?:a|an|\w+) (?:hours?|days?|weeks?|months?)|delay(?:ed|s)?`,
      ],
    ],
  ],
  disappointment: [
    [
      2,
      [
        String.raw`disappoint\w*|let down|letdown|let me down|expected (?:better|more)|expect better|used to (?:love|be|trust|recommend|enjoy|like)|not what (?:I|we) (?:expected|paid for|ordered|was promised|were promised)|underwhelm\w*|such a (?:shame|pity)|what a (?:shame|pity)|it's a (?:shame|pity)|saddened|sad to|sadly|a shame|gutted|heartbroken|thought (?:better of|you were better)|loyal customer (?:for|of)|customer for (?:years|\d+ years)`,
        "(?:not|isn't|wasn't) (?:up to|at) (?:the |your )?(?:usual|standard)|not the same|gone downhill|had (?:such )?high hopes|was (?:really )?looking forward|(?:was|were) hoping|had hoped|I hoped",
      ],
    ],
    [1, ['unfortunately|a pity|not impressed|not pleased|not satisfied|dissatisfied|unhappy|sad|shame']],
  ],
  anxiety: [
    [
      2,
      [
        String.raw`worried|worrying|worries|anxious|anxiety|nervous|scared|afraid|frightened|terrified|panick?\w*|stressed|stressful|stressing|freaking out|losing sleep|can't sleep|desperate(?:ly)?|in a panic|on edge|concerned|concerning`,
        'what if|is (?:my|our) (?:money|data|account|card|payment|information|booking|order) (?:safe|secure|ok|okay|lost|gone)|will I (?:still|ever|get|be able|lose|be charged)|am I going to (?:lose|be charged|miss)|in time for|before (?:my|the|our) (?:flight|wedding|funeral|surgery|appointment|trip|exam|deadline|interview|holiday|move)|need (?:it|this|them) (?:by|before|for) (?:tomorrow|tonight|friday|monday|the weekend|my|the)',
        'urgent(?:ly)?|asap|as soon as possible|emergency|time[- ]sensitive|running out of time|deadline',
      ],
    ],
    [
      1,
      [
        String.raw`hope (?:nothing|it's not|this isn't|I haven't)|not sure (?:if|whether) (?:it|my|the|I'll)|fraud\w*|unauthori[sz]ed|suspicious|hacked|medication|medicine|my (?:baby|child|son|daughter|mum|mother|dad|father) (?:needs|is)`,
      ],
    ],
  ],
  confusion: [
    [
      2,
      [
        String.raw`confus\w+|puzzl\w+|baffl\w+|perplex\w+|bewilder\w+|I'm lost|I am lost|(?:don't|do not|doesn't|does not|didn't|can't|cannot) (?:\w+ )?(?:understand|follow|figure out|work out|make sense|see (?:why|how|what|where))|makes no sense|made no sense|no idea (?:how|what|why|where|which|whether)|not (?:sure|clear) (?:how|what|why|where|which|whether|if I)|unclear|mixed messages|contradict\w*`,
        String.raw`what does (?:this|that|it|\w+) mean|what is (?:a|an|the) \w+\?|which (?:one|option|plan|form|button|number|address|account|of these) (?:do|should|is|am)|how (?:do|does|can|should) (?:I|we|one)|where (?:do|can|should) I (?:find|go|get|see|enter|click)|am I supposed to|is it supposed to|supposed to mean|can (?:someone|you|anyone) (?:please )?(?:explain|clarify|help me understand)|could you (?:please )?(?:explain|clarify)`,
      ],
    ],
    [
      1,
      [
        'which is it|but (?:the|your) (?:website|app|email|letter|receipt|page|FAQ) (?:says|said|shows)|says one thing|two different|different answers|I thought',
      ],
    ],
  ],
  gratitude: [
    [
      2,
      [
        "(?:thank you|thanks) (?:so much|very much|a million|a ton|heaps|again|for (?:all|everything|your help|the help|sorting|fixing|going|being|taking|making|getting|helping|your patience|the quick|such|resolving|looking after|the lovely|the great|the fast|the speedy))|many thanks|huge thanks|big thanks|(?:so|really|very|truly|extremely|incredibly) (?:grateful|thankful|appreciative)|grateful|I (?:really |truly |do )?appreciate|much appreciated|really appreciated|can't thank you enough|cannot thank you enough",
        "above and beyond|lifesaver|life saver|saved (?:my|the) day|made my day|you're (?:a star|the best|amazing|brilliant|fantastic|wonderful)|you are (?:a star|the best|amazing|brilliant|fantastic|wonderful)|great (?:job|service|work|experience|help)|excellent (?:service|job|work|help)|fantastic (?:service|job|help)|brilliant (?:service|job|help)|wonderful (?:service|staff|job|help)|kudos|shout[- ]?out|well done|impressed|delighted|thrilled|so helpful|really helpful|very helpful|incredibly helpful|lovely|couldn't be happier|could not be happier|best (?:service|experience|customer service)",
      ],
    ],
    [0.5, ['thank you|thanks|thank u|thx|cheers|ta']],
  ],
};

/** Words that raise a message's heat beyond its sentiment: profanity and intensifiers. */
export const PROFANITY = String.raw`f+u+c+k+\w*|f\*+k?\w*|shit\w*|sh\*t|crap|crappy|bullshit|bs|damn|damned|goddamn\w*|bloody|hell|wtf|ffs|arse|ass|asshole|bastards?|bitch\w*|piss\w*|screw you|screwed`;
export const INTENSIFIERS =
  'very|so|really|extremely|absolutely|completely|totally|utterly|incredibly|seriously|beyond|ridiculously|insanely|truly|deeply|fully|entirely|most|never|ever|every|all|always';

// ---------------------------------------------------------------------------------------------
// Draft replies
// ---------------------------------------------------------------------------------------------

/** Phrases that make a move; question and paraphrase also have rules beyond phrases (analyze-reply.ts). */
export const MOVES: Record<Exclude<MoveKind, 'question'>, string[]> = {
  paraphrase: [
    "so what you're (?:saying|telling me)|what I'm hearing|if I (?:understand|understood|have|'ve got|got|am reading) (?:you |this |that |it |everything )?(?:correctly|right)|if I've understood|let me (?:make sure|check) I (?:understand|have|'ve got|got)|let me (?:repeat|recap|summari[sz]e|play) (?:that|this|back|what)|to (?:recap|summari[sz]e|sum up)|just to (?:confirm|check|be clear|make sure)|so to (?:confirm|be clear)",
    "(?:it|this) sounds like (?:you|your|the)|from what you (?:describe|described|say|said|wrote|mentioned|'ve said|'ve told me|'ve described)|you (?:mentioned|said|told me|explained|described|wrote) (?:that|you|your|the)|you're telling me|you were (?:told|promised|expecting|expected|charged|left|sent|given|kept)|you've been (?:waiting|charged|told|promised|left|kept|trying|passed)|you (?:ordered|paid|received|bought|booked|called|waited|spoke|asked)",
    '(?:so|okay|ok|right),? (?:you|your)',
    "(?:I see|I can see|I've noted|I have noted|I note) (?:that )?(?:you|your|the (?:order|item|refund|parcel|delivery|booking|charge))",
  ],
  empathy: [
    "(?:I|we) (?:completely |totally |fully |really |can |do )?(?:understand|get|see) (?:how|why|that|your|what)|I can (?:only )?imagine|I can see (?:why|how)|I hear you|I'd be (?:upset|frustrated|annoyed|angry|worried|disappointed|confused) too|I would (?:be|feel) (?:the same|upset|frustrated|annoyed|worried)|anyone would (?:be|feel)|(?:completely|totally|perfectly|very) understandable|(?:that's|that is|it's|it is) (?:completely |totally |perfectly )?understandable|you have every right|you're right to|you are right to|of course you're (?:upset|frustrated|annoyed|worried|angry)|no wonder you",
    "(?:that|this|it) (?:must|must've|must have|would|will|sounds|does sound) (?:been |be |have been )?(?:really |so |very |incredibly |hugely |deeply |extremely )?(?:frustrating|stressful|annoying|upsetting|worrying|disappointing|awful|horrible|difficult|hard|maddening|confusing|exhausting|infuriating|inconvenient|unpleasant|a (?:nightmare|worry|hassle|pain)|terrible)",
    "sorry to hear|(?:that's|that is|this is) not (?:the experience|what) (?:we|you)|no one should have to|nobody should have to|(?:that's|that is) not okay|(?:that's|that is) not good enough|you (?:shouldn't|should not) have (?:had )?to|I know how (?:frustrating|stressful|annoying|upsetting|worrying|important|much)|I appreciate how (?:frustrating|stressful|annoying|upsetting|worrying|important)|I'm sure (?:that|it) (?:was|has been)",
  ],
  apology: [
    String.raw`(?:I'm|I am|we're|we are|I'm so|I am so|I'm really|I am really|I'm very|we're very|I'm truly|we're truly)?\s*sorry(?! to hear| you feel that way| if you feel| but)|(?:I|we) (?:sincerely |truly |really |do )?apologi[sz]e|(?:my|our|sincere|sincerest|deepest|humble) apolog(?:y|ies)|apologies|(?:we|I) (?:messed|screwed) up|(?:that|this|it) (?:was|is) (?:our|my) (?:mistake|fault|error)|(?:that's|that is) on (?:us|me)|(?:we|I) (?:got|made) (?:this|it|that) wrong|(?:we|I) dropped the ball|(?:we|I) let you down|I regret|(?:we|I) should have`,
  ],
  reassurance: [
    "(?:don't|do not) (?:worry|panic|be alarmed)|no need to worry|rest assured|(?:you're|you are) in good hands|you (?:won't|will not) (?:be charged|lose|need to|have to|be left|be out of pocket|pay)|(?:I'll|I will|we'll|we will) (?:make sure|ensure|see to it)|(?:I'll|I will) personally|(?:I'm|I am) (?:on it|on the case|here to help|going to (?:sort|fix|get) (?:this|it))|(?:we'll|we will|I'll|I will|let's) (?:get (?:this|it|you) (?:sorted|fixed|resolved|back on track)|sort (?:this|it) out|fix (?:this|it)|put (?:this|it) right|make (?:this|it) right|find a (?:way|solution))",
    String.raw`(?:this|it) (?:is|can be|will be) (?:easily )?(?:fixed|sorted|resolved|put right)|(?:your|the) (?:money|account|data|card|booking|order|details|payment) (?:is|are) (?:safe|secure|protected|fine)|nothing (?:has been|is|was) lost|(?:you|your \w+) (?:is|are) (?:covered|protected|safe)|I promise|you have my word|I (?:won't|will not) (?:let this|stop until)|(?:we|I) (?:can|will) (?:definitely|absolutely|certainly) (?:help|sort|fix)|(?:I'm|I am) confident|you're not alone`,
  ],
  solution: [
    "(?:I've|I have|we've|we have|I|we) (?:just |now |already )?(?:issued|processed|refunded|credited|arranged|booked|reserved|sent|dispatched|reset|unlocked|cancelled|canceled|waived|removed|reversed|reordered|re-?sent|upgraded|applied|added|corrected|fixed|replaced|reinstated|restored|rescheduled|approved|put through)",
    "(?:I|we) (?:can|could|will|'ll|would like to|'d like to|am able to|are able to|'m able to|'re able to|am going to|are going to|'m going to|'re going to) (?:offer|refund|replace|send|give|credit|waive|arrange|book|reschedule|upgrade|cover|reimburse|swap|exchange|deliver|repair|fix|reset|cancel|issue|process|reverse|remove|match|honou?r|extend|hold|reserve|collect|pick up|courier|expedite|prioriti[sz]e|ship)",
    String.raw`(?:full|partial|immediate) refund|(?:store|account) credit|(?:a |free )?(?:voucher|gift card|discount|goodwill (?:gesture|credit|payment)|complimentary \w+)|free of charge|at no (?:extra )?cost|(?:replacement|new one) (?:is|has been|will be) (?:on its way|sent|dispatched|shipped)|(?:here's|here is) what (?:I|we) can do|(?:two|a few|some|three) options|(?:you can|you could) (?:either|choose|pick)|(?:the|your) (?:refund|replacement|credit) (?:is|has been|will be)|(?:a|the) (?:courier|driver|technician|engineer) (?:will|can) (?:collect|come|visit|call)|return label`,
  ],
  commitment: [
    "(?:I'll|I will|I'm going to|I am going to|we'll|we will|we're going to|we are going to|I shall|I'd be happy to|I can) (?:personally )?(?:call|ring|phone|email|e-mail|message|text|update|contact|follow up|get back|come back|check back|check in|let you know|send you|confirm|chase|keep you (?:posted|updated|informed)|be in touch|reach out|write)",
    String.raw`(?:you'll|you will|you should) (?:hear (?:back )?from|get (?:a call|an email|an update|a reply|confirmation)|receive (?:a call|an email|an update|confirmation|a reply|the|your)|have (?:it|them|your \w+|an update|a reply|an answer))`,
    '(?:someone|a (?:manager|supervisor|colleague|specialist|technician|member of (?:the|our) team)|my (?:manager|supervisor|colleague)) will (?:call|ring|contact|email|get back to|be in touch with|visit|reach out to) you',
    String.raw`(?:expect|expect to hear|expect an update|expect a call|expect it)(?: \w+){0,3} (?:by|within|before|on|tomorrow|today|tonight|this)`,
  ],
  thanks: [
    "(?:thank you|thanks|thank u|many thanks|cheers)(?! for nothing)|(?:I|we) (?:really |truly |do |very much |greatly )?appreciate (?:you|your|it|this|that|the)|much appreciated|(?:I'm|I am|we're|we are) (?:so |very |really )?grateful",
  ],
};

/** Phrases that hurt a reply; jargon and shouting are found by other rules (patterns.ts, analyze-reply.ts). */
export const PROBLEMS: Record<Exclude<ProblemKind, 'jargon' | 'long_sentence' | 'shouting'>, string[]> = {
  blame: [
    "(?:it's|it is|it was|that's|that is|that was) (?:entirely |all |really |completely )?(?:your|ur) (?:own )?(?:fault|responsibility|problem|mistake|doing)",
    "you (?:should|shoulda|should've|ought to|could|could've|would|would've) (?:have )?(?:read|checked|known|called|asked|noticed|measured|been|ordered|looked|paid|come|kept|told|double-checked|contacted|followed)",
    String.raw`you (?:didn't|did not|failed to|forgot to|neglected to|never|clearly didn't|obviously didn't|must have|must've|probably|obviously|clearly) (?:read|check|fill|follow|enter|provide|give|tell|say|mention|look|notice|pay|select|choose|measure|call|understand|keep|put|type|click|update|open|send|bring|sign)\w*`,
    String.raw`(?:if you had|had you) (?:\w+ )?(?:read|checked|called|followed|looked|listened|paid|told|measured|contacted)`,
    '(?:you|your) (?:made|entered|chose|picked|typed|gave|put|selected|used) (?:a|an|the) (?:wrong|incorrect|bad|invalid)',
    "(?:that's|it's|this is|that is|it is|this was|that was) (?:not |no )(?:our|my) (?:fault|problem|responsibility|doing|mistake)",
    "(?:the|our|my) (?:courier|driver|warehouse|supplier|other (?:shift|team|guy|girl|colleague)|night shift|previous agent|colleague|manufacturer|system|new guy|new girl|trainee)(?:'s)? (?:messed|screwed|mixed|cocked) (?:up|it up)|(?:blame|blaming) (?:the|our|my|your)",
    '(?:as|like) (?:it )?(?:clearly )?(?:says|stated|states|explained|mentioned) (?:on|in) (?:the|our) (?:website|terms|policy|email|confirmation|listing|FAQ)',
  ],
  dismissive: [
    String.raw`calm down|settle down|relax|chill(?: out)?|take a (?:deep )?breath|(?:there's|there is) no need to (?:shout|get upset|get angry|be rude|yell|raise your voice|make a fuss|get worked up)|you're (?:overreacting|being (?:dramatic|unreasonable|ridiculous|silly|difficult|rude))|you are (?:overreacting|being (?:dramatic|unreasonable|ridiculous|silly|difficult|rude))|stop (?:shouting|yelling|complaining|being)|(?:it's|it is|that's|that is|this is) (?:not|hardly|no) (?:a |such a )?(?:big deal|huge deal|end of the world|a tragedy)|(?:it's|it is) (?:only|just) (?:a|an|one|\d+|a few)`,
    "(?:as|like) I (?:already |just )?(?:said|told you|explained|mentioned)|I've already (?:told|explained)|I already told you|whatever|it is what it is|(?:that's|that is) (?:just )?(?:how|the way) (?:it is|it works|things are)|take it or leave it|(?:I|we) (?:don't|do not) know what (?:else )?you want|(?:nothing|not) (?:to )?(?:worry|complain) about|(?:these things|stuff|it|this|that|mistakes) happens?(?: sometimes| all the time| from time to time| to everyone)|these things happen|(?:you'll|you will) (?:just )?have to (?:wait|accept|live with|deal with)|(?:deal|live) with it|not (?:my|our) (?:concern|issue)|if you (?:had )?(?:bothered|cared) to|no offen[cs]e,? but|with all due respect|I'm not going to argue|I won't argue|(?:honestly|frankly),? (?:I|we) (?:don't|do not) (?:care|see the problem)",
  ],
  deflection: [
    "(?:not|isn't|is not) (?:my|our) (?:department|job|area|team|responsibility|remit|call|decision|problem|issue|concern)|(?:nothing|not much|nothing more|nothing else) (?:I|we) can do|(?:I|we) (?:can't|cannot|can not|am not able to|'m not able to|are not able to|'re not able to|am unable to|are unable to|'m unable to|'re unable to) (?:help|do anything|do much|assist) (?:you )?(?:with (?:that|this)|there|further)?|(?:out of|outside) (?:my|our) (?:hands|control|remit)|above my pay ?grade|I just work here|(?:that's|that is|it's|it is) (?:company |store )?policy|(?:the|our) (?:policy|system|rules) (?:won't|will not|doesn't|does not) (?:let|allow)|(?:I|we) don't make the rules",
    "you(?:'ll| will| need to| have to| must| should) (?:need to |have to )?(?:call|contact|ring|email|speak to|talk to|take (?:it|this|that) up with|go to|write to|complain to) (?:the |our |your )?(?:manufacturer|courier|bank|head office|another department|customer service|the other (?:store|branch|team|department)|someone else|a different (?:team|department)|them|the (?:carrier|supplier|seller|vendor|brand))|(?:try|ask|contact) (?:someone|somebody) else|(?:that's|that is|that'd be|that would be) (?:a question )?for (?:another|a different|the other) (?:department|team|store)|(?:I|we) (?:don't|do not) (?:deal|handle) (?:with )?(?:that|those|refunds|complaints|billing)|(?:I|we) (?:can't|cannot) (?:see|access) (?:that|your|those)|(?:I'm|I am) (?:just|only) (?:the |a )?(?:cashier|agent|temp|assistant|messenger)",
  ],
};

/** Built-in support-desk jargon a customer should not have to decode (seed 003: communicate clearly, without jargon). */
export const JARGON = [
  'RMA',
  'SKU',
  'SLA',
  'TAT',
  'ETA',
  'POS',
  'CRM',
  'KB',
  'L1',
  'L2',
  'L3',
  'T1',
  'T2',
  'tier 1',
  'tier 2',
  'tier 3',
  'ticket ID',
  'ticket number',
  'case ID',
  'escalation ticket',
  'backend',
  'back end',
  'back-end',
  'the system shows',
  'sync issue',
  'fulfil(?:l)?ment (?:centre|center)',
  'fulfil(?:l)?ment',
  'chargeback',
  'backorder(?:ed)?',
  'dispatch queue',
  'carrier scan',
  'per (?:our|the) ToS',
  'ToS',
  'T&Cs',
  'as per',
  'pursuant to',
  'hereby',
  'aforementioned',
  'aforesaid',
  'notwithstanding',
  'heretofore',
  'please be advised',
  'kindly be advised',
  'kindly note',
  'be informed that',
  'at this juncture',
  'provisioning',
  'reprovision(?:ed|ing)?',
  'workflow',
  'auth(?:ori[sz]ation)? hold',
  'pre-?auth(?:ori[sz]ation)?',
  'MID',
  'PO number',
  'ASN',
  'QA',
  'root cause',
  'ticket has been (?:actioned|escalated|triaged)',
  'actioned',
  'triaged?',
  'bandwidth',
];

/** Upper-case words that are names or abbreviations, not shouting. */
export const ACRONYMS = new Set([
  'I',
  'OK',
  'ID',
  'TV',
  'PC',
  'UK',
  'US',
  'USA',
  'EU',
  'UPS',
  'DHL',
  'DPD',
  'USPS',
  'FEDEX',
  'ASAP',
  'FAQ',
  'PIN',
  'PDF',
  'URL',
  'SMS',
  'ETA',
  'RMA',
  'SKU',
  'SLA',
  'CEO',
  'VIP',
  'FYI',
  'GPS',
  'ATM',
  'VAT',
  'GBP',
  'USD',
  'EUR',
  'AM',
  'PM',
  'NHS',
  'BBB',
  'FTC',
  'FCA',
  'IT',
  'HR',
  'IKEA',
  'BMW',
  'WIFI',
  'TAT',
  'CRM',
  'POS',
  'KB',
  'QA',
  'MID',
  'ASN',
  'PO',
  'ToS',
  'T&C',
  'T&CS',
  'WTF',
  'FFS',
  'LOL',
  'OMG',
  'NYC',
  'LA',
  'BBC',
  'CNN',
  'AC',
  'DVD',
  'USB',
  'SIM',
  'APP',
]);

/** Question openers: a wh-word or an invitation to tell more makes an open question (seed 002: ask and listen). */
export const OPEN_QUESTION = String.raw`^(?:(?:so|and|but|okay|ok|right|also|then|now|first|firstly|please|just|sorry),? )*(?:what|how|why|when|where|which|who|whose|whom|in what way|tell me|walk me through|could you (?:tell|describe|explain|walk|share|let me know|say|give me)|can you (?:tell|describe|explain|walk|share|let me know|say)|would you (?:tell|describe|explain|walk|share|mind (?:telling|describing|explaining|sharing)))\b`;
