import { Checkbox, Group, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { CustomerState, ImpactKind, RiskFlag } from '../../api/types.js';
import {
  CUSTOMER_STATE_HINT,
  CUSTOMER_STATE_LABEL,
  CUSTOMER_STATES,
  IMPACT_KINDS,
  IMPACT_LABEL,
  RISK_FLAGS,
  RISK_LABEL,
} from '../../lib/labels.js';
import type { StepFields } from './use-report-form.js';

/** Step 3: how the customer was, what they threatened, and the money at stake. */
export function CustomerAndStakesStep({ draft, set, fieldError }: StepFields) {
  return (
    <>
      <Radio.Group
        label="How was the customer?"
        value={draft.customerState}
        onChange={(v) => set('customerState', v as CustomerState)}
        error={fieldError('customerState')}
        required
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={6}>
          {CUSTOMER_STATES.map((s) => (
            <Radio.Card key={s} value={s} radius="md" p="sm" withBorder>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator />
                <div>
                  <Text size="sm" fw={600}>
                    {CUSTOMER_STATE_LABEL[s]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {CUSTOMER_STATE_HINT[s]}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>
      <Checkbox.Group
        label="Did the customer threaten anything?"
        description="Tick all that apply"
        value={draft.riskFlags}
        onChange={(v) => set('riskFlags', v as RiskFlag[])}
        error={fieldError('riskFlags')}
      >
        <Stack gap="xs" mt={6}>
          {RISK_FLAGS.map((f) => (
            <Checkbox key={f} value={f} label={RISK_LABEL[f]} />
          ))}
        </Stack>
      </Checkbox.Group>
      <MoneyAtStake draft={draft} set={set} fieldError={fieldError} />
    </>
  );
}

/** The amount, currency and kind of money at stake, all optional. */
function MoneyAtStake({ draft, set, fieldError }: StepFields) {
  return (
    <>
      <Text size="sm" fw={500}>
        Money at stake{' '}
        <Text span c="dimmed" size="sm" fw={400}>
          (optional)
        </Text>
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        <TextInput
          label="Amount"
          inputMode="decimal"
          placeholder="0.00"
          value={draft.amount}
          onChange={(e) => set('amount', e.currentTarget.value)}
          error={fieldError('financialImpact.amount') ?? fieldError('financialImpact')}
        />
        <TextInput
          label="Currency"
          value={draft.currency}
          maxLength={3}
          onChange={(e) => set('currency', e.currentTarget.value.toUpperCase())}
          error={fieldError('financialImpact.currency')}
        />
        <Select
          label="Kind"
          placeholder="Refund"
          data={IMPACT_KINDS.map((k) => ({ value: k, label: IMPACT_LABEL[k] }))}
          value={draft.impactKind || null}
          onChange={(v) => set('impactKind', (v ?? '') as ImpactKind | '')}
        />
      </SimpleGrid>
    </>
  );
}
