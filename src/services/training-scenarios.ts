import type { MoveKind } from '../domain/coach.js';
import { AppError, notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import type { Playbook } from '../domain/playbook.js';
import type { Scenario } from '../domain/training.js';
import type { Db } from '../store/schema.js';
import {
  findScenarioMeta,
  findWorkspaceScenario,
  insertScenarioVersion,
  listLatestWorkspaceDraftFlags,
  listLatestWorkspaceScenarios,
  listWorkspaceScenarioKeys,
} from '../store/training.js';
import { DIFFICULTY_RULES } from '../training/mood.js';
import { practisedSteps } from '../training/practice.js';
import {
  assertValid,
  builtInScenarios,
  copyScenario,
  findBuiltInScenario,
  reviseScenario,
  type ScenarioChanges,
} from '../training/scenarios.js';
import { forbidden, requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';
import { resolvePlaybook } from './workspace-playbooks.js';

/** The steps a scenario practises, as its rubric shows them: what each step wants of a reply. */
export type RubricStep = {
  key: string;
  title: string;
  goal: string;
  wants: MoveKind[];
  doneWhen: string;
  guidance: string[];
  prompts: string[];
};

export type ScenarioView = Scenario & {
  builtIn: boolean;
  /** A supervisor's draft (made from a closed case) that nobody practises until it is published. */
  draft: boolean;
  fromCaseId: string | null;
  can: { edit: boolean };
  playbookName: string;
  rubricSteps: RubricStep[];
  difficultyLabels: Record<string, string>;
};

export type ScenarioSummary = Pick<
  Scenario,
  | 'key'
  | 'version'
  | 'title'
  | 'summary'
  | 'strategy'
  | 'playbookKey'
  | 'channel'
  | 'customerIsRight'
  | 'passMark'
  | 'difficulties'
  | 'basedOn'
> & {
  builtIn: boolean;
  draft: boolean;
  personaName: string;
  startMood: Scenario['persona']['startMood'];
  playbookName: string;
  abusePolicyIsRight: boolean;
};

/** A built-in scenario (version 1 only) or one of the workspace's, at a version or its latest. */
export async function resolveScenario(
  db: Db,
  workspaceId: string,
  key: string,
  version?: number,
): Promise<{ scenario: Scenario; builtIn: boolean; draft: boolean; createdBy: string | null; fromCaseId: string | null } | undefined> {
  const builtIn = findBuiltInScenario(key);
  if (builtIn)
    return version === undefined || version === builtIn.version
      ? { scenario: builtIn, builtIn: true, draft: false, createdBy: null, fromCaseId: null }
      : undefined;
  const own = await findWorkspaceScenario(db, workspaceId, key, version);
  const meta = own ? await findScenarioMeta(db, workspaceId, key, own.version) : undefined;
  return own && meta ? { scenario: own, builtIn: false, ...meta } : undefined;
}

/** Who may edit a workspace scenario: admins any; its author while it is their draft. */
const editSubject = (meta: { draft: boolean; createdBy: string | null }) => ({ ownerUserId: meta.draft ? meta.createdBy : null });

/** The playbook a scenario practises; a scenario whose playbook has gone is a conflict, not a crash. */
export async function playbookOf(db: Db, workspaceId: string, scenario: Scenario): Promise<Playbook> {
  const found = await resolvePlaybook(db, workspaceId, scenario.playbookKey);
  if (!found)
    throw new AppError('conflict', `The scenario ${scenario.key} practises the playbook ${scenario.playbookKey}, which no longer exists`);
  const { builtIn: _, ...playbook } = found;
  return playbook;
}

type Meta = { draft: boolean; createdBy: string | null; fromCaseId: string | null };
const PUBLISHED: Meta = { draft: false, createdBy: null, fromCaseId: null };

function view(ctx: ServiceContext, scenario: Scenario, builtIn: boolean, playbook: Playbook, meta: Meta = PUBLISHED): ScenarioView {
  return {
    ...scenario,
    builtIn,
    draft: meta.draft,
    fromCaseId: meta.fromCaseId,
    can: { edit: !builtIn && authorize(ctx.actor, 'update', 'training_scenario', editSubject(meta)) },
    playbookName: playbook.name,
    rubricSteps: practisedSteps(scenario, playbook).map((s) => ({
      key: s.key,
      title: s.title,
      goal: s.goal,
      wants: s.expectedMoves ?? [],
      doneWhen: s.doneWhen,
      guidance: s.guidance,
      prompts: s.prompts,
    })),
    difficultyLabels: Object.fromEntries(scenario.difficulties.map((d) => [d, DIFFICULTY_RULES[d].label])),
  };
}

function summary(scenario: Scenario, builtIn: boolean, playbookName: string, draft = false): ScenarioSummary {
  return {
    draft,
    key: scenario.key,
    version: scenario.version,
    title: scenario.title,
    summary: scenario.summary,
    strategy: scenario.strategy,
    playbookKey: scenario.playbookKey,
    playbookName,
    channel: scenario.channel,
    customerIsRight: scenario.customerIsRight,
    passMark: scenario.passMark,
    difficulties: scenario.difficulties,
    ...(scenario.basedOn ? { basedOn: scenario.basedOn } : {}),
    builtIn,
    personaName: scenario.persona.name,
    startMood: scenario.persona.startMood,
    abusePolicyIsRight: scenario.goal.abusePolicyIsRight,
  };
}

/** The built-in scenarios, then the latest version of each of the workspace's own; drafts only for those who may edit them. */
export async function listScenarios(ctx: ServiceContext): Promise<ScenarioSummary[]> {
  requirePermission(ctx.actor, 'list', 'training_scenario');
  const ws = ctx.actor.workspaceId;
  const flags = await listLatestWorkspaceDraftFlags(ctx.db, ws);
  const own = (await listLatestWorkspaceScenarios(ctx.db, ws)).filter((s) => {
    const meta = flags.get(s.key) ?? PUBLISHED;
    return !meta.draft || authorize(ctx.actor, 'update', 'training_scenario', editSubject(meta));
  });
  const names = new Map<string, string>();
  const nameOf = async (key: string) => {
    if (!names.has(key)) names.set(key, (await resolvePlaybook(ctx.db, ws, key))?.name ?? key);
    return names.get(key) as string;
  };
  const out: ScenarioSummary[] = [];
  for (const s of builtInScenarios()) out.push(summary(s, true, await nameOf(s.playbookKey)));
  for (const s of own) out.push(summary(s, false, await nameOf(s.playbookKey), flags.get(s.key)?.draft ?? false));
  return out;
}

export async function readScenario(ctx: ServiceContext, key: string, version?: number): Promise<ScenarioView> {
  requirePermission(ctx.actor, 'read', 'training_scenario');
  const found = await resolveScenario(ctx.db, ctx.actor.workspaceId, key, version);
  if (!found || (found.draft && !authorize(ctx.actor, 'update', 'training_scenario', editSubject(found))))
    throw notFound(version === undefined ? `Scenario ${key}` : `Version ${version} of scenario ${key}`);
  return view(ctx, found.scenario, found.builtIn, await playbookOf(ctx.db, ctx.actor.workspaceId, found.scenario), found);
}

export type CopyScenarioInput = { fromKey: string; fromVersion?: number | undefined; title: string };

/** Copies a scenario (built-in or the workspace's own) into a new workspace scenario, version 1. */
export async function copyWorkspaceScenario(ctx: ServiceContext, input: CopyScenarioInput): Promise<ScenarioView> {
  requirePermission(ctx.actor, 'create', 'training_scenario');
  const ws = ctx.actor.workspaceId;
  return inTransaction(ctx.db, async (db) => {
    const from = await resolveScenario(db, ws, input.fromKey, input.fromVersion);
    if (!from || from.draft) {
      const what = input.fromVersion === undefined ? `Scenario ${input.fromKey}` : `Version ${input.fromVersion} of ${input.fromKey}`;
      throw new AppError('validation', `${what} was not found`, [{ path: 'fromKey', message: 'no such scenario or version' }]);
    }
    const copy = copyScenario(from.scenario, input.title, await listWorkspaceScenarioKeys(db, ws));
    const playbook = await playbookOf(db, ws, copy);
    await insertScenarioVersion(db, ws, copy, ctx.actor.userId, ctx.now.toISOString());
    return view(ctx, copy, false, playbook);
  });
}

/**
 * Saves the next version of a workspace scenario; built-ins are refused (copy them first). Old
 * versions stay, and so do sessions on them. A draft stays a draft until saved with `publish`.
 */
export async function reviseWorkspaceScenario(
  ctx: ServiceContext,
  key: string,
  changes: ScenarioChanges & { publish?: boolean | undefined },
): Promise<ScenarioView> {
  requirePermission(ctx.actor, 'update', 'training_scenario');
  const ws = ctx.actor.workspaceId;
  return inTransaction(ctx.db, async (db) => {
    if (findBuiltInScenario(key))
      throw new AppError('conflict', `${key} is a built-in scenario and cannot be changed; copy it and edit the copy`);
    const latest = await findWorkspaceScenario(db, ws, key, undefined, true);
    const meta = latest ? await findScenarioMeta(db, ws, key, latest.version) : undefined;
    if (!latest || !meta) throw notFound(`Scenario ${key}`);
    if (!authorize(ctx.actor, 'update', 'training_scenario', editSubject(meta))) {
      if (meta.draft) throw notFound(`Scenario ${key}`);
      throw forbidden(ctx.actor, 'update', 'training_scenario');
    }
    const { publish, ...fields } = changes;
    changes = fields;
    const next = reviseScenario(latest, changes);
    const found = await resolvePlaybook(db, ws, next.playbookKey);
    if (!found) throw new AppError('validation', `No playbook ${next.playbookKey}`, [{ path: 'playbookKey', message: 'no such playbook' }]);
    const { builtIn: _, ...playbook } = found;
    assertValid(next, playbook);
    // A draft stays its author's to edit, whoever saves a version of it.
    const author = meta.draft ? (meta.createdBy ?? ctx.actor.userId) : ctx.actor.userId;
    const saved = { draft: meta.draft && !publish, createdBy: author, fromCaseId: meta.fromCaseId };
    await insertScenarioVersion(db, ws, next, author, ctx.now.toISOString(), saved);
    return view(ctx, next, false, playbook, saved);
  });
}
