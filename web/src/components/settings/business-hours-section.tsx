import { Alert, Badge, Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useBusinessHours, useSaveTeamHours } from '../../api/settings.js';
import type { TeamHours, TeamHoursInput } from '../../api/types.js';
import { FormProblem } from '../form-problem.js';
import { QueryState } from '../query-state.js';
import { TIME_ZONES } from './workspace-defaults-form.js';

const DAYS = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
] as const;
type Day = (typeof DAYS)[number][0];
type Week = TeamHoursInput['week'];
const NINE_TO_FIVE = { start: '09:00', end: '17:00' };
const WORK_WEEK: Week = {
  mon: NINE_TO_FIVE,
  tue: NINE_TO_FIVE,
  wed: NINE_TO_FIVE,
  thu: NINE_TO_FIVE,
  fri: NINE_TO_FIVE,
  sat: null,
  sun: null,
};
const WORKSPACE_ZONE = '';

/** Each team's opening hours and holidays: its SLA clocks count only those hours (regulated presets excepted). */
export function BusinessHoursSection() {
  const hours = useBusinessHours();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="hours-heading">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="hours-heading">
            Opening hours and holidays
          </Title>
          <Text size="sm" c="dimmed">
            A team with opening hours counts its acknowledge and resolve targets in business time: a case reported on Friday evening starts
            counting on Monday morning, and holidays do not count. A team without them counts every minute. Regulated deadline presets
            always count calendar days. New cases use these hours; a case already open keeps its due times until its severity, type or team
            changes.
          </Text>
        </div>
        <QueryState query={hours} label="Loading opening hours" rows={2}>
          {(data) =>
            data.items.length === 0 ? (
              <Text size="sm">Add a team first (Teams in the menu).</Text>
            ) : (
              <Stack gap="lg">
                {data.items
                  .filter((t) => !t.archived)
                  .map((t) => (
                    <TeamHoursForm key={`${t.teamId}-${t.updatedAt ?? 'none'}`} team={t} workspaceZone={data.workspaceTimeZone} />
                  ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Paper>
  );
}

function TeamHoursForm({ team, workspaceZone }: { team: TeamHours; workspaceZone: string }) {
  const save = useSaveTeamHours(team.teamId);
  const [week, setWeek] = useState<Week>(team.week ?? WORK_WEEK);
  const [zone, setZone] = useState(team.timeZone ?? WORKSPACE_ZONE);
  const [holidays, setHolidays] = useState(() => team.holidays.map((h) => ({ ...h, key: crypto.randomUUID() })));
  const [editing, setEditing] = useState(false);
  const err = save.error instanceof ApiError ? save.error : null;
  const setDay = (day: Day, value: Week[Day]) => setWeek((w) => ({ ...w, [day]: value }));
  const label = `${team.teamName}`;
  if (!editing)
    return (
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600}>{team.teamName}</Text>
          <Text size="sm" c="dimmed">
            {team.set && team.week
              ? summary(team.week, team.effectiveTimeZone, team.holidays.length)
              : 'Counts every minute (no opening hours)'}
          </Text>
        </div>
        <Button
          variant="default"
          size="xs"
          onClick={() => setEditing(true)}
          aria-label={`${team.set ? 'Edit' : 'Set'} opening hours of ${label}`}
        >
          {team.set ? 'Edit' : 'Set opening hours'}
        </Button>
      </Group>
    );
  return (
    <Stack gap="xs" component="form" aria-label={`Opening hours of ${label}`} onSubmit={(e) => e.preventDefault()}>
      <Group justify="space-between">
        <Text fw={600}>{team.teamName}</Text>
        {team.set ? <Badge variant="light">Business time</Badge> : null}
      </Group>
      <Select
        label="Time zone of these hours"
        data={[{ value: WORKSPACE_ZONE, label: `The workspace’s (${workspaceZone})` }, ...TIME_ZONES.map((z) => ({ value: z, label: z }))]}
        value={zone}
        onChange={(v) => setZone(v ?? WORKSPACE_ZONE)}
        searchable
        allowDeselect={false}
        limit={50}
      />
      {DAYS.map(([day, name]) => {
        const hours = week[day];
        return (
          <Group key={day} gap="sm" align="flex-end" wrap="nowrap">
            <Checkbox
              w={130}
              label={name}
              checked={hours !== null}
              onChange={(e) => setDay(day, e.currentTarget.checked ? NINE_TO_FIVE : null)}
            />
            <TextInput
              type="time"
              aria-label={`${name} opens`}
              disabled={hours === null}
              value={hours?.start ?? ''}
              onChange={(e) => setDay(day, { start: e.currentTarget.value, end: hours?.end ?? '17:00' })}
              error={err?.fieldError(`week.${day}.start`)}
            />
            <TextInput
              type="time"
              aria-label={`${name} closes`}
              disabled={hours === null}
              value={hours?.end === '24:00' ? '23:59' : (hours?.end ?? '')}
              onChange={(e) => setDay(day, { start: hours?.start ?? '09:00', end: e.currentTarget.value })}
              error={err?.fieldError(`week.${day}.end`)}
            />
          </Group>
        );
      })}
      <Text size="sm" fw={500}>
        Holidays (closed all day)
      </Text>
      {holidays.map((h, i) => (
        <Group key={h.key} gap="sm" wrap="nowrap" align="flex-end">
          <TextInput
            type="date"
            aria-label={`Holiday ${i + 1} date`}
            value={h.date}
            onChange={(e) => setHolidays((list) => list.map((x, j) => (j === i ? { ...x, date: e.currentTarget.value } : x)))}
            error={err?.fieldError(`holidays.${i}.date`)}
          />
          <TextInput
            aria-label={`Holiday ${i + 1} name`}
            placeholder="Name, e.g. New Year’s Day"
            value={h.name}
            onChange={(e) => setHolidays((list) => list.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))}
            error={err?.fieldError(`holidays.${i}.name`)}
          />
          <Button variant="subtle" color="red" size="xs" onClick={() => setHolidays((list) => list.filter((_, j) => j !== i))}>
            Remove
          </Button>
        </Group>
      ))}
      <Button
        variant="default"
        size="xs"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => setHolidays((list) => [...list, { date: '', name: '', key: crypto.randomUUID() }])}
      >
        Add a holiday
      </Button>
      <FormProblem error={save.error} fields={[]} title={`The opening hours of ${team.teamName} were not saved`} />
      {save.isSuccess ? (
        <Alert color="teal" variant="light" role="status">
          Opening hours saved.
        </Alert>
      ) : null}
      <Group justify="flex-end">
        {team.set ? (
          <Button variant="subtle" color="red" loading={save.isPending} onClick={() => save.mutate(null)}>
            Count every minute instead
          </Button>
        ) : null}
        <Button variant="default" onClick={() => setEditing(false)}>
          Cancel
        </Button>
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate({
              timeZone: zone === WORKSPACE_ZONE ? null : zone,
              week,
              holidays: holidays.map(({ date, name }) => ({ date, name })),
            })
          }
        >
          Save opening hours
        </Button>
      </Group>
    </Stack>
  );
}

/** "Mon–Fri 09:00–17:00 (America/Los_Angeles), 2 holidays". */
function summary(week: NonNullable<TeamHours['week']>, zone: string, holidays: number): string {
  const open = DAYS.filter(([d]) => week[d] !== null).map(([d, name]) => {
    const h = week[d];
    return `${name.slice(0, 3)} ${h?.start}–${h?.end}`;
  });
  const days = open.join(', ');
  return `${days} (${zone})${holidays > 0 ? `, ${holidays} holiday${holidays === 1 ? '' : 's'}` : ''}`;
}
