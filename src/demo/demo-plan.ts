import type { Channel, CustomerState, FinancialImpact, PartyRole, RiskFlag, Severity, StatementParty } from '../domain/case.js';
import type { CaseStatus } from '../domain/case-status.js';
import type { RootCause } from '../domain/root-cause.js';
import { DEFAULT_SLA_TARGETS, type SlaTarget } from '../domain/sla.js';
import { isEmployeeRecord, STAFF, type StaffMember, TEAM_HANDLER, TEAMS, type TeamKey } from './demo-people.js';
import { CORRECTIONS, ITEMS, NOTES, SCENARIOS, type Scenario } from './demo-scenarios.js';
import type { Random } from './random.js';

/**
 * The demo as data: every case is planned first (pure, seeded) and only then played through the
 * services. Times are minutes after the case was reported; actors and people are staff keys.
 */
export type PlannedStep = { atMinute: number; actor: string } & (
  | { kind: 'create' }
  | { kind: 'statement'; party: StatementParty; author: string | null; key: string; body: string; correctsKey?: string }
  | { kind: 'status'; to: CaseStatus; reason?: string; outcome?: string; rootCause?: RootCause }
  | { kind: 'resolution'; problem: string; solution: string; amount: number }
  | { kind: 'approve' }
  | { kind: 'assign'; to: string }
  | { kind: 'note'; text: string }
  | { kind: 'party'; employee: string; role: PartyRole }
  | { kind: 'update'; customerState: CustomerState; riskFlags: RiskFlag[] }
  /** The handler starts the playbook the recommender suggests for the case as it stands. */
  | { kind: 'playbook' }
  /** The handler marks the next `count` steps of the running playbook done. */
  | { kind: 'steps'; count: number }
  /** A promise to the customer; `key` names it for a later close step. */
  | { kind: 'commitment'; key: string; text: string; dueInMinutes: number }
  | { kind: 'commitment-close'; key: string; status: 'kept' | 'broken' }
  /** Time passes: the case's due follow-ups go out (the survey mail to the customer, a nudge to the employee). */
  | { kind: 'follow-ups' }
  /** The customer answers the survey through the link in their mail. */
  | { kind: 'survey'; satisfaction: number; wouldReturn: boolean; comment: string | null }
  /** The employee at the centre answers their own follow-up. */
  | { kind: 'employee-answer'; feltSupported: number; wantsTraining: boolean; wantsHelp: boolean; comment: string | null }
  /** The employee ends an abusive interaction; the case goes to a supervisor. */
  | { kind: 'abuse'; note: string }
);

export type PlannedCase = {
  scenario: string;
  target: CaseStatus;
  title: string;
  summary: string;
  channel: Channel;
  team: TeamKey;
  severity: Severity;
  customerState: CustomerState;
  customerIndex: number;
  /** How long before it was reported the incident happened. */
  occurredMinutesBefore: number;
  parties: { employee: string; role: PartyRole }[];
  financialImpact: FinancialImpact | null;
  riskFlags: RiskFlag[];
  /** The case is reported this many minutes before the demo's `now`. */
  startMinutesAgo: number;
  steps: PlannedStep[];
};

const HOUR = 60;
const DAY = 24 * HOUR;
/** How far back the demo's history reaches. */
export const HISTORY_DAYS = 120;
const CURRENCY = 'USD';

/** How many cases end in each status: mostly finished work, with a live queue in every stage. */
const STATUS_QUOTA: Record<CaseStatus, number> = {
  reported: 18,
  acknowledged: 16,
  investigating: 26,
  resolving: 20,
  resolved: 20,
  following_up: 20,
  closed: 94,
  reopened: 14,
};

const OPEN: ReadonlySet<CaseStatus> = new Set(['acknowledged', 'investigating', 'resolving', 'reopened']);

const byKey = new Map(STAFF.map((s) => [s.key, s]));
const staff = (key: string): StaffMember => byKey.get(key) as StaffMember;
const firstName = (name: string): string => name.split(' ')[0] ?? name;
const hasAccount = (key: string): boolean => staff(key).role !== null;

/** Everything a case's texts can mention. */
type Vars = Record<'customer' | 'customerFirst' | 'employee' | 'employeeFirst' | 'witness' | 'item' | 'place' | 'order' | 'amount', string>;

