/**
 * Where a run of words without full stops starts a new sentence. Phone transcripts and replies typed
 * in one breath ("okay so you were bumped off the flight I'm really sorry I've started the claim can
 * you confirm the email") read as one sentence to a sentence splitter that looks for punctuation;
 * split at the words people open a sentence with, a finding points at the words it is about.
 */

/** Words that open a spoken sentence on their own ("um", "okay so", "oh right"). */
const DISCOURSE = new Set(['um', 'uh', 'erm', 'okay', 'ok', 'right', 'so', 'yeah', 'oh', 'alright', 'lovely', 'perfect', 'sorry']);
/** "right now", "so much", "okay with": the discourse word belongs to what follows it only when it is not one of these. */
const NOT_OPENING_NEXT: Record<string, ReadonlySet<string>> = {
  right: new Set(['now', 'away', 'after', 'there', 'here', 'back', 'through', 'to', 'before', 'thing', 'one', 'place']),
  so: new Set(['much', 'many', 'sorry', 'long', 'far', 'that', 'i', 'it', 'quickly', 'late', 'soon']),
  okay: new Set(['with', 'for', 'to']),
  ok: new Set(['with', 'for', 'to']),
  sorry: new Set(['for', 'to', 'that']),
};
/** "so you can see", "so nothing else can go out": "so" meaning "so that", which goes on with the sentence. */
const PURPOSE_MODAL = new Set(['can', "can't", 'ca', 'will', "'ll", 'wo', "won't", 'could', 'do', 'does', 'get', 'else']);
/** A statement of who does what: "I'm", "I've", "we'll", "you've", "they'll", "I can", "let me" (wink keeps "I'm" whole, splits "I've"). */
const PRONOUN = new Set(['i', 'we', 'you', 'they']);
const CONTRACTION = new Set(["'m", "'ve", "'ll", "'d", "'re"]);
const FIRST_PERSON = new Set(['i', 'we']);
const FIRST_PERSON_NEXT = new Set(['can', 'ca', 'will', 'wo', 'have', 'am', 'just', 'completely', 'totally', 'know', 'need']);
/** "can you", "is the", "do you", "if you": a question or a condition opening. */
const QUESTION_VERB = new Set(['can', 'could', 'would', 'do', 'did', 'is', 'are', 'have', 'does', 'will', 'shall', 'should', 'if']);
const QUESTION_SUBJECT = new Set(['i', 'you', 'we', 'that', 'it', 'this', 'the', 'they', 'he', 'she', 'there', 'your']);
const WH = new Set(['what', 'how', 'when', 'where', 'why']);
const WH_NEXT = new Set([
  "'s",
  'is',
  'was',
  'are',
  'do',
  'did',
  'does',
  'time',
  'day',
  'would',
  'can',
  'exactly',
  'date',
  'number',
  'much',
  'many',
  'long',
]);
/** "that's awful", "it'll be": a new statement about what was just said. */
const DEMONSTRATIVE = new Set(['that', 'it']);
const DEMONSTRATIVE_NEXT = new Set(["'s", "'ll", 'must', 'sounds']);
/** "okay", "oh no", "right okay yeah", "no problem": a run of these is a sentence of its own, however short. */
const INTERJECTION = new Set('okay ok oh right um uh erm yeah yep lovely gosh ah alright perfect absolutely brilliant hmm mm'.split(' '));
const AFTER_OH = new Set(['no', 'my', 'god', 'dear', 'gosh']);
const NO_TROUBLE = new Set(['worries', 'problem']);
function interjection(words: readonly string[], i: number): boolean {
  const w = words[i] ?? '';
  const prev = words[i - 1] ?? '';
  return (
    INTERJECTION.has(w) ||
    (AFTER_OH.has(w) && (prev === 'oh' || prev === 'ah' || prev === 'my')) ||
    (w === 'no' && NO_TROUBLE.has(words[i + 1] ?? '')) ||
    (NO_TROUBLE.has(w) && prev === 'no')
  );
}
/** Words that tie what follows to what came before: no new sentence right after them. */
const BINDING = new Set(
  (
    "the a an to of for in on at with by from and or but is are was were be been 'm 's 're am really so very not just this i we " +
    'they he she my your our their if because when which what where how know think see sure as than too all about um uh erm oh ' +
    'can could would will do did have has let me tell ask check guess mean hope else nothing anything something everything ' +
    "thing way one while once until before after since whether though although unless who whom whose i'm i've we're it's that's i'd thats im , —"
  ).split(' '),
);
/** Shortest sentence a split leaves behind, in words, on either side. */
const MIN_WORDS = 3;

/**
 * The token indexes (into `words`, lower-cased tokens of one punctuated sentence, and `joined`, true
 * where a token is glued to the one before, as in "I" + "'m") where a new spoken sentence starts.
 */
export function clauseStarts(words: readonly string[], joined: readonly boolean[]): number[] {
  const starts: number[] = [];
  let since = 0;
  let onlyInterjections = true;
  const wordsLeft = (from: number) => {
    let n = 0;
    for (let k = from; k < words.length; k++) if (!joined[k]) n++;
    return n;
  };
  /** Whether the words from `i` open a statement or a question. */
  const statement = (i: number) => {
    const w = words[i] ?? '';
    const next = words[i + 1] ?? '';
    return (
      w === "i'm" ||
      (PRONOUN.has(w) && CONTRACTION.has(next)) ||
      (FIRST_PERSON.has(w) && FIRST_PERSON_NEXT.has(next)) ||
      (w === 'let' && next === 'me') ||
      (w === 'thank' && next === 'you') ||
      (QUESTION_VERB.has(w) && QUESTION_SUBJECT.has(next)) ||
      (WH.has(w) && WH_NEXT.has(next)) ||
      (DEMONSTRATIVE.has(w) && DEMONSTRATIVE_NEXT.has(next))
    );
  };
  for (let i = 0; i < words.length; i++) {
    if (joined[i]) continue;
    const w = words[i] as string;
    const next = words[i + 1] ?? '';
    // A comma is the writer's own choice to go on in the same sentence (it is in BINDING).
    const prev = words[i - 1] ?? '';
    const opens =
      (DISCOURSE.has(w) && !NOT_OPENING_NEXT[w]?.has(next) && !(w === 'so' && PURPOSE_MODAL.has(words[i + 2] ?? ''))) || statement(i);
    // "oh no sorry about that" is one apology.
    const afterInterjections = since > 0 && onlyInterjections && !interjection(words, i) && w !== 'sorry' && prev !== ',';
    if (wordsLeft(i) >= MIN_WORDS - 1 && (afterInterjections || (opens && since >= MIN_WORDS && !BINDING.has(prev)))) {
      starts.push(i);
      since = 0;
      onlyInterjections = true;
    }
    since++;
    onlyInterjections &&= interjection(words, i);
  }
  return starts;
}
