import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Link, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useCreateImprovement, useImprovements, useUpdateImprovement } from '../api/improvements.js';
import { useThemes } from '../api/themes.js';
import type { Improvement, ImprovementStatus } from '../api/types.js';
import { useCurrentUser } from '../app/me-context.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { EmptyState } from '../components/states.js';
import { formatDate } from '../lib/time.js';

const STATUS: Record<ImprovementStatus, { label: string; color: string; action: string }> = {
  proposed: { label: 'Proposed', color: 'gray', action: 'Back to proposed' },
  planned: { label: 'Planned', color: 'blue', action: 'Plan it' },
  in_progress: { label: 'In progress', color: 'violet', action: 'Start' },
  done: { label: 'Done', color: 'teal', action: 'Mark done' },
  dropped: { label: 'Dropped', color: 'red', action: 'Drop…' },
};

/** Process changes that grow from themes and cases, and whether they worked. */
export function ImprovementsPage() {
  const me = useCurrentUser();
  const list = useImprovements();
  const steer = me.can.manageImprovements;
  return (
    <Stack gap="md">
      <PageHeader
        title="Improvements"
        description="Process changes proposed from themes and cases: proposed → planned → in progress → done, or dropped with a reason. Once done, the page shows its theme's conflicts per 100 cases of the same teams in the same number of weeks before and after."
      />
      {steer ? <ProposeImprovement /> : null}
      <QueryState
        query={list}
        label="Loading improvements"
        rows={3}
        isEmpty={(items) => items.length === 0}
        empty={<EmptyState title="No improvements yet">Propose one from a theme that keeps coming back.</EmptyState>}
      >
        {(items) => (
          <Stack gap="sm">
            {items.map((i) => (
              <ImprovementCard key={i.id} item={i} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function ProposeImprovement() {
  const search = useSearch({ from: '/app/improvements' });
  const create = useCreateImprovement();
  const themes = useThemes({});
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [themeId, setThemeId] = useState<string | null>(search.themeId ?? null);
  const [caseRef, setCaseRef] = useState<string | null>(search.caseRef ?? null);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="propose-heading">
      <Title order={2} size="h5" id="propose-heading" mb="xs">
        Propose an improvement
      </Title>
      <Stack gap="xs">
        <Group gap="xs" align="flex-end" grow>
          <TextInput
            label="What changes"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            placeholder="Show everyone the card search on the till"
          />
          <Select
            label="For the theme"
            placeholder="None"
            data={(themes.data?.items ?? []).map((t) => ({ value: t.id, label: `${t.label} (${t.size})` }))}
            value={themeId}
            onChange={setThemeId}
            clearable
            searchable
          />
        </Group>
        <Textarea label="Why, and how" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        {caseRef ? (
          <Group gap="xs">
            <Text size="sm">
              From case{' '}
              <Text span ff="monospace">
                {caseRef}
              </Text>
            </Text>
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setCaseRef(null)}>
              Unlink
            </Button>
          </Group>
        ) : null}
        <Group>
          <Button
            size="sm"
            disabled={!title.trim()}
            loading={create.isPending}
            onClick={() =>
              create.mutate(
                { title, description, ...(themeId ? { themeIds: [themeId] } : {}), ...(caseRef ? { caseRefs: [caseRef] } : {}) },
                {
                  onSuccess: () => {
                    setTitle('');
                    setDescription('');
                    setThemeId(null);
                    setCaseRef(null);
                  },
                },
              )
            }
          >
            Propose
          </Button>
        </Group>
        <FormProblem error={create.error} fields={[]} title="The improvement was not saved" />
      </Stack>
    </Paper>
  );
}

function ImprovementCard({ item: i }: { item: Improvement }) {
  const update = useUpdateImprovement();
  const [dropping, setDropping] = useState(false);
  const [reason, setReason] = useState('');
  const s = STATUS[i.status];
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={i.title} data-testid="improvement">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={2} size="h4">
          {i.title}
        </Title>
        <Badge color={s.color} variant="light" style={{ flexShrink: 0 }}>
          {s.label}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {i.owner ? `Owner: ${i.owner.name} · ` : 'No owner yet · '}proposed {formatDate(i.createdAt)}
        {i.doneAt ? ` · done ${formatDate(i.doneAt)}` : ''}
      </Text>
      {i.description ? (
        <Text size="sm" mt={4}>
          {i.description}
        </Text>
      ) : null}
      {i.dropReason ? (
        <Text size="sm" mt={4} c="dimmed">
          Dropped: {i.dropReason}
        </Text>
      ) : null}
      {i.themes.length || i.cases.length || i.hiddenCases ? (
        <Text size="sm" mt={4}>
          {i.themes.length ? (
            <>
              Themes:{' '}
              {i.themes.map((t, n) => (
                <span key={t.id}>
                  {n ? ', ' : ''}
                  <Anchor component={Link} to="/themes" size="sm">
                    {t.label}
                  </Anchor>
                </span>
              ))}
              {'  '}
            </>
          ) : null}
          {i.cases.map((c) => (
            <Anchor key={c.ref} component={Link} to={`/cases/${c.ref}`} ff="monospace" size="sm" mr={6}>
              {c.ref}
            </Anchor>
          ))}
          {i.hiddenCases ? <Text span size="xs" c="dimmed">{`+${i.hiddenCases} more cases`}</Text> : null}
        </Text>
      ) : null}
      {i.effect ? <Effect effect={i.effect} /> : null}
      {i.can.update && i.nextStatuses.length ? (
        <Stack gap={6} mt="sm">
          <Group gap="xs">
            {i.nextStatuses.map((to) => (
              <Button
                key={to}
                size="xs"
                variant={to === 'dropped' || to === 'proposed' ? 'default' : 'light'}
                loading={update.isPending && update.variables?.status === to}
                onClick={() => (to === 'dropped' ? setDropping(true) : update.mutate({ id: i.id, status: to }))}
              >
                {to === 'in_progress' && i.status === 'done' ? 'Reopen' : STATUS[to].action}
              </Button>
            ))}
          </Group>
          {dropping ? (
            <Group gap="xs" align="flex-end">
              <TextInput
                size="xs"
                label="Why is it dropped?"
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                style={{ flex: 1 }}
              />
              <Button
                size="xs"
                color="red"
                disabled={!reason.trim()}
                onClick={() => update.mutate({ id: i.id, status: 'dropped', reason }, { onSuccess: () => setDropping(false) })}
              >
                Drop
              </Button>
            </Group>
          ) : null}
          <FormProblem error={update.error} fields={[]} title="The improvement did not change" />
        </Stack>
      ) : null}
    </Paper>
  );
}

/** Before and after per 100 cases of the same teams, with the weekly rate the change came in on. */
function Effect({ effect: e }: { effect: NonNullable<Improvement['effect']> }) {
  const max = Math.max(1, ...e.weekly.map((w) => w.ratePer100 ?? 0));
  const rate = (r: number | null) => (r === null ? '—' : `${r}`);
  return (
    <Stack gap={6} mt="sm">
      <Text size="sm">
        Conflicts of its themes per 100 cases of the same teams, {e.weeks} {e.weeks === 1 ? 'week' : 'weeks'} before and after:{' '}
        <b>{rate(e.before.ratePer100)}</b> → <b>{rate(e.after.ratePer100)}</b>
        {e.change !== null ? ` (${e.change > 0 ? '+' : ''}${e.change})` : ''}
        <Text span size="xs" c="dimmed">
          {` — ${e.before.conflicts} of ${e.before.cases} cases before, ${e.after.conflicts} of ${e.after.cases} after; the ${e.weeks} weeks before those: ${rate(e.earlier.ratePer100)}`}
        </Text>
      </Text>
      <Group
        gap={2}
        align="flex-end"
        h={36}
        role="img"
        aria-label={`Weekly rate per 100 cases: ${e.weekly.map((w) => rate(w.ratePer100)).join(', ')}; the change came after week ${2 * e.weeks}`}
      >
        {e.weekly.map((w) => (
          <div
            key={w.weekStart}
            title={`Week from ${w.weekStart}: ${rate(w.ratePer100)} per 100 cases`}
            style={{
              width: 12,
              height: `${Math.max(2, ((w.ratePer100 ?? 0) / max) * 36)}px`,
              background: w.after ? 'var(--mantine-color-teal-5)' : 'var(--mantine-color-gray-5)',
              borderRadius: 2,
            }}
          />
        ))}
      </Group>
      {e.spikedBefore ? (
        <Alert color="yellow" variant="light" p="xs">
          The theme had just risen before the change: part of any fall may be it settling back by itself.
        </Alert>
      ) : null}
    </Stack>
  );
}