function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? vars[name as keyof Vars] : whole));
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Plans every demo case, oldest first, so case references run in the order cases were reported. */
export function planCases(random: Random, customerNames: readonly string[]): PlannedCase[] {
  const targets = random.shuffle(Object.entries(STATUS_QUOTA).flatMap(([status, n]) => Array<CaseStatus>(n).fill(status as CaseStatus)));
  const scenarios = random.shuffle(SCENARIOS);
  const plans = targets.map((target, i) => {
    // A few regulars complain more than once, as in any shop's records.
    const customerIndex = Math.floor(customerNames.length * random.next() ** 1.5);
    const scenario = scenarios[i % scenarios.length] as Scenario;
    return planCase(random, scenario, target, customerIndex, customerNames[customerIndex] as string);
  });
  return plans.sort((a, b) => b.startMinutesAgo - a.startMinutesAgo);
}

/** Who is involved: the employee at the centre, a colleague who saw it, and who handles it. */
function castFor(random: Random, scenario: Scenario, team: TeamKey) {
  const colleagues = STAFF.filter((s) => s.team === team && isEmployeeRecord(s));
  const frontLine = colleagues.filter((s) => s.role !== 'supervisor');
  const primary = random.chance(0.1) ? random.pick(colleagues) : random.pick(frontLine);
  const others = colleagues.filter((s) => s.key !== primary.key);
  const witness = scenario.witness && others.length > 0 ? random.pick(others) : null;
  let handler = TEAM_HANDLER[team];
  if (handler === primary.key || handler === witness?.key) handler = 'rosa';
  const reporter = hasAccount(primary.key) && random.chance(0.6) ? primary.key : handler;
  return { primary, witness, handler, reporter };
}

function pickSeverity(random: Random, scenario: Scenario, state: CustomerState, flags: RiskFlag[]): Severity {
  const severity = random.pick(scenario.severities);
  const serious = state === 'hostile' || flags.includes('legal_threat') || flags.includes('media');
  return serious ? (Math.min(severity, 2) as Severity) : severity;
}

function pickImpact(random: Random, scenario: Scenario): { impact: FinancialImpact | null; amount: number } {
  if (!scenario.impact) return { impact: null, amount: 0 };
  const { kind, min, max, p } = scenario.impact;
  const amount = Math.round((random.int(min, max) + random.pick([0, 0.5, 0.95, 0.99])) * 100) / 100;
  return { impact: random.chance(p) ? { amount, currency: CURRENCY, kind } : null, amount };
}

function planCase(random: Random, scenario: Scenario, target: CaseStatus, customerIndex: number, customerName: string): PlannedCase {
  const team = random.pick(scenario.teams);
  const cast = castFor(random, scenario, team);
  const channel = random.pick(scenario.channels);
  const customerState = random.pick(scenario.states);
  const riskFlags = (scenario.flags ?? []).filter((f) => random.chance(f.p)).map((f) => f.flag);
  const severity = pickSeverity(random, scenario, customerState, riskFlags);
  const { impact, amount } = pickImpact(random, scenario);
  const vars: Vars = {
    customer: customerName,
    customerFirst: firstName(customerName),
    employee: cast.primary.name,
    employeeFirst: firstName(cast.primary.name),
    witness: cast.witness ? firstName(cast.witness.name) : 'a colleague',
    item: random.pick(scenario.items ?? ITEMS),
    place: TEAMS[team].place,
    order: `HP-${random.int(100000, 999999)}`,
    amount: `$${amount.toFixed(2)}`,
  };
  const witnessAtStart = cast.witness !== null && random.chance(0.5);
  const parties: PlannedCase['parties'] = [{ employee: cast.primary.key, role: 'primary' }];
  if (cast.witness && witnessAtStart) parties.push({ employee: cast.witness.key, role: 'witness' });
  const timeline = new Timeline(random, cast.reporter);
  playLifecycle(timeline, { random, scenario, target, severity, customerState, riskFlags, channel, vars, cast, witnessAtStart, amount });
  return {
    scenario: scenario.key,
    target,
    title: capitalise(fill(random.pick(scenario.titles), vars)),
    summary: fill(scenario.summary, vars),
    channel,
    team,
    severity,
    customerState,
    customerIndex,
    occurredMinutesBefore:
      channel === 'in_person' || channel === 'phone' || channel === 'chat' ? random.int(2, 90) : random.int(HOUR, 3 * DAY),
    parties,
    financialImpact: impact,
    riskFlags,
    startMinutesAgo: placeInHistory(random, target, timeline.minute, severity),
    steps: timeline.steps,
  };
}

