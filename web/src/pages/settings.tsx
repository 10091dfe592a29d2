import { Alert, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { type Dispatch, type FormEvent, type SetStateAction, useState } from 'react';
import { ApiError } from '../api/client.js';
import { useAuthorityLimits, useDeadlineSettings, useSaveAuthorityLimits, useSaveDeadlineSettings } from '../api/settings.js';
import type { AuthorityLimits, DeadlineSettings, Role, SlaPreset } from '../api/types.js';
import { PRESET_LABEL } from '../components/case/case-type-select.js';
import { type DataColumn, DataTable } from '../components/data-table.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { RequireAbility } from '../components/require-ability.js';
import { BusinessHoursSection } from '../components/settings/business-hours-section.js';
import { WorkspaceDefaultsSection } from '../components/settings/workspace-defaults-form.js';

export function SettingsPage() {
  return (
    <RequireAbility ability="manageSettings">
      <Stack gap="lg">
        <PageHeader title="Deadlines and limits" />
        <WorkspaceDefaultsSection />
        <DeadlinesSection />
        <BusinessHoursSection />
        <LimitsSection />
      </Stack>
    </RequireAbility>
  );
}

const PRESETS = (Object.keys(PRESET_LABEL) as SlaPreset[]).map((p) => ({ value: p, label: PRESET_LABEL[p] }));
const SEVERITY_LABEL: Record<number, string> = { 1: '1 — most serious', 2: '2', 3: '3', 4: '4 — least serious' };
const toHours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

function DeadlinesSection() {
  const settings = useDeadlineSettings();
  return (
    <QueryState query={settings} label="Loading deadlines" rows={3}>
      {(data) => <DeadlinesForm initial={data} />}
    </QueryState>
  );
}

type TypeDraft = { id?: string; name: string; preset: SlaPreset };

/** The workspace's deadline preset, its own per-severity targets, and case types with their own preset. */
function DeadlinesForm({ initial }: { initial: DeadlineSettings }) {
  const save = useSaveDeadlineSettings();
  const [preset, setPreset] = useState<SlaPreset>(initial.preset);
  const [targets, setTargets] = useState(
    initial.targets.map((t) => ({ ...t, ack: toHours(t.acknowledgeMinutes), res: toHours(t.resolveMinutes) })),
  );
  const [types, setTypes] = useState<TypeDraft[]>(initial.caseTypes);
  const [followUps, setFollowUps] = useState({
    customer: initial.followUpDelays.customerHours / 24,
    employee: initial.followUpDelays.employeeHours / 24,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      preset,
      followUpDelays: { customerHours: Math.round(followUps.customer * 24), employeeHours: Math.round(followUps.employee * 24) },
      targets: targets.map((t) => ({
        severity: t.severity as 1 | 2 | 3 | 4,
        acknowledgeMinutes: Math.round(Number(t.ack) * 60),
        resolveMinutes: Math.round(Number(t.res) * 60),
      })),
      caseTypes: types
        .filter((t) => t.id || t.name.trim())
        .map((t) => ({ ...(t.id ? { id: t.id } : {}), name: t.name.trim(), preset: t.preset })),
    });
  };
  const targetError: TargetError = (i, key) =>
    save.error instanceof ApiError
      ? save.error.fieldError(`targets.${i}.${key === 'ack' ? 'acknowledgeMinutes' : 'resolveMinutes'}`)
      : undefined;
  const setTarget = (i: number, key: 'ack' | 'res', value: number | string) =>
    setTargets((list) => list.map((t, j) => (j === i ? { ...t, [key]: Number(value) || 0 } : t)));
  const setType = (i: number, patch: Partial<TypeDraft>) => setTypes((list) => list.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-labelledby="deadlines-heading">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="deadlines-heading">
            Deadlines
          </Title>
          <Text size="sm" c="dimmed">
            If complaints in your sector must be answered within a regulator’s deadlines, pick that preset. Otherwise use your own targets
            by severity. New cases use these; existing cases keep their clocks until their severity or type changes.
          </Text>
        </div>
        <Select
          label="Workspace deadlines"
          data={PRESETS}
          value={preset}
          onChange={(v) => v && setPreset(v as SlaPreset)}
          allowDeselect={false}
        />
        <DataTable
          columns={targetColumns(setTarget, targetError)}
          rows={targets}
          rowKey={(t) => t.severity}
          framed={false}
          withTableBorder
          striped
        />
        {preset !== 'custom' ? (
          <Text size="xs" c="dimmed">
            These targets apply only to case types set to “{PRESET_LABEL.custom}”.
          </Text>
        ) : null}
        <Title order={3} size="h5">
          Case types
        </Title>
        <Text size="sm" c="dimmed">
          A case type can follow its own deadlines, for example regulated payment complaints beside ordinary feedback.
        </Text>
        {types.length === 0 ? (
          <Text size="sm">No case types yet.</Text>
        ) : (
          <Stack gap="xs">
            {types.map((t, i) => (
              <Group key={t.id ?? `new-${i}`} grow align="flex-start">
                <TextInput
                  aria-label={`Case type ${i + 1} name`}
                  placeholder="Name"
                  value={t.name}
                  onChange={(e) => setType(i, { name: e.currentTarget.value })}
                />
                <Select
                  aria-label={`Case type ${i + 1} deadlines`}
                  data={PRESETS}
                  value={t.preset}
                  onChange={(v) => v && setType(i, { preset: v as SlaPreset })}
                  allowDeselect={false}
                />
              </Group>
            ))}
          </Stack>
        )}
        <Button
          variant="default"
          size="xs"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => setTypes((list) => [...list, { name: '', preset: 'custom' }])}
        >
          Add a case type
        </Button>
        <Title order={3} size="h5">
          Follow-ups after a case is resolved
        </Title>
        <Text size="sm" c="dimmed">
          How long after resolving we ask the customer how it went (by mail, with a private link), and each employee on the case (in
          Defuse).
        </Text>
        <Group grow align="flex-start">
          <NumberInput
            label="Ask the customer after (days)"
            min={0.5}
            max={60}
            step={0.5}
            decimalScale={1}
            value={followUps.customer}
            onChange={(v) => setFollowUps((f) => ({ ...f, customer: Number(v) || 0 }))}
          />
          <NumberInput
            label="Ask the employees after (days)"
            min={0.5}
            max={60}
            step={0.5}
            decimalScale={1}
            value={followUps.employee}
            onChange={(v) => setFollowUps((f) => ({ ...f, employee: Number(v) || 0 }))}
          />
        </Group>
        <SaveFooter save={save} what="deadlines" fields={TARGET_FIELDS} />
      </Stack>
    </Paper>
  );
}

