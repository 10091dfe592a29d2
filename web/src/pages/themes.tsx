import { Anchor, Badge, Button, Group, Paper, Progress, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTeams } from '../api/directory.js';
import { useMergeTheme, useRequestMining, useThemeRun, useThemes, useUpdateTheme } from '../api/themes.js';
import type { Theme, ThemeRun } from '../api/types.js';
import { useCurrentUser } from '../app/me-context.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { EmptyState } from '../components/states.js';
import { CHANNEL_LABEL } from '../lib/labels.js';
import { formatDateTime, formatMoney } from '../lib/time.js';

const SINCE = [
  { value: '', label: 'All time' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
];

const TREND = {
  emerging: { label: 'Emerging', color: 'red' },
  declining: { label: 'Declining', color: 'teal' },
  steady: { label: 'Steady', color: 'gray' },
} as const;

/** Recurring problems across cases: what keeps going wrong, how often, where, and what it costs. */
export function ThemesPage() {
  const me = useCurrentUser();
  const [teamId, setTeamId] = useState('');
  const [sinceDays, setSinceDays] = useState('');
  const since = sinceDays ? new Date(Date.now() - Number(sinceDays) * 86_400_000).toISOString().slice(0, 10) : '';
  const themes = useThemes({ teamId, since });
  const teams = useTeams();
  const steer = me.can.steerThemes;
  return (
    <Stack gap="md">
      <PageHeader
        title="Themes"
        description="Problems that keep coming back, found in the words of case titles, summaries, statements and root causes. Counts cover the whole workspace; you see the cases you may open. Emerging: at least 5 cases in the last 14 days and twice the usual fortnight."
        actions={steer ? <MiningControl lastRun={themes.data?.lastRun ?? null} pendingRun={themes.data?.pendingRun ?? null} /> : null}
      />
      <Group gap="sm">
        <Select
          label="Team"
          data={[{ value: '', label: 'All teams' }, ...(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))]}
          value={teamId}
          onChange={(v) => setTeamId(v ?? '')}
          allowDeselect={false}
          w={200}
        />
        <Select
          label="Cases reported"
          data={SINCE}
          value={sinceDays}
          onChange={(v) => setSinceDays(v ?? '')}
          allowDeselect={false}
          w={180}
        />
      </Group>
      <QueryState
        query={themes}
        label="Loading themes"
        rows={4}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="No themes yet">
            Themes are mined every night from the cases. With a few alike cases they show up here; supervisors can mine now.
          </EmptyState>
        }
      >
        {(data) => (
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {data.items.map((t) => (
              <ThemeCard key={t.id} theme={t} others={data.items.filter((o) => o.id !== t.id)} />
            ))}
          </SimpleGrid>
        )}
      </QueryState>
    </Stack>
  );
}

/** "Mine now" with the progress of the run under way, and when the last one finished. */
function MiningControl({ lastRun, pendingRun }: { lastRun: ThemeRun | null; pendingRun: ThemeRun | null }) {
  const request = useRequestMining();
  const [runId, setRunId] = useState<string | null>(pendingRun?.id ?? null);
  const run = useThemeRun(runId);
  const live = run.data ?? pendingRun;
  const busy = live !== null && (live.state === 'queued' || live.state === 'running');
  const { refetch } = useThemes({});
  useEffect(() => {
    if (run.data?.state === 'done') void refetch();
  }, [run.data?.state, refetch]);
  return (
    <Stack gap={4} w={260}>
      <Button
        size="sm"
        loading={request.isPending}
        disabled={busy}
        onClick={() => request.mutate(undefined, { onSuccess: (r) => setRunId(r.id) })}
      >
        Mine themes now
      </Button>
      {busy && live ? (
        <>
          <Progress value={Math.round(live.progress * 100)} animated aria-label={`Mining: ${Math.round(live.progress * 100)}%`} />
          <Text size="xs" c="dimmed">
            {live.state === 'queued' ? 'Waiting to start…' : `${live.step ?? 'Working'}…`}
          </Text>
        </>
      ) : (
        <Text size="xs" c="dimmed">
          {lastRun?.finishedAt
            ? `Last mined ${formatDateTime(lastRun.finishedAt)}: ${lastRun.documents ?? 0} cases${lastRun.state === 'failed' ? ' (failed)' : ''}`
            : 'Not mined yet'}
        </Text>
      )}
      <FormProblem error={request.error} fields={[]} title="Mining did not start" />
    </Stack>
  );
}