type Distributed<T> = T extends unknown ? Omit<T, 'atMinute' | 'actor'> : never;

/** Collects a case's steps while its clock moves forward; every step is at least a minute after the last. */
class Timeline {
  readonly steps: PlannedStep[] = [];
  minute = 0;
  constructor(
    private readonly random: Random,
    reporter: string,
  ) {
    this.steps.push({ atMinute: 0, actor: reporter, kind: 'create' });
  }
  /** Adds a step `wait` minutes (at least one) after the previous one. */
  add(wait: number, actor: string, step: Distributed<PlannedStep>): void {
    this.minute += Math.max(1, Math.round(wait));
    this.steps.push({ ...step, atMinute: this.minute, actor } as PlannedStep);
  }
  /** Moves the clock to `minute` unless it is already later. */
  reach(minute: number): void {
    this.minute = Math.max(this.minute, Math.round(minute));
  }
  note(wait: number, actor: string, pool: readonly string[], vars: Vars): void {
    this.add(wait, actor, { kind: 'note', text: fill(this.random.pick(pool), vars) });
  }
}

type Lifecycle = {
  random: Random;
  scenario: Scenario;
  target: CaseStatus;
  severity: Severity;
  customerState: CustomerState;
  riskFlags: RiskFlag[];
  channel: Channel;
  vars: Vars;
  cast: ReturnType<typeof castFor>;
  witnessAtStart: boolean;
  amount: number;
  /** Minute of the latest move to resolved, when the follow-ups were scheduled. */
  resolvedMinute?: number;
};

const slaFor = (severity: Severity): SlaTarget => DEFAULT_SLA_TARGETS.find((t) => t.severity === severity) as SlaTarget;

/** Mostly on time, sometimes late: a factor of the SLA target, so some clocks are met and others breached. */
const slaFactor = (random: Random, onTime: number): number => (random.chance(onTime) ? random.between(0.1, 0.9) : random.between(1.1, 2.6));

/** Walks the case along the legal status path to its target, with the work a handler would record. */
function playLifecycle(t: Timeline, c: Lifecycle): void {
  const { random, target, vars, cast } = c;
  const written = c.channel === 'email' || c.channel === 'chat' || c.channel === 'social' || c.channel === 'other';
  const customerHeard = random.chance(written ? 0.8 : 0.5);
  // The customer's side is taken by the team's handler: front-line staff write only their own account.
  if (customerHeard) t.add(random.int(2, 25), cast.handler, customerStatement(c));
  // A hostile customer who will not stop: the employee ends the interaction under the abuse policy.
  if (c.customerState === 'hostile' && hasAccount(cast.primary.key) && random.chance(0.5)) {
    t.add(random.int(3, 30), cast.primary.key, { kind: 'abuse', note: fill(random.pick(NOTES.abuse), vars) });
  }
  if (target === 'reported') return;

  const sla = slaFor(c.severity);
  t.reach(sla.acknowledgeMinutes * slaFactor(random, 0.72));
  const viaAcknowledged = target === 'acknowledged' || random.chance(0.78);
  t.add(1, cast.handler, { kind: 'status', to: viaAcknowledged ? 'acknowledged' : 'investigating' });
  t.add(1, cast.handler, { kind: 'assign', to: cast.handler });
  if (random.chance(0.7)) t.note(random.int(2, 30), cast.handler, NOTES.acknowledge, vars);
  if (target === 'acknowledged') return;

  if (viaAcknowledged) t.add(random.int(30, 20 * HOUR), cast.handler, { kind: 'status', to: 'investigating' });
  if (!customerHeard) t.add(random.int(20, 6 * HOUR), cast.handler, customerStatement(c));
  // Most handlers start the recommended playbook at once; the rest still have the choice ahead of them.
  if (random.chance(0.8)) t.add(20, cast.handler, { kind: 'playbook' });
  investigate(t, c);
  t.add(10, cast.handler, { kind: 'steps', count: 2 });
  if (target === 'investigating') {
    if (random.chance(0.4)) promise(t, c, 'Call {customerFirst} back with what we find', random.int(4 * HOUR, 2 * DAY));
    return;
  }

  t.add(random.int(HOUR, 2 * DAY), cast.handler, { kind: 'status', to: 'resolving' });
  t.note(random.int(5, 90), cast.handler, NOTES.resolving, vars);
  if (random.chance(0.1)) {
    t.add(random.int(HOUR, DAY), cast.handler, { kind: 'status', to: 'investigating', reason: random.pick(NOTES.backToInvestigating) });
    t.add(random.int(2 * HOUR, 2 * DAY), cast.handler, { kind: 'status', to: 'resolving' });
  }
  t.add(10, cast.handler, { kind: 'steps', count: target === 'resolving' ? 1 : 99 });
  promise(t, c, 'Tell {customerFirst} what we can offer, by phone or email', random.int(2 * HOUR, DAY));
  if (target === 'resolving') {
    // The employee on the case proposes; above their limit it waits for the supervisor's approval.
    if (hasAccount(cast.primary.key) && random.chance(0.6)) {
      t.add(random.int(30, 4 * HOUR), cast.primary.key, {
        kind: 'resolution',
        problem: fill(c.scenario.customer, vars),
        solution: fill(c.scenario.resolution, vars),
        // Without a loss on record the offer is a goodwill voucher, still above a front-line limit.
        amount: c.amount > 0 ? c.amount : 120,
      });
    }
    return;
  }
  t.add(random.int(HOUR, 20 * HOUR), cast.handler, {
    kind: 'commitment-close',
    key: 'offer',
    status: random.chance(0.85) ? 'kept' : 'broken',
  });

  t.reach(sla.resolveMinutes * slaFactor(random, 0.7));
  resolve(t, c);
  if (target === 'resolved') return;
  finish(t, c);
}

