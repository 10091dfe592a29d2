import { Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ReviewRule, ReviewRuleInput } from '../api/review-types.js';
import { useEvaluateRules, useReviewRules, useSaveReviewRule } from '../api/reviews.js';
import { useCurrentUser } from '../app/me-context.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { EXCLUSION_LABEL, RULE_KIND_LABEL } from '../lib/review-labels.js';

type Exclusion = ReviewRule['countExclusions'][number];
const EXCLUSIONS = Object.keys(EXCLUSION_LABEL) as Exclusion[];

const inputOf = (r: ReviewRule): ReviewRuleInput => ({
  kind: r.kind,
  name: r.name,
  threshold: r.threshold,
  windowMonths: r.windowMonths,
  minLoss: r.minLossMinor === null ? null : r.minLossMinor / 100,
  currency: r.currency,
  enabled: r.enabled,
  countExclusions: r.countExclusions,
});

const BLANK: ReviewRuleInput = { kind: 'unhappy_follow_ups', name: '', threshold: 3, windowMonths: 6, enabled: true, countExclusions: [] };

/** Settings → Reviews: the rules that flag an employee for HR, and what fairness sets apart. */
export function ReviewRulesPage() {
  const me = useCurrentUser();
  const rules = useReviewRules();
  const evaluate = useEvaluateRules();
  const edit = me.can.manageReviewRules;
  return (
    <Stack gap="md">
      <PageHeader
        title="Review rules"
        description="A rule only flags someone for HR to look at. Cases with an abusive customer, a root cause that lies with the business, or a cost a supervisor approved as fair are shown apart and do not count, unless you say they should."
        actions={
          edit ? (
            <Button variant="default" loading={evaluate.isPending} onClick={() => evaluate.mutate(undefined)}>
              Check the rules now
            </Button>
          ) : undefined
        }
      />
      {evaluate.data ? <Text size="sm">{evaluate.data.raised} new flag(s) raised.</Text> : null}
      <QueryState query={rules} label="Loading rules" rows={2}>
        {(items) => (
          <Stack gap="sm">
            {items.map((r) => (
              <RuleForm key={r.id} id={r.id} initial={inputOf(r)} description={r.description} editable={edit} />
            ))}
            {edit ? <RuleForm initial={BLANK} description="A new rule" editable /> : null}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function RuleForm({
  id,
  initial,
  description,
  editable,
}: {
  id?: string;
  initial: ReviewRuleInput;
  description: string;
  editable: boolean;
}) {
  const save = useSaveReviewRule();
  const { currency } = useCurrentUser().workspace;
  const [rule, setRule] = useState<ReviewRuleInput>(initial);
  const set = (patch: Partial<ReviewRuleInput>) => setRule((r) => ({ ...r, ...patch }));
  const costly = rule.kind === 'costly_cases';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={id ? `Rule: ${initial.name}` : 'New rule'}>
      <Title order={2} size="h5">
        {id ? initial.name : 'Add a rule'}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {description}
      </Text>
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="xs">
          <Group grow align="flex-end">
            <TextInput label="Name" value={rule.name} onChange={(e) => set({ name: e.currentTarget.value })} />
            <Select
              label="Counts"
              data={Object.entries(RULE_KIND_LABEL).map(([value, label]) => ({ value, label }))}
              value={rule.kind}
              onChange={(v) =>
                v &&
                set({
                  kind: v as ReviewRuleInput['kind'],
                  ...(v === 'costly_cases' ? { minLoss: rule.minLoss ?? 500, currency: rule.currency ?? currency } : {}),
                })
              }
            />
          </Group>
          <Group grow align="flex-end">
            <NumberInput label="How many" min={1} value={rule.threshold} onChange={(v) => set({ threshold: Number(v) || 1 })} />
            <NumberInput label="Within months" min={1} value={rule.windowMonths} onChange={(v) => set({ windowMonths: Number(v) || 1 })} />
            {costly ? (
              <NumberInput label="Least loss" min={0} value={rule.minLoss ?? 0} onChange={(v) => set({ minLoss: Number(v) || 0 })} />
            ) : null}
            {costly ? (
              <TextInput
                label="Currency"
                value={rule.currency ?? ''}
                onChange={(e) => set({ currency: e.currentTarget.value.toUpperCase() })}
              />
            ) : null}
          </Group>
          <Text size="sm" fw={600}>
            Count these cases after all
          </Text>
          {EXCLUSIONS.map((e) => (
            <Checkbox
              key={e}
              label={EXCLUSION_LABEL[e]}
              checked={rule.countExclusions.includes(e)}
              onChange={(ev) =>
                set({
                  countExclusions: ev.currentTarget.checked ? [...rule.countExclusions, e] : rule.countExclusions.filter((x) => x !== e),
                })
              }
            />
          ))}
          <Switch label="On" checked={rule.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} />
          {editable ? (
            <Group>
              <Button
                size="sm"
                loading={save.isPending}
                disabled={!rule.name.trim()}
                onClick={() => save.mutate({ ...(id ? { id } : {}), rule })}
              >
                {id ? 'Save rule' : 'Add rule'}
              </Button>
            </Group>
          ) : null}
          <FormProblem error={save.error} fields={['name', 'minLoss', 'currency']} title="The rule was not saved" />
        </Stack>
      </fieldset>
    </Paper>
  );
}