function LimitsSection() {
  const limits = useAuthorityLimits();
  return (
    <QueryState query={limits} label="Loading authority limits" rows={3}>
      {(data) => <LimitsForm initial={data} />}
    </QueryState>
  );
}

const ROLE_LABEL: Record<Role, string> = { employee: 'Employees', supervisor: 'Supervisors', hr: 'HR', admin: 'Admins' };
const ROLE_ORDER: Role[] = ['employee', 'supervisor', 'hr', 'admin'];

/** How much each role (and, when set, each person) may offer a customer without a supervisor’s approval. */
function LimitsForm({ initial }: { initial: AuthorityLimits }) {
  const save = useSaveAuthorityLimits();
  const [roles, setRoles] = useState(initial.roles);
  const [users, setUsers] = useState(initial.users);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ roles, users: users.map((u) => ({ userId: u.userId, amount: u.amount })) });
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-labelledby="limits-heading">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="limits-heading">
            Authority limits
          </Title>
          <Text size="sm" c="dimmed">
            A resolution that costs more than its proposer’s limit waits for a supervisor’s approval before the case can be resolved.{' '}
            {initial.currencyNote}
          </Text>
        </div>
        <DataTable columns={roleLimitColumns(roles, setRoles)} rows={ROLE_ORDER} rowKey={(role) => role} framed={false} withTableBorder />
        <Title order={3} size="h5">
          Per person
        </Title>
        <Text size="sm" c="dimmed">
          Leave empty to use the role’s limit.
        </Text>
        <DataTable columns={personLimitColumns(setUsers)} rows={users} rowKey={(u) => u.userId} framed={false} withTableBorder striped />
        <SaveFooter save={save} what="limits" />
      </Stack>
    </Paper>
  );
}

