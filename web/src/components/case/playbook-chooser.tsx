import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { usePlaybooks, useStartPlaybook } from '../../api/playbooks.js';
import type { PlaybookRun, Strategy } from '../../api/types.js';
import { STRATEGY_LABEL, STRATEGY_LINE } from '../../lib/coach-labels.js';
import { FormProblem } from '../form-problem.js';

const STRATEGIES = Object.keys(STRATEGY_LABEL) as Strategy[];

/**
 * Starts a playbook on a case: the recommended one in one click, or another strategy and playbook
 * with a reason. When a playbook already runs (`switching`), any change needs a reason.
 */
export function PlaybookChooser({
  refId,
  run,
  switching = false,
  onDone,
}: {
  refId: string;
  run: PlaybookRun;
  switching?: boolean;
  onDone?: () => void;
}) {
  const rec = run.recommendation;
  const playbooks = usePlaybooks();
  const start = useStartPlaybook(refId);
  const [strategy, setStrategy] = useState<Strategy>(run.strategy ?? rec.strategy);
  const [key, setKey] = useState<string>(run.playbook?.key ?? rec.playbookKey);
  const [reason, setReason] = useState('');
  const differs = strategy !== rec.strategy;
  const needsReason = differs || switching;
  const error = start.error instanceof ApiError ? start.error : null;
  const recommendedName = playbooks.data?.find((p) => p.key === rec.playbookKey)?.name ?? rec.playbookKey;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate({ key, strategy, ...(reason.trim() ? { reason: reason.trim() } : {}) }, { onSuccess: () => onDone?.() });
  };

  return (
    <Stack gap="sm">
      {switching ? null : (
        <Group gap="sm" align="center">
          <Button
            onClick={() => start.mutate({ key: rec.playbookKey, strategy: rec.strategy }, { onSuccess: () => onDone?.() })}
            loading={start.isPending && !reason}
            data-testid="start-recommended"
          >
            Start “{recommendedName}”
          </Button>
          <Text size="sm" c="dimmed">
            Recommended: {STRATEGY_LABEL[rec.strategy]}. {STRATEGY_LINE[rec.strategy]}
          </Text>
        </Group>
      )}
      <form onSubmit={submit} noValidate aria-label={switching ? 'Change the approach' : 'Choose another approach'}>
        <Stack gap="xs">
          {switching ? null : (
            <Text size="sm" fw={600}>
              Or choose another approach
            </Text>
          )}
          <Group grow align="flex-start">
            <Select
              label="Strategy"
              data={STRATEGIES.map((s) => ({ value: s, label: STRATEGY_LABEL[s] }))}
              value={strategy}
              onChange={(v) => v && setStrategy(v as Strategy)}
              allowDeselect={false}
            />
            <Select
              label="Playbook"
              data={(playbooks.data ?? []).map((p) => ({ value: p.key, label: p.builtIn ? p.name : `${p.name} (ours, v${p.version})` }))}
              value={key}
              onChange={(v) => v && setKey(v)}
              allowDeselect={false}
              searchable
              error={error?.fieldError('key')}
            />
          </Group>
          <Textarea
            label="Why this approach?"
            description={
              differs
                ? `Say why ${STRATEGY_LABEL[strategy].toLowerCase()} suits this case better than ${STRATEGY_LABEL[rec.strategy].toLowerCase()}.`
                : switching
                  ? 'Say why you are changing course; it goes on the timeline.'
                  : 'Optional when you follow the recommendation.'
            }
            required={needsReason}
            autosize
            minRows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error?.fieldError('reason')}
          />
          <Group>
            <Button type="submit" variant="light" loading={start.isPending && Boolean(reason)} disabled={needsReason && !reason.trim()}>
              {switching ? 'Change playbook' : 'Start this playbook'}
            </Button>
          </Group>
          <FormProblem error={start.error} fields={['key', 'reason']} title="The playbook was not started" />
        </Stack>
      </form>
    </Stack>
  );
}
