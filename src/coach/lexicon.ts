/**
 * The coach's own phrase lists, written for Defuse from the ideas behind the built-in playbooks (let
 * them talk, ask and listen, calm support, focus on the solution, say thank you; the five steps;
 * diffuse first).
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

/** Threats and signs that the conflict may spill beyond this conversation (an unhappy customer tells others). */
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
    String.raw`(?:(?:not|never|won't|will not|forget about) (?:be )?(?:see|seeing) me)\b[^.!?]{0,40}\b(?:again|back)`,
    'never again',
    '(?:buy|get|order) it (?:from|at) (?:the place|somewhere|another|a different|the shop|the store) ',
    String.raw`(?:moving|move|switch|switching|take|taking) (?:my|our) \w+ (?:to|over to) (?:another|a different|a new)`,
    'consider this my notice',
    'find (?:a|another) (?:new )?(?:provider|supplier|store|company|bank|garage|gym|carrier)',
    '(?:shop|shopping|buy|buying|order|ordering) (?:from|with) (?:someone|somewhere) else',
  ],
  review: [
    String.raw`(?:leave|leaving|write|writing|post|posting|give|giving|left) (?:you )?(?:a |an |my )?(?:honest |bad |terrible |negative |scathing |one[- ]star |1[- ]star |1\* |zero[- ]star )?review`,
    '(?:one|1|zero|0)[- ]star',
    '(?:will|is going to|are going to|shall) hear about (?:this|it)',
    '(?:my|an honest|a very honest|a) (?:review|write-up)',
    '(?:trustpilot|yelp|tripadvisor|google reviews?|feefo)',
    '(?:tell|telling|warn|warning) (?:everyone|all my friends|my friends|everybody|people|others|other customers|anyone who)',
    String.raw`(?:rate|rating) (?:you|this|your \w+) (?:poorly|badly|accordingly)`,
  ],
  legal: [
    '(?:my |a |the )?(?:lawyer|attorney|solicitor|legal team|legal counsel)s?',
    '(?:sue|suing|sued|lawsuit|legal action|take (?:you|this|the matter) to court|small claims|court)',
    '(?:trading standards|consumer (?:protection|rights|ombudsman|council)|ombudsman|attorney general|better business bureau|BBB|FTC|regulator|financial conduct authority|FCA)',
    '(?:breach of contract|my (?:legal|statutory|consumer) rights|legally (?:entitled|obliged|required)|consumer law|under the law|entitled to (?:my money|a refund|compensation))',
    '(?:report|reporting) (?:you|this|your company) to (?:the )?(?:authorities|police|regulator)',
  ],
  media: [
    '(?:journalist|reporter|newspaper|local paper|tv station|watchdog programme|watchdog show|consumer show)s?',
    '(?:go|going|went|talk|talking|speak|speaking|contact|contacting|tell|telling|ring|ringing|call|calling|email|emailing|write to|writing to) (?:to )?(?:the )?(?:press|papers|newspapers?|media|news)',
    String.raw`(?:post|posting|posted|put|putting|share|sharing|write|writing|plaster|plastering|expose|exposing|tweet|tweeting)\b[^.!?]{0,50}\b(?:social media|twitter|tiktok|facebook|instagram|reddit|linkedin|youtube|online|on the internet|publicly)`,
    '(?:social media|twitter|tiktok|facebook|instagram|reddit|youtube) (?:will|is going to|would|needs to) (?:hear|know|see)',
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
    '(?:put|transfer|pass) me (?:through |over )?to (?:your|a|the) (?:manager|supervisor|boss)',
    '(?:line manager|area manager|store manager|someone (?:more )?senior|somebody (?:more )?senior|head office|higher up|someone who can (?:actually )?make (?:a|the) decision|who do I (?:speak|talk|complain) to)',
    '(?:be|get|getting|gets) escalated',
  ],
  repeat_contact: [
    String.raw`(?:two|three|four|five|six|several|multiple|\d+) (?:chats|calls|emails|messages|visits|phone calls|different (?:people|agents|answers))`,
    String.raw`(?:wrong|broken|late|missing|same|faulty)\b[^.!?]{0,30}\bagain|^again\b|same (?:problem|issue|fault|excuses?) (?:as|again)|in a row|twice now`,
    String.raw`(?:explained|told|described) (?:this|it) to (?:\w+ )?(?:different )?(?:people|agents|staff|times)`,
    '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday) and (?:again|then)|each time|every time|still waiting to hear|heard nothing(?: back)?|that was (?:last week|days ago|a week ago|yesterday)',
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
    "(?:where is|where's) my money|(?:give|pay|send) (?:it|the money|that|them) back|back (?:in|into|on) my (?:account|card)|(?:dispute|chargeback) with my (?:bank|credit card|card)|deposit back|(?:refund|waive|remove) (?:the|this|that) (?:fee|charge)",
    String.raw`(?:reimburse|reimbursed|reimbursement|compensat\w+|credit (?:it )?back|reverse the (?:charge|payment)|chargeback|charge back|pay (?:me )?back|paid back)`,
    '(?:cancel|reverse|void) (?:the|this|that) (?:charge|payment|transaction)',
  ],
  replacement: [
    String.raw`(?:replacement|replace (?:it|them|this|the \w+)|replaced|swap (?:it|them)|exchange (?:it|them|this|for)|an exchange|send (?:me )?(?:another|a new|a replacement|the (?:right|correct)|what I (?:actually )?ordered)|new one|working one|right (?:size|item|one|order)|correct (?:item|one|order|size|colou?r))`,
    '(?:re-?send|re-?deliver|re-?ship)(?:ed|ing)?',
    String.raw`(?:fix|repair|redo|re-do) (?:it|this|the \w+|my \w+)`,
    String.raw`(?:send|get) (?:me )?(?:the )?missing (?:ones?|items?|parts?|pieces?)|I'd like mine|remade|re-?made|redone|exchange (?:these|those)|working (?:unit|one|model)|repaired|rather have the (?:item|product|one|goods)|(?:want|need|get) (?:the|it|this|my) \w+ (?:fixed|repaired|replaced)|(?:still )?(?:haven't|not) (?:received|got) the replacement`,
  ],
  apology: [
    String.raw`(?:an|a|some|the|my|proper|real|sincere|formal|written|personal|public|no) (?:\w+ )?apology`,
    '(?:should|must|to|needs? to|ought to|will|better) (?:\\w+ )?apologi[sz]e',
    '(?:say|said|saying) sorry',
    '(?:owe|owes) (?:me|us) (?:an? )?(?:apology|sorry)',
  ],
  explanation: [
    '(?:an |some |a proper |a clear |a real )?explanation',
    '(?:explain|tell me|let me know|want to know|need to know|like to know|understand) (?:why|how|what (?:happened|went wrong|is going on|the problem is)|where (?:my|the))',
    "why (?:was|were|is|are|did|does|do|has|have|hasn't|haven't|wasn't|didn't|would|on earth|the hell)",
    String.raw`what (?:happened|went wrong|is going on|is happening|happens now)\?|what on earth|what does (?:that|this|it) mean|which is it|is anyone (?:actually )?coming|(?:understand|know) where (?:it|the money|my money) went|(?:can|could) (?:someone|somebody|you) explain|what's going on`,
  ],
  callback: [
    '(?:call|ring|phone|contact) (?:me|us)(?: back)?',
    '(?:call|ring)[- ]?back',
    '(?:get|getting) back (?:to|in touch with) (?:me|us)',
    '(?:hear|hearing) (?:back )?from (?:someone|you|a person|somebody)',
    '(?:hear|heard) back|(?:a|get a|have a) call (?:from|back)',
    '(?:someone|somebody|a (?:real )?person|a human) (?:to )?(?:call|ring|phone|contact|get back to|reach out to) (?:me|us)',
  ],
  escalation: [
    "(?:speak|talk|speaking|talking) (?:to|with) (?:a |your |the |someone'?s? )?(?:manager|supervisor|boss|superior|someone (?:senior|in charge|higher up|more senior)|person in charge|owner)",
    '(?:get|put|want|need|demand|fetch) (?:me )?(?:a |your |the )?(?:manager|supervisor|boss|someone in charge|someone senior)',
    String.raw`(?:escalate|escalated) (?:this|it|my \w+)`,
    '(?:pass|passed|send|forward|refer) (?:this|it|my complaint) (?:up|on|to (?:your )?(?:manager|management|head office|someone senior))',
    '(?:manager|supervisor) (?:to )?(?:call|contact|ring|get back to) (?:me|us)',
    '(?:put|transfer|pass) me (?:through |over )?to (?:your|a|the) (?:manager|supervisor|boss)',
    '(?:line manager|someone (?:more )?senior|somebody (?:more )?senior|someone who can (?:actually )?make (?:a|the) decision|talk to a human|(?:go|goes|sent|send) to head office|be escalated|who do I (?:speak|talk|complain) to|passed to the (?:store |area )?manager)',
  ],
};