type Target = DeadlineSettings['targets'][number] & { ack: number; res: number };

type SetTarget = (i: number, key: 'ack' | 'res', value: number | string) => void;
const TARGET_FIELDS = [0, 1, 2, 3].flatMap((i) => [`targets.${i}.acknowledgeMinutes`, `targets.${i}.resolveMinutes`]);
/** The API's message for a target's field, shown on that field. */
type TargetError = (i: number, key: 'ack' | 'res') => string | undefined;

/** Per-severity targets, in hours, each editable in place. */
function targetColumns(setTarget: SetTarget, errorOf: TargetError): DataColumn<Target>[] {
  return [
    { key: 'severity', header: 'Severity', cell: (t) => SEVERITY_LABEL[t.severity] ?? t.severity },
    hoursColumn('ack', 'Acknowledge', setTarget, errorOf),
    hoursColumn('res', 'Resolve', setTarget, errorOf),
  ];
}

/** One clock's target in hours: "Acknowledge within (hours)" or "Resolve within (hours)". */
function hoursColumn(key: 'ack' | 'res', clock: 'Acknowledge' | 'Resolve', setTarget: SetTarget, errorOf: TargetError): DataColumn<Target> {
  return {
    key,
    header: `${clock} within (hours)`,
    cell: (t, i) => (
      <NumberInput
        aria-label={`Severity ${t.severity}: ${clock.toLowerCase()} within hours`}
        min={0.02}
        value={t[key]}
        onChange={(v) => setTarget(i, key, v)}
        error={errorOf(i, key)}
      />
    ),
  };
}

type RoleLimits = AuthorityLimits['roles'];

/** Each role's limit, or none; a row per role, without a header row. */
function roleLimitColumns(roles: RoleLimits, setRoles: Dispatch<SetStateAction<RoleLimits>>): DataColumn<Role>[] {
  return [
    { key: 'role', cell: (role) => ROLE_LABEL[role] },
    {
      key: 'limit',
      cell: (role) => (
        <NumberInput
          aria-label={`${ROLE_LABEL[role]}: limit`}
          min={0}
          decimalScale={2}
          value={roles[role] ?? ''}
          disabled={roles[role] === null}
          onChange={(v) => setRoles((r) => ({ ...r, [role]: Number(v) || 0 }))}
        />
      ),
    },
    {
      key: 'none',
      cell: (role) => (
        <Checkbox
          label="No limit"
          checked={roles[role] === null}
          onChange={(e) => {
            const none = e.currentTarget.checked;
            setRoles((r) => ({ ...r, [role]: none ? null : 0 }));
          }}
        />
      ),
    },
  ];
}

type PersonLimit = AuthorityLimits['users'][number];

/** People's own limits; empty means the role's. */
function personLimitColumns(setUsers: Dispatch<SetStateAction<PersonLimit[]>>): DataColumn<PersonLimit>[] {
  return [
    { key: 'name', header: 'Name', cell: (u) => u.name },
    { key: 'role', header: 'Role', cell: (u) => ROLE_LABEL[u.role as Role] ?? u.role },
    {
      key: 'limit',
      header: 'Own limit',
      cell: (u, i) => (
        <NumberInput
          aria-label={`${u.name}: own limit`}
          placeholder="Role’s limit"
          min={0}
          decimalScale={2}
          value={u.amount ?? ''}
          onChange={(v) => setUsers((list) => list.map((x, j) => (j === i ? { ...x, amount: v === '' ? null : Number(v) } : x)))}
        />
      ),
    },
  ];
}

/** The end of a settings form: what went wrong (or that it saved), and its save button. */
function SaveFooter({
  save,
  what,
  fields = [],
}: {
  save: { error: unknown; isSuccess: boolean; isPending: boolean };
  what: string;
  /** Fields whose errors show on the field itself. */
  fields?: string[];
}) {
  return (
    <>
      <FormProblem error={save.error} fields={fields} title={`The ${what} were not saved`} />
      {save.isSuccess ? (
        <Alert color="teal" variant="light" role="status">
          {`${what.charAt(0).toUpperCase()}${what.slice(1)} saved.`}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button type="submit" loading={save.isPending}>
          Save {what}
        </Button>
      </Group>
    </>
  );
}
