import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useSaveWorkspaceSettings, useWorkspaceSettings } from '../../api/settings.js';
import type { WorkspaceSettings } from '../../api/types.js';
import { FormProblem } from '../form-problem.js';
import { QueryState } from '../query-state.js';

/** Every IANA zone the browser knows. */
export const TIME_ZONES: string[] = [
  ...new Set(['UTC', ...(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [])]),
];
const CURRENCIES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['EUR', 'GBP', 'USD'];
const currencyName = new Intl.DisplayNames(undefined, { type: 'currency' });
const CURRENCY_OPTIONS = CURRENCIES.map((c) => ({ value: c, label: `${c} — ${currencyName.of(c) ?? c}` }));

/** The workspace's currency and time zone: where money fields and clocks start from. */
export function WorkspaceDefaultsSection() {
  const settings = useWorkspaceSettings();
  return (
    <QueryState query={settings} label="Loading the workspace’s defaults" rows={2}>
      {(data) => <WorkspaceDefaultsForm initial={data} />}
    </QueryState>
  );
}

function WorkspaceDefaultsForm({ initial }: { initial: WorkspaceSettings }) {
  const save = useSaveWorkspaceSettings();
  const [currency, setCurrency] = useState(initial.currency);
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ currency, timeZone });
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-labelledby="workspace-heading">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="workspace-heading">
            Workspace
          </Title>
          <Text size="sm" c="dimmed">
            Money on new reports, resolutions and review rules starts in this currency. The time zone is where your business is: days in
            reports, reminders, promises such as “tomorrow at 3pm” and teams’ opening hours read this clock, and people elsewhere see times
            with the zone named.
          </Text>
        </div>
        <Group grow align="flex-start">
          <Select
            label="Currency"
            data={CURRENCY_OPTIONS}
            value={currency}
            onChange={(v) => v && setCurrency(v)}
            searchable
            allowDeselect={false}
            limit={50}
          />
          <Select
            label="Time zone"
            data={TIME_ZONES}
            value={timeZone}
            onChange={(v) => v && setTimeZone(v)}
            searchable
            allowDeselect={false}
            limit={50}
          />
        </Group>
        <FormProblem error={save.error} fields={['currency', 'timeZone']} title="The workspace’s defaults were not saved" />
        {save.isSuccess ? (
          <Alert color="teal" variant="light" role="status">
            Workspace defaults saved.
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save workspace defaults
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