/** Cues for each emotion with a weight; the emotion with the highest total wins (analyze-customer.ts). */
export const EMOTION_CUES: Record<Exclude<Emotion, 'neutral'>, [number, string[]][]> = {
  anger: [
    [
      3,
      [
        'never been (?:treated|spoken to|talked to|spoken to like that|treated like that)|treated so badly|how dare|disgusted|disgusting|furious|livid',
      ],
    ],
    [
      2,
      [
        String.raw`furious|livid|outraged|outrageous|infuriat\w+|enraged|seething|fuming|appalled|appalling|disgusted|disgusting|disgrace(?:ful)?|unacceptable|unbelievable|inexcusable|shocking|scandalous`,
        'how dare|thanks for nothing|thank you for nothing|what a joke|this is a joke|a total joke|a complete joke|insult(?:ed|ing)?|rip[- ]?off|scam(?:mers?|med)?|con artists|thie(?:f|ves)|crooks|liars?|lied to me|stole|stealing|criminal',
        'absolutely (?:useless|pathetic|ridiculous|awful|terrible|disgraceful)|pathetic|incompetent|incompetence|clowns|idiots?|morons?|useless|worst (?:service|company|experience|store|shop|airline|hotel|customer service)',
        String.raw`(?:is|are|you're|you are|what) (?:a |an |such a |an absolute )?joke|lying|liars|humiliat\w+|patronis\w+|patroniz\w+|rage|gobsmacked|swore at|laughed at (?:me|my|us)|rolled (?:her|his|their) eyes|treated (?:so |this |that )?badly|never been (?:spoken|treated|talked) to like|not stupid|owes? me|I deserve|shut up`,
        'angry|so mad|really mad|pissed(?: off)?|sick and tired|had it with|had enough|hate (?:this|you|your)|rude(?:ly|ness)?|arrogant|condescending|treated like (?:dirt|garbage|an idiot|a criminal)|spoke to me like|talked down',
      ],
    ],
    [
      1,
      ['what on earth|what the hell|\\?!|ridiculous|terrible|awful|horrible|atrocious|garbage|rubbish|trash|nonsense|a disgrace|shameful'],
    ],
  ],
  frustration: [
    [
      2,
      [
        String.raw`frustrat\w*|annoy\w*|irritat\w*|exasperat\w*|fed up|sick of|tired of|at my wits'? end|getting nowhere|going (?:round|around) in circles|run[- ]?around|bounced (?:around|between)|pass(?:ed|ing) (?:around|from pillar to post)|waste of (?:my )?time|wasted (?:my|hours|days|a whole)`,
        String.raw`still (?:waiting|not|no|haven't|hasn't|have not|has not|nothing|doesn't|isn't|don't|can't|without)|yet again|once again|again and again|over and over|for the (?:second|third|fourth|fifth|\w+th) time`,
        String.raw`(?:been|kept) (?:waiting|on hold|holding)|on hold for|hours? on (?:the )?(?:phone|hold)|nobody (?:\w+ )?(?:answers|replies|responds|picks up|calls)|no one (?:\w+ )?(?:answers|replies|responds|picks up|calls)|no response|no reply|no answer|no update|ignored|ignoring (?:me|my)`,
        String.raw`(?:ugh+|argh+|smh|sigh)|hello\?+|anyone there|end of my tether|can't believe I (?:have|had) to|chas(?:e|ing) (?:you|this|it|them)|tiresome|tedious|why is it so (?:hard|difficult)|straight answer|not great|isn't ok|(?:oh|just) (?:great|brilliant|perfect|wonderful|fantastic|lovely)|brilliant, just brilliant|almost impressed|another (?:week|day|month|weekend) without|give up|a human(?:,)? not a bot|going on (?:too|so) long|same (?:problem|excuses?|(?:doesn't|does not|didn't|did not) (?:actually )?answer|a mess|issue|fault|story|result)|losing (?:my )?patience|more than patient|costing me|twice now`,
        String.raw`how (?:hard|difficult) (?:can it be|is it)|seriously\?|come on|for goodness sake|for god'?s sake|for crying out loud|honestly\?|really\?`,
      ],
    ],
    [
      1,
      [
        String.raw`not happy|not good enough|not okay|not ok|a nightmare|a hassle|hassle|inconvenien\w+|late again|weeks? (?:later|now)|days? (?:later|now)|(?:over|more than) (?:a|an|\w+) (?:hours?|days?|weeks?|months?)|delay(?:ed|s)?|excuses?|(?:never|didn't|did not|hasn't|has not|haven't|have not) (?:arrived|turned up|shown up|come|show|showed up|happened|been (?:fixed|sorted|resolved|refunded))|nobody (?:came|called|rang|turned up|replied|did)|no one (?:came|called|rang|turned up|replied|did)|(?:it's|it has|it's been|that was) (?:been )?(?:\d+|two|three|four|five|six|several) (?:days|weeks|months)|last week|without (?:any )?(?:warning|notice)|just left|wrong (?:again|size|colou?r|item|order|one|model)|again`,
      ],
    ],
  ],
  disappointment: [
    [
      2,
      [
        String.raw`disappoint\w*|let down|letdown|let me down|expect(?:ed)? (?:so much |much |a lot |far |a bit )?(?:better|more)|used to (?:love|be|trust|recommend|enjoy|like)|not what (?:I|we) (?:expected|paid for|ordered|was promised|were promised)|underwhelm\w*|such a (?:shame|pity)|what a (?:shame|pity)|it's a (?:shame|pity)|saddened|sad to|sadly|a shame|gutted|heartbroken|thought (?:better of|you were better)|loyal customer (?:for|of)|customer for (?:years|\d+ years)`,
        "(?:not|isn't|wasn't) (?:up to|at) (?:the |your )?(?:usual|standard)|not the same|gone downhill|had (?:such )?high hopes|was (?:really )?looking forward|(?:was|were) hoping|had hoped|I hoped|(?:a little|a bit|quite|really|so|very) hurt|heart sank|taken the shine off|ruined|special (?:day|occasion|evening|night)|nothing like the|looking forward to|go a long way",
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
        String.raw`urgent(?:ly)?|emergency|time[- ]sensitive|running out of time|deadline|worried sick|please help|help!|(?:really |desperately )?(?:need|needs) (?:that|the|this|it|them) (?:money|by|before|today|tonight|tomorrow)|last (?:tablet|pill|dose)|newborn|freezing|counting on|can't afford|is (?:my|our|the) \w+ safe|what happens (?:to|if)|wasn't me|not me|(?:card|account) (?:has been |was )?(?:used|hacked|swallowed|declined|blocked|frozen)`,
      ],
    ],
    [
      1,
      [
        String.raw`asap|as soon as possible|important|(?:in|within) (?:two|2|three|3|a few) hours|wedding|party|rent|hope (?:nothing|it's not|this isn't|I haven't)|not sure (?:if|whether) (?:it|my|the|I'll)|fraud\w*|unauthori[sz]ed|suspicious|hacked|medication|medicine|my (?:baby|child|son|daughter|mum|mother|dad|father) (?:needs|is)`,
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
        String.raw`which of these|before or after|different (?:from|to) the|or not\?|is (?:that|this) a setting|no clue|lost with|not sure (?:whether|if|which|how)|silly question|there(?:'s| is) no \w+ button|which one|which is it`,
        'but (?:the|your) (?:website|app|email|letter|receipt|page|FAQ) (?:says|said|shows)|says one thing|two different|different answers|I thought',
      ],
    ],
  ],
  gratitude: [
    [
      2,
      [
        "(?:thank you|thanks|thx|thank u|thank) (?:so much|for the help|for your help|the team|very much|a million|a ton|heaps|again|for (?:all|everything|your help|the help|sorting|fixing|going|being|taking|making|getting|helping|your patience|the quick|such|resolving|looking after|the lovely|the great|the fast|the speedy))|many thanks|huge thanks|big thanks|(?:so|really|very|truly|extremely|incredibly) (?:grateful|thankful|appreciative)|grateful|I (?:really |truly |do )?appreciate|much appreciated|really appreciated|can't thank you enough|cannot thank you enough",
        "above and beyond|lifesaver|life saver|saved (?:my|the) day|made my day|you're (?:a star|the best|amazing|brilliant|fantastic|wonderful)|you are (?:a star|the best|amazing|brilliant|fantastic|wonderful)|great (?:job|service|work|experience|help)|excellent (?:service|job|work|help)|fantastic (?:service|job|help)|brilliant (?:service|job|help)|wonderful (?:service|staff|job|help)|kudos|shout[- ]?out|well done|impressed|delighted|thrilled|so helpful|really helpful|very helpful|incredibly helpful|lovely|couldn't be happier|could not be happier|best (?:service|experience|customer service)|superb|helpful|went (?:out of (?:her|his|their|your) way|the extra mile)|deserves? (?:a raise|a medal|praise|recognition)|(?:five|5) stars|been great|couldn't have asked for more|fantastic|compliment|polite|patient and kind|to thank|want(?:ed)? to thank|amazing|(?:very|so|really|incredibly) kind|thank (?:her|him|them)|massive thanks|keep it up|big improvement|couldn't do enough|friendly|no complaints|appreciate you|pass on my thanks",
      ],
    ],
    [0.5, ['thank you|thanks|thank u|thx|cheers|ta']],
  ],
};

