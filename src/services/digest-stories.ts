import { ROOT_CAUSE_CATEGORIES } from '../domain/root-cause.js';
import type { Reason } from '../insights/agenda-rule.js';
import { discussionQuestions, type StoryDoc, sideLabel } from '../insights/digest-document.js';
import { loadNameLexicon } from '../insights/name-lexicon.js';
import type { Person, Removal } from '../insights/redact.js';
import { knownNameWords, redactStory, restoreRefusal, type Segment, type StoryOverrides, withoutOriginals } from '../insights/story.js';
import { directoryPeople, storySourceRow } from '../store/digests.js';
import type { Db } from '../store/schema.js';
import { BUILT_IN_SCENARIOS } from '../training/scenario-library.js';
import { resolvePlaybook } from './workspace-playbooks.js';

/** One story of a digest as a reviewer sees it: the document part, plus what only a reviewer needs. */
export type StoryView = StoryDoc & {
  caseId: string;
  /** The case's reference, for a reviewer who may open the case; null otherwise (and always once published). */
  caseRef: string | null;
  redact: string[];
  restore: string[];
  /** Detections a reviewer may restore as false positives (only for a reviewer who may open the case). */
  restorable: string[];
};

/** What a digest reads once for all its stories: everyone the workspace knows by name. */
export type StoryContext = { db: Db; workspaceId: string; directory: Person[] };

export async function storyContext(db: Db, workspaceId: string): Promise<StoryContext> {
  return { db, workspaceId, directory: await directoryPeople(db, workspaceId) };
}

const join = (parts: readonly Segment[][], separator: string): Segment[] =>
  parts.filter((p) => p.length > 0).flatMap((p, i) => (i === 0 ? p : [{ text: separator }, ...p]));

const CATEGORY_WORDS: Record<string, string> = Object.fromEntries(ROOT_CAUSE_CATEGORIES.map((c) => [c, c.replace(/_/g, ' ')]));

/**
 * Tells one case as an anonymised story. `reviewer` keeps what each redaction replaced (for the
 * highlight and the restore list); otherwise the story carries only redacted text.
 */
export async function buildStory(
  sc: StoryContext,
  caseId: string,
  overrides: StoryOverrides,
  rank: { points: number; reasons: readonly Reason[] },
  opts: { reviewer: boolean; linkBase: string },
): Promise<StoryView | undefined> {
  const src = await storySourceRow(sc.db, sc.workspaceId, caseId);
  if (!src) return undefined;
  const { kase } = src;
  const named: Person[] = [
    ...(src.customer ? [{ name: src.customer.name, role: 'customer' }] : []),
    ...src.parties.map((p) => ({ name: p.name, role: p.role === 'witness' ? 'witness' : 'employee' })),
    ...src.users.map((u) => ({ name: u.name, role: 'employee' })),
    ...src.statements.map((s) => ({
      name: s.author_name,
      role: s.party === 'customer' ? 'customer' : s.party === 'witness' ? 'witness' : 'employee',
    })),
  ];
  // One person named in several records (the customer who also wrote a statement) is one party of the story.
  const parties = named.filter((p, i) => named.findIndex((q) => q.name.trim().toLowerCase() === p.name.trim().toLowerCase()) === i);
  const rootCause = kase.root_cause ? (JSON.parse(kase.root_cause) as { whys?: string[]; factors?: string[] }) : {};
  const seg = redactStory(
    {
      title: kase.title,
      summary: kase.summary,
      statements: src.statements.map((s) => ({ party: s.party, text: s.body })),
      solution: src.resolution?.solution ?? null,
      outcome: kase.outcome,
      whys: rootCause.whys ?? [],
      factors: rootCause.factors ?? [],
    },
    { parties, directory: sc.directory },
    overrides,
    loadNameLexicon(),
  );
  const playbook = await resolvePlaybook(sc.db, sc.workspaceId, kase.playbook_key ?? 'five-steps');
  const steps = playbook?.steps ?? [];
  const scenario =
    BUILT_IN_SCENARIOS.find((s) => s.playbookKey === kase.playbook_key && s.channel === kase.channel) ??
    BUILT_IN_SCENARIOS.find((s) => s.playbookKey === kase.playbook_key) ??
    BUILT_IN_SCENARIOS.find((s) => s.channel === kase.channel);
  const promises = src.promises;
  const kept = promises.filter((p) => p.status === 'kept').length;
  const broken = promises.filter((p) => p.status === 'broken').length;
  const promiseLine = promises.length ? [{ text: `Promises made: ${promises.length} (kept ${kept}, broken ${broken}).` }] : [];
  const category = kase.root_cause_category;
  const lesson = category
    ? join(
        [
          [{ text: `What caused it: ${CATEGORY_WORDS[category] ?? category}.` }],
          seg.whys.length ? [{ text: 'Why: ' }, ...join(seg.whys, ' → ')] : [],
          seg.factors.length ? [{ text: 'What added to it: ' }, ...join(seg.factors, '; ')] : [],
        ],
        ' ',
      )
    : [];
  const known = knownNameWords([...parties, ...sc.directory]);
  const keep = (s: Segment[]) => (opts.reviewer ? s : withoutOriginals(s));
  const restorable = [...new Set(seg.detected.filter((r: Removal) => restoreRefusal(r, known) === null).map((r) => r.text))];
  return {
    caseId,
    caseRef: opts.reviewer ? kase.ref : null,
    redact: [...overrides.redact],
    restore: [...overrides.restore],
    restorable: opts.reviewer ? restorable : [],
    heading: keep(seg.title),
    chosenBecause: rank.reasons
      .filter((r) => r.points > 0)
      .sort((a, b) => b.points - a.points)
      .map((r) => `${r.text} (+${r.points})`),
    points: rank.points,
    whatHappened: keep(seg.summary),
    sides: seg.statements.map((s) => ({ who: sideLabel(s.party), said: keep(s.said) })),
    whatWasDone: keep(join([seg.solution, seg.outcome.length ? [{ text: 'How it ended: ' }, ...seg.outcome] : [], promiseLine], ' ')),
    playbook: playbook ? { name: playbook.name, suggests: steps.slice(0, 5).map((s) => `${s.title}: ${s.goal}`) } : null,
    questions: discussionQuestions(rank.reasons, category),
    lesson: keep(lesson),
    suggestions: steps.flatMap((s) => s.guidance.slice(0, 1)).slice(0, 3),
    links: [
      ...(scenario ? [{ label: `Practise a similar conversation: “${scenario.title}”`, href: `${opts.linkBase}/training` }] : []),
      ...(playbook
        ? [{ label: `Playbook: ${playbook.name}`, href: `${opts.linkBase}/api/v1/playbooks/${encodeURIComponent(playbook.key)}` }]
        : []),
    ],
  };
}

/** The story as published: no case reference, no originals, no reviewer's lists. */
export function publishedStory(s: StoryView): StoryDoc {
  const clean = (x: Segment[]) => withoutOriginals(x);
  return {
    heading: clean(s.heading),
    chosenBecause: s.chosenBecause,
    points: s.points,
    whatHappened: clean(s.whatHappened),
    sides: s.sides.map((d) => ({ who: d.who, said: clean(d.said) })),
    whatWasDone: clean(s.whatWasDone),
    playbook: s.playbook,
    questions: s.questions,
    lesson: clean(s.lesson),
    suggestions: s.suggestions,
    links: s.links,
  };
}