function customerStatement(c: Lifecycle): Distributed<PlannedStep> {
  return { kind: 'statement', party: 'customer', author: null, key: 'customer', body: fill(c.scenario.customer, c.vars) };
}

/** Both sides heard (and sometimes a witness), notes taken, HR in on conduct questions. */
function investigate(t: Timeline, c: Lifecycle): void {
  const { random, vars, cast, scenario } = c;
  const primary = cast.primary.key;
  t.add(random.int(30, DAY), hasAccount(primary) ? primary : cast.handler, {
    kind: 'statement',
    party: 'employee',
    author: primary,
    key: 'employee',
    body: fill(scenario.employee, vars),
  });
  if (cast.witness && scenario.witness) {
    const witness = cast.witness.key;
    if (!c.witnessAtStart) t.add(random.int(10, 4 * HOUR), cast.handler, { kind: 'party', employee: witness, role: 'witness' });
    if (random.chance(0.75)) {
      const body = fill(scenario.witness, vars);
      t.add(random.int(20, DAY), hasAccount(witness) ? witness : cast.handler, {
        kind: 'statement',
        party: 'witness',
        author: witness,
        key: 'witness',
        body,
      });
    }
  }
  if (random.chance(0.08)) correct(t, c);
  t.note(random.int(15, 6 * HOUR), cast.handler, NOTES.investigate, vars);
  if (random.chance(0.4)) t.note(random.int(15, 6 * HOUR), cast.handler, NOTES.investigate, vars);
  if (scenario.conduct) t.note(random.int(HOUR, DAY), cast.handler, NOTES.hrReview, vars);
  if (random.chance(0.15) && isEmployeeRecord(staff(cast.handler)))
    t.add(random.int(5, 60), cast.handler, { kind: 'party', employee: cast.handler, role: 'handler' });
  if (random.chance(0.06) && c.customerState !== 'hostile') escalate(t, c);
}

/** A party fixes a detail of their first account with a new statement that points at it. */
function correct(t: Timeline, c: Lifecycle): void {
  const { random, vars, cast } = c;
  const byCustomer = random.chance(0.5);
  const primary = cast.primary.key;
  const body = fill(random.pick(byCustomer ? CORRECTIONS.customer : CORRECTIONS.employee), vars);
  t.add(random.int(HOUR, 2 * DAY), byCustomer ? cast.handler : hasAccount(primary) ? primary : cast.handler, {
    kind: 'statement',
    party: byCustomer ? 'customer' : 'employee',
    author: byCustomer ? null : primary,
    key: `${byCustomer ? 'customer' : 'employee'}-correction`,
    body,
    correctsKey: byCustomer ? 'customer' : 'employee',
  });
}