/** Words that raise a message's heat beyond its sentiment: profanity and intensifiers. */
export const PROFANITY = String.raw`f+u+c+k+\w*|f\*+k?\w*|shit\w*|sh\*t|bullshit|bs|goddamn\w*|wtf|ffs|asshole|bastards?|bitch\w*|piss(?:ed)? off|screw you`;
/** Swearing that is as often casual as angry ("damn, that was quick"): it adds heat, not a verdict. */
export const MILD_PROFANITY = 'crap|crappy|damn|damned|bloody|hell|arse|ass|screwed|pissed';
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
    String.raw`sounds like (?:a|an) (?:miserable|horrible|awful|rough|stressful|tough|difficult|long|frustrating|nightmare)|what a (?:horrible|awful|miserable|rotten|rough|frustrating|stressful|terrible)|I'd feel (?:exactly )?the same|it sounds like (?:this|you|it) (?:has|have|'ve|'s) been (?:a )?(?:really |very )?(?:difficult|hard|tough|rough|stressful|frustrating)|I (?:can )?hear (?:how|that|you're|you are)|(?:that's|that is|this is) far too long|that isn't right|I know (?:it's|it has been|that's|you've been|how)|(?:I )?(?:totally |completely )?get it|I appreciate (?:that|how) (?:this|it)|I understand(?: (?:this|it|that|you)\b)?|that sucks|that's rubbish|sorry you feel (?!that way)|(?:that's|that is) (?:really |just )?not (?:good enough|okay|ok|right)`,
    "sorry to hear|(?:that's|that is|this is) not (?:the experience|what) (?:we|you)|no one should have to|nobody should have to|(?:that's|that is) not okay|(?:that's|that is) not good enough|you (?:shouldn't|should not) have (?:had )?to|I know how (?:frustrating|stressful|annoying|upsetting|worrying|important|much)|I appreciate how (?:frustrating|stressful|annoying|upsetting|worrying|important)|I'm sure (?:that|it) (?:was|has been)",
  ],
  apology: [
    String.raw`(?:I'm|I am|we're|we are|I'm so|I am so|I'm really|I am really|I'm very|we're very|I'm truly|we're truly)?\s*sorry(?! to hear| you feel| if you feel| but)|(?:I|we) (?:sincerely |truly |really |do )?apologi[sz]e|(?:my|our|sincere|sincerest|deepest|humble) apolog(?:y|ies)|apologies|(?:we|I) (?:messed|screwed) up|(?:that|this|it) (?:was|is) (?:our|my) (?:mistake|fault|error)|(?:that's|that is) on (?:us|me)|(?:we|I) (?:got|made) (?:this|it|that) wrong|(?:we|I) dropped the ball|(?:we|I) let you down|I regret|we regret|(?:was|were|went) wrong(?:ly)? on our (?:side|end)|(?:we|I) should have`,
  ],
  reassurance: [
    "(?:don't|do not) (?:worry|panic|be alarmed)|no need to worry|rest assured|(?:you're|you are) in good hands|you (?:won't|will not) (?:be charged|lose|need to|have to|be left|be out of pocket|pay)|(?:I'll|I will|we'll|we will) (?:make sure|ensure|see to it)|(?:I'll|I will) personally|(?:I'm|I am) (?:on it|on the case|here to help|going to (?:sort|fix|get) (?:this|it))|(?:we'll|we will|I'll|I will|let's) (?:get (?:this|it|you) (?:sorted|fixed|resolved|back on track)|sort (?:this|it) out|fix (?:this|it)|put (?:this|it) right|make (?:this|it) right|find a (?:way|solution))",
    String.raw`(?:this|it) (?:is|can be|will be) (?:easily )?(?:fixed|sorted|resolved|put right)|(?:your|the) (?:money|account|data|card|booking|order|details|payment) (?:is|are) (?:completely |totally |perfectly )?(?:safe|secure|protected|fine)|nothing (?:has been|is|was) lost|(?:you|your \w+) (?:is|are) (?:covered|protected|safe)|I promise|you have my word|(?:it's|it is|it was) not your fault|you did (?:everything right|nothing wrong)|no need to apologi[sz]e|(?:you )?(?:don't|do not) (?:have|need) to (?:do anything|call again|worry|chase)|I'll handle (?:it|this|everything)|I'm (?:trying|here) to help|I'll sort (?:it|this)|you're covered|you are covered|nothing has been taken|I (?:won't|will not) (?:let this|stop until)|(?:we|I) (?:can|will) (?:definitely|absolutely|certainly) (?:help|sort|fix)|(?:I'm|I am) confident|you're not alone`,
  ],
  solution: [
    "(?:I've|I have|we've|we have|I|we) (?:just |now |already )?(?:issued|processed|refunded|credited|arranged|booked|reserved|sent (?:you |out )?(?:a|an|the|your|it|them|out)|dispatched|put|moved|found|extended|froze|frozen|reapplied|posted|asked (?:the|our) \\w+ to|reset|unlocked|cancelled|canceled|waived|removed|reversed|reordered|re-?sent|upgraded|applied|added|corrected|fixed|replaced|reinstated|restored|rescheduled|approved|put through)",
    "(?:I|we)(?: can| could| will|'ll| would like to|'d like to| am able to| are able to|'m able to|'re able to| am going to| are going to|'m going to|'re going to) (?:offer|refund|replace|send|give|credit|waive|arrange|book|reschedule|upgrade|cover|reimburse|swap|exchange|deliver|repair|fix|reset|cancel|issue|process|reverse|remove|match|honou?r|extend|hold|reserve|collect|pick up|courier|expedite|prioriti[sz]e|ship)",
    String.raw`(?:full|partial|immediate) refund|(?:store|account) credit|(?:a |an |free |\d+% |£\d+ |\$\d+ )(?:voucher|gift card|discount)|goodwill (?:gesture|credit|payment)|complimentary \w+|sending (?:a new one|a replacement|it|them|you)|(?:refund|replacement|parcel|order)(?:'s| has| is)(?: now)? (?:gone through|on its way|out for delivery|been sent)|out for delivery|(?:like|prefer|want) a (?:refund|replacement|repair)|free of charge|at no (?:extra )?cost|(?:replacement|new one) (?:is|has been|will be) (?:on its way|sent|dispatched|shipped)|(?:here's|here is) what (?:I|we) can do|(?:two|a few|some|three) options|(?:you can|you could) (?:either|choose|pick)|(?:the|your) (?:refund|replacement|credit) (?:is|has been|will be)|(?:a|the) (?:courier|driver|technician|engineer) (?:will|can) (?:collect|come|visit|call)|return label`,
  ],
  commitment: [
    "(?:I'll|I will|I'm going to|I am going to|we'll|we will|we're going to|we are going to|I shall|I'd be happy to|I can) (?:personally )?(?:call|ring|phone|email|e-mail|message|text|update|contact|check|look into|pass|raise|ask|find out|retry|investigate|speak to|talk to|follow up|get back|come back|check back|check in|let you know|send you|confirm|chase|keep you (?:posted|updated|informed)|be in touch|reach out|write)",
    String.raw`(?:you'll|you will|you should) (?:hear (?:back )?from|get (?:a call|an email|an update|a reply|confirmation)|receive (?:a|an|the|your|confirmation)|have (?:it|them|your \w+|an update|a reply|an answer))`,
    'will (?:call|ring|contact|email|get back to|be in touch with|visit|reach out to) (?:you|u|her|him|them)|will (?:bring|deliver) (?:it|them)|(?:let me|lemme) (?:check|look into|find out|chase)|get back to (?:you|u)|come back to you|checking now|(?:you )?should (?:see|get|receive) (?:it|them|the|your)|to (?:call|ring|contact|email) you (?:back )?(?:within|by|today|tomorrow|this|on|at|before)',
    String.raw`(?:expect|expect to hear|expect an update|expect a call|expect it)(?: \w+){0,3} (?:by|within|before|on|tomorrow|today|tonight|this)`,
  ],
  thanks: [
    "(?:thank you|thanks|thank u|thx|ty|many thanks|cheers)(?! for nothing)|(?:I|we) (?:really |truly |do |very much |greatly )?appreciate (?:you|your|it|this|the|all)|much appreciated|(?:I'm|I am|we're|we are) (?:so |very |really )?grateful",
  ],
};

