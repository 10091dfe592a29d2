import { Button, Checkbox, Group, MultiSelect, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { problemUnder } from '../../api/client.js';
import { useScenarios } from '../../api/training.js';
import { useSaveTrainingRules, useTrainingRules } from '../../api/training-assignments.js';
import type { TrainingRules } from '../../api/types.js';
import { FormProblem } from '../form-problem.js';
import { QueryState } from '../query-state.js';

/** Admins: the rules that assign training by themselves, and the certification terms. */
export function TrainingRulesForm() {
  const rules = useTrainingRules();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="rules-title">
      <Title order={2} size="h4" id="rules-title" mb={4}>
        Automatic training
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Applied every minute: new colleagues get the starter set, low scores on real replies bring scenarios that train that part, passed
        scenarios come back for a short re-practice, and certificates come back before they expire.
      </Text>
      <QueryState query={rules} label="Loading the rules" rows={3}>
        {(r) => <RulesForm rules={r} />}
      </QueryState>
    </Paper>
  );
}

function RulesForm({ rules }: { rules: TrainingRules }) {
  const scenarios = useScenarios();
  const save = useSaveTrainingRules();
  const [r, setR] = useState<TrainingRules>(rules);
  const [saved, setSaved] = useState(false);
  const num = (path: string, value: number, set: (n: number) => TrainingRules, label: string, suffix?: string) => (
    <NumberInput
      label={label}
      value={value}
      {...(suffix ? { suffix } : {})}
      onChange={(v) => setR(set(Number(v)))}
      error={problemUnder(save.error, path)}
      allowDecimal={false}
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate(r, { onSuccess: () => setSaved(true) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <MultiSelect
          label="Starter set for new colleagues"
          searchable
          data={(scenarios.data ?? []).filter((s) => !s.draft).map((s) => ({ value: s.key, label: s.title }))}
          value={r.starterSet}
          onChange={(starterSet) => setR({ ...r, starterSet })}
          error={problemUnder(save.error, 'starterSet')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {num('starterDueDays', r.starterDueDays, (n) => ({ ...r, starterDueDays: n }), 'Starter set due after', ' days')}
          {num(
            'refresherAfterDays',
            r.refresherAfterDays,
            (n) => ({ ...r, refresherAfterDays: n }),
            'Re-practice after (0: never)',
            ' days',
          )}
          {num('refresherDueDays', r.refresherDueDays, (n) => ({ ...r, refresherDueDays: n }), 'Re-practice due within', ' days')}
          {num('reminderHours', r.reminderHours, (n) => ({ ...r, reminderHours: n }), 'Remind before the due time', ' hours')}
        </SimpleGrid>
        <Checkbox
          label="Assign training from low scores on real replies"
          checked={r.lowScore.enabled}
          onChange={(e) => setR({ ...r, lowScore: { ...r.lowScore, enabled: e.currentTarget.checked } })}
        />
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          {num('lowScore.mark', r.lowScore.mark, (n) => ({ ...r, lowScore: { ...r.lowScore, mark: n } }), 'A part scoring below')}
          {num(
            'lowScore.minReplies',
            r.lowScore.minReplies,
            (n) => ({ ...r, lowScore: { ...r.lowScore, minReplies: n } }),
            'Over at least',
            ' replies',
          )}
          {num(
            'lowScore.sinceDays',
            r.lowScore.sinceDays,
            (n) => ({ ...r, lowScore: { ...r.lowScore, sinceDays: n } }),
            'Of the last',
            ' days',
          )}
          {num('lowScore.dueDays', r.lowScore.dueDays, (n) => ({ ...r, lowScore: { ...r.lowScore, dueDays: n } }), 'Due within', ' days')}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {num(
            'certification.attempts',
            r.certification.attempts,
            (n) => ({ ...r, certification: { ...r.certification, attempts: n } }),
            'Certification attempts a round',
          )}
          {num(
            'certification.passMark',
            r.certification.passMark,
            (n) => ({ ...r, certification: { ...r.certification, passMark: n } }),
            'Certification pass mark',
          )}
          {num(
            'certification.validDays',
            r.certification.validDays,
            (n) => ({ ...r, certification: { ...r.certification, validDays: n } }),
            'A certificate holds for',
            ' days',
          )}
        </SimpleGrid>
        <FormProblem
          error={save.error}
          fields={[
            'starterSet',
            'starterDueDays',
            'refresherAfterDays',
            'refresherDueDays',
            'reminderHours',
            'lowScore.mark',
            'lowScore.minReplies',
            'lowScore.sinceDays',
            'lowScore.dueDays',
            'certification.attempts',
            'certification.passMark',
            'certification.validDays',
          ]}
          title="The rules were not saved"
        />
        {saved ? (
          <Text size="sm" c="teal.9" role="status">
            Saved. The next pass applies them.
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save the rules
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