/** The customer's mood worsens mid-case and a review is threatened; the case facts are updated. */
function escalate(t: Timeline, c: Lifecycle): void {
  const worse: Record<CustomerState, CustomerState> = { calm: 'frustrated', frustrated: 'angry', angry: 'hostile', hostile: 'hostile' };
  const riskFlags = c.riskFlags.includes('threatened_review') ? c.riskFlags : [...c.riskFlags, 'threatened_review' as const];
  t.add(c.random.int(HOUR, DAY), c.cast.handler, { kind: 'update', customerState: worse[c.customerState], riskFlags });
  t.note(2, c.cast.handler, NOTES.escalated, c.vars);
}

/** How demo cases close: an outcome and a root cause with its why-chain. */
const CLOSINGS: { outcome: string; rootCause: RootCause }[] = [
  {
    outcome: 'The customer accepted the fix and thanked the team.',
    rootCause: {
      category: 'communication',
      whys: ['The customer was not told about the delay', 'Nobody owned calling customers back'],
      factors: ['Busy weekend'],
    },
  },
  {
    outcome: 'Sorted out; the customer will come back.',
    rootCause: {
      category: 'process',
      whys: ['The return needed a manager’s sign-off', 'No manager was on the floor', 'The rota left the evening uncovered'],
      factors: ['Two people off sick', 'Long queue'],
    },
  },
  {
    outcome: 'Resolved with a credit; the policy wording will be made clearer.',
    rootCause: { category: 'policy', whys: ['The policy text reads two ways'], factors: [] },
  },
];

function resolve(t: Timeline, c: Lifecycle): void {
  const { random, vars, cast } = c;
  const solution = fill(c.scenario.resolution, vars);
  // Often the employee at the centre proposes the fix; above their limit the handler approves it.
  const byEmployee = hasAccount(cast.primary.key) && cast.primary.key !== cast.handler && random.chance(0.4);
  t.add(random.int(10, 2 * HOUR), byEmployee ? cast.primary.key : cast.handler, {
    kind: 'resolution',
    problem: fill(c.scenario.customer, vars),
    solution,
    amount: c.amount,
  });
  // A supervisor approves up to their own limit (1,000); Rosa (admin) above it.
  if (byEmployee) t.add(random.int(10, 3 * HOUR), c.amount > 1000 ? 'rosa' : cast.handler, { kind: 'approve' });
  // Above the handler's own limit the resolution waits for Rosa (admin, no limit); within it, this step does nothing.
  if (!byEmployee && c.amount > 300) {
    t.note(random.int(10, 3 * HOUR), 'rosa', NOTES.approval, vars);
    t.add(1, 'rosa', { kind: 'approve' });
  }
  t.add(random.int(10, 60), cast.handler, { kind: 'status', to: 'resolved' });
  c.resolvedMinute = t.minute;
  t.add(random.int(1, 15), cast.handler, { kind: 'note', text: fill(c.scenario.resolution, vars) });
}

/** A promise to the customer made by the handler; the first one on a case is keyed 'offer'. */
function promise(t: Timeline, c: Lifecycle, text: string, dueInMinutes: number): void {
  t.add(c.random.int(5, 40), c.cast.handler, { kind: 'commitment', key: 'offer', text: fill(text, c.vars), dueInMinutes });
}

/**
 * Three days after resolution the follow-ups go out; the customer answers the survey (happy, or
 * unhappy, which reopens the case) and the employee at the centre says how supported they felt.
 */