function ThemeCard({ theme: t, others }: { theme: Theme; others: Theme[] }) {
  const d = t.detail;
  const max = Math.max(1, ...(d?.weekly.map((w) => w.count) ?? [1]));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t.label} data-testid="theme-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={2} size="h4">
          {t.label}
        </Title>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          {t.locked ? <Badge variant="outline">Locked</Badge> : null}
          <Badge color={TREND[t.trend].color} variant={t.trend === 'emerging' ? 'filled' : 'light'}>
            {TREND[t.trend].label}
          </Badge>
          <Badge variant="default" size="lg">
            {t.size} {t.size === 1 ? 'case' : 'cases'}
          </Badge>
        </Group>
      </Group>
      {t.customLabel ? (
        <Text size="xs" c="dimmed">
          Mined as “{t.minedLabel}”
        </Text>
      ) : null}
      {t.phrases.length ? (
        <Text size="sm" mt={4}>
          Key phrases: {t.phrases.join(' · ')}
        </Text>
      ) : null}
      {d ? (
        <Stack gap={6} mt="sm">
          <Group
            gap={2}
            align="flex-end"
            h={36}
            aria-label={`Cases per week, last 12 weeks: ${d.weekly.map((w) => w.count).join(', ')}`}
            role="img"
          >
            {d.weekly.map((w) => (
              <div
                key={w.weekStart}
                title={`Week from ${w.weekStart}: ${w.count}`}
                style={{
                  width: 12,
                  height: `${Math.max(2, (w.count / max) * 36)}px`,
                  background: 'var(--mantine-color-blue-5)',
                  borderRadius: 2,
                }}
              />
            ))}
            <Text size="xs" c="dimmed" ml="xs">
              last 14 days {d.recent}, usual {d.expected}
            </Text>
          </Group>
          <Facts label="Teams" items={d.teams.map((x) => `${x.name} ${x.count}`)} />
          <Facts
            label="Channels"
            items={d.channels.map((x) => `${CHANNEL_LABEL[x.channel as keyof typeof CHANNEL_LABEL] ?? x.channel} ${x.count}`)}
          />
          <Facts label="Root causes" items={d.rootCauses.map((x) => `${x.category.replace(/_/g, ' ')} ${x.count}`)} />
          <Facts label="Cost" items={d.cost.map((c) => formatMoney(c.amount, c.currency))} />
        </Stack>
      ) : null}
      {t.examples.length ? (
        <Stack gap={4} mt="sm">
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            Typical cases
          </Text>
          {t.examples.map((e) => (
            <Text key={e.ref} size="sm">
              <Anchor component={Link} to={`/cases/${e.ref}`} ff="monospace" size="sm">
                {e.ref}
              </Anchor>{' '}
              {e.title}
              {e.phrases.length ? (
                <Text span size="xs" c="dimmed">
                  {' '}
                  — {e.phrases.join(', ')}
                </Text>
              ) : null}
            </Text>
          ))}
        </Stack>
      ) : null}
      {t.can.update ? <SteerTheme theme={t} others={others} /> : null}
    </Paper>
  );
}

function Facts({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <Text size="sm">
      <Text span c="dimmed" size="sm">
        {label}:{' '}
      </Text>
      {items.join(', ')}
    </Text>
  );
}

/** Rename, lock, merge: people's edits, kept through every re-mine. */
function SteerTheme({ theme: t, others }: { theme: Theme; others: Theme[] }) {
  const navigate = useNavigate();
  const update = useUpdateTheme();
  const merge = useMergeTheme();
  const [label, setLabel] = useState(t.customLabel ?? '');
  const [into, setInto] = useState<string | null>(null);
  return (
    <Stack gap="xs" mt="md" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group gap="xs" align="flex-end">
        <TextInput
          label="Name"
          placeholder={t.minedLabel}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          style={{ flex: 1 }}
          size="xs"
        />
        <Button
          size="xs"
          variant="default"
          loading={update.isPending}
          onClick={() => update.mutate({ id: t.id, label: label.trim() || null })}
        >
          Save name
        </Button>
      </Group>
      <Anchor
        component="button"
        type="button"
        size="sm"
        ta="left"
        onClick={() => void navigate({ to: '/improvements', search: { themeId: t.id } })}
      >
        Propose an improvement for this theme
      </Anchor>
      <Group gap="xs" align="flex-end" justify="space-between">
        <Switch
          label="Locked"
          checked={t.locked}
          onChange={(e) => update.mutate({ id: t.id, locked: e.currentTarget.checked })}
          size="sm"
        />
        <Group gap="xs" align="flex-end">
          <Select
            size="xs"
            label="Merge into"
            placeholder="Another theme"
            data={others.map((o) => ({ value: o.id, label: o.label }))}
            value={into}
            onChange={setInto}
            w={200}
            searchable
          />
          <Button
            size="xs"
            variant="default"
            disabled={!into}
            loading={merge.isPending}
            onClick={() => into && merge.mutate({ id: t.id, into })}
          >
            Merge
          </Button>
        </Group>
      </Group>
      <FormProblem error={update.error ?? merge.error} fields={[]} title="The theme did not change" />
    </Stack>
  );
}