/** Phrases that hurt a reply; jargon and shouting are found by other rules (patterns.ts, analyze-reply.ts). */
export const PROBLEMS: Record<Exclude<ProblemKind, 'jargon' | 'long_sentence' | 'shouting'>, string[]> = {
  blame: [
    String.raw`(?:wasn't|isn't|was not|is not) (?:our|my) fault|you were supposed to|if you'd (?:\w+ )?(?:called|read|checked|told|asked|come|looked|measured)|did you even|why did you not|why didn't you|(?:the )?terms you (?:accepted|agreed to)|(?:our )?terms clearly state|it says so (?:on|in)|read the (?:email|letter|message|instructions) (?:we|I) sent`,
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
    String.raw`calm down|settle down|relax|chill(?: out)?|take a (?:deep )?breath|(?:there's|there is) no need to (?:shout|get upset|get angry|be rude|yell|raise your voice|make a fuss|get worked up)|you're (?:overreacting|being (?:dramatic|unreasonable|ridiculous|silly|difficult|rude))|you are (?:overreacting|being (?:dramatic|unreasonable|ridiculous|silly|difficult|rude))|stop (?:shouting|yelling|complaining|being)|(?:it's|it is|that's|that is|this is) (?:\w+ )?(?:not|hardly|no) (?:a |such a )?(?:big deal|huge deal|end of the world|a tragedy)|(?:it's|it is) (?:only|just) (?:a|an|one|\d+|a few)`,
    "(?:as|like) I (?:already |just )?(?:said|told you|explained|mentioned)|I've already (?:told|explained)|I already told you|whatever|it is what it is|sorry (?:if|that) you feel (?:that way|like that)|(?:I'm|I am) not sorry|(?:we|I) (?:have |'ve )?already (?:explained|told)|told you (?:twice|already|before|three times)|(?:that's|that is) (?:just )?(?:how|the way) (?:it is|it works|things are)|take it or leave it|(?:I|we) (?:don't|do not) know what (?:else )?you want|(?:nothing|not) (?:to )?(?:worry|complain) about|(?:these things|stuff|it|this|that|mistakes) happens?(?: sometimes| all the time| from time to time| to everyone)|these things happen|(?:you'll|you will) (?:just )?have to (?:wait|accept|live with|deal with)|(?:deal|live) with it|not (?:my|our) (?:concern|issue)|if you (?:had )?(?:bothered|cared) to|no offen[cs]e,? but|with all due respect|I'm not going to argue|I won't argue|(?:honestly|frankly),? (?:I|we) (?:don't|do not) (?:care|see the problem)",
  ],
  deflection: [
    "(?:not|isn't|is not) (?:my|our) (?:department|job|area|team|responsibility|remit|call|decision|problem|issue|concern)|(?:nothing|not much|nothing more|nothing else) (?:I|we) can do|(?:I|we) (?:can't|cannot|can not|am not able to|'m not able to|are not able to|'re not able to|am unable to|are unable to|'m unable to|'re unable to) (?:help|do anything|do much|assist) (?:you )?(?:with (?:that|this)|there|further)?|(?:out of|outside) (?:my|our) (?:hands|control|remit)|above my pay ?grade|I just work here|(?:that's|that is|it's|it is) (?:company |store )?policy|(?:the|our) (?:policy|system|rules) (?:won't|will not|doesn't|does not) (?:let|allow)|(?:I|we) don't make the rules|not something (?:my team|I|we|our team) (?:handles?|deals? with|does|do)|(?:aren't|isn't|are not|is not) something (?:I|we) (?:deal with|handle|do)|(?:unable|not able) to (?:offer|give|provide) (?:a |any )?(?:refund|compensation|replacement)|(?:the )?policy is there for a reason",
    "you(?:'ll| will| need to| have to| must| should) (?:need to |have to )?(?:call|contact|ring|email|speak to|talk to|take (?:it|this|that) up with|go to|write to|complain to) (?:the |our |your )?(?:manufacturer|courier|bank|head office|another department|customer service|the other (?:store|branch|team|department)|someone else|a different (?:team|department)|them|the (?:carrier|supplier|seller|vendor|brand))|(?:try|ask|contact) (?:someone|somebody) else|(?:that's|that is|that'd be|that would be) (?:a question )?for (?:another|a different|the other) (?:department|team|store)|(?:I|we) (?:don't|do not) (?:deal|handle) (?:with )?(?:that|those|refunds|complaints|billing)|(?:I|we) (?:can't|cannot) (?:see|access) (?:that|your|those)|(?:I'm|I am) (?:just|only) (?:the |a )?(?:cashier|agent|temp|assistant|messenger)",
  ],
};

/** Built-in support-desk jargon a customer should not have to decode: plain words keep a clash from growing. */
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
  'TBC',
  'TBA',
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

/** Question openers: a wh-word or an invitation to tell more makes an open question (ask, then listen). */
export const OPEN_QUESTION = String.raw`^(?:(?:so|and|but|okay|ok|right|also|then|now|first|firstly|please|just|sorry),? )*(?:what|how|why|when|where|which|who|whose|whom|in what way|tell me|walk me through|(?:could|can) you (?:tell me|let me know) (?:what|how|why|when|where|which|who|more|about|a bit)|(?:could|can) you (?:describe|explain|walk|share)|would you (?:tell|describe|explain|walk|share|mind (?:telling|describing|explaining|sharing)))\b`;