function followUps(t: Timeline, c: Lifecycle, customer: 'happy' | 'unhappy' | 'silent'): void {
  const { random, vars, cast } = c;
  t.reach((c.resolvedMinute ?? t.minute) + 3 * DAY + random.int(10, 12 * HOUR));
  t.add(1, cast.handler, { kind: 'follow-ups' });
  if (hasAccount(cast.primary.key) && random.chance(0.8)) {
    const wantsHelp = random.chance(0.12);
    t.add(random.int(HOUR, DAY), cast.primary.key, {
      kind: 'employee-answer',
      feltSupported: wantsHelp ? random.int(1, 3) : random.int(3, 5),
      wantsTraining: random.chance(0.3),
      wantsHelp,
      comment: wantsHelp ? fill(random.pick(NOTES.needsHelp), vars) : null,
    });
  }
  if (customer === 'silent') return;
  const happy = customer === 'happy';
  t.add(random.int(2 * HOUR, 2 * DAY), cast.handler, {
    kind: 'survey',
    satisfaction: happy ? random.pick([4, 5, 5, 3]) : random.pick([1, 2]),
    wouldReturn: happy,
    comment: random.chance(0.6) ? fill(random.pick(happy ? NOTES.surveyHappy : NOTES.surveyUnhappy), vars) : null,
  });
}

/** After resolution: follow up with both sides, close, or come back reopened. */
function finish(t: Timeline, c: Lifecycle): void {
  const { random, vars, cast, target } = c;
  const followUp = (customer: 'happy' | 'unhappy' | 'silent' = 'happy'): void => {
    followUps(t, c, customer);
    if (customer === 'unhappy') return;
    if (random.chance(0.3)) t.note(random.int(HOUR, 2 * DAY), cast.handler, NOTES.followUpCustomer, vars);
    if (random.chance(0.5)) t.note(random.int(HOUR, DAY), cast.handler, NOTES.followUpEmployee, vars);
  };
  const close = (): void => {
    t.add(random.int(HOUR, 5 * DAY), cast.handler, { kind: 'status', to: 'closed', ...random.pick(CLOSINGS) });
    if (random.chance(0.6)) t.note(random.int(1, 3 * DAY), cast.handler, NOTES.close, vars);
  };
  const reopen = (): void =>
    t.add(random.int(DAY, 12 * DAY), cast.handler, { kind: 'status', to: 'reopened', reason: fill(random.pick(NOTES.reopen), vars) });

  if (target === 'following_up') {
    followUp(random.chance(0.5) ? 'silent' : 'happy');
    return;
  }
  if (target === 'reopened') {
    const path = random.next();
    // Either the customer's unhappy survey answer reopens it, or the handler does with a reason.
    if (path > 0.3 && path <= 0.65) followUp('unhappy');
    else {
      if (path > 0.65) followUp();
      if (path > 0.65) close();
      reopen();
    }
    if (random.chance(0.5)) t.note(random.int(10, 120), cast.handler, NOTES.investigate, vars);
    return;
  }
  if (random.chance(0.12)) {
    followUp('unhappy');
    if (random.chance(0.5)) {
      t.add(random.int(HOUR, DAY), cast.handler, { kind: 'status', to: 'investigating' });
      t.note(random.int(HOUR, DAY), cast.handler, NOTES.investigate, vars);
    }
    t.add(random.int(HOUR, DAY), cast.handler, { kind: 'status', to: 'resolving' });
    resolve(t, c);
  }
  if (random.chance(0.75)) followUp();
  close();
}

/**
 * When the case was reported, in minutes before `now`: finished cases anywhere in the history,
 * the live queue mostly recent with a stale tail, new reports within the last few days.
 */
function placeInHistory(random: Random, target: CaseStatus, span: number, severity: Severity): number {
  const horizon = HISTORY_DAYS * DAY;
  let lastStepAgo: number;
  if (target === 'reported') {
    const ack = slaFor(severity).acknowledgeMinutes;
    lastStepAgo = random.chance(0.6) ? random.between(10, Math.max(15, ack * 0.9)) : random.between(ack * 1.2, ack * 1.2 + 5 * DAY);
  } else if (OPEN.has(target)) {
    lastStepAgo = random.chance(0.7) ? random.between(HOUR, 4 * DAY) : random.between(4 * DAY, 30 * DAY);
  } else if (target === 'resolved') {
    // Resolved within the last days: the follow-ups are scheduled but not yet due.
    lastStepAgo = random.between(HOUR, 2 * DAY);
  } else if (target === 'following_up') {
    lastStepAgo = random.between(HOUR, 10 * DAY);
  } else {
    lastStepAgo = random.between(HOUR, Math.max(2 * HOUR, horizon - span));
  }
  return Math.round(Math.max(span + 1, Math.min(horizon, span + lastStepAgo)));
}
