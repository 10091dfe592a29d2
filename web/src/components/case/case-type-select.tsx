import { Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useSetCaseType } from '../../api/cases.js';
import { useDeadlineSettings } from '../../api/settings.js';
import type { CaseDetail, SlaPreset } from '../../api/types.js';
import { FormProblem } from '../form-problem.js';

export const PRESET_LABEL: Record<SlaPreset, string> = {
  custom: 'Our own targets by severity',
  eight_week: 'Prompt acknowledgement, final response within 8 weeks',
  fifteen_sixty: 'Response within 15 days, final response within 60 days',
};

/** Picks the case type, whose deadline preset re-times the case's clocks. Hidden when the workspace has no types. */
export function CaseTypeCard({ kase }: { kase: CaseDetail }) {
  const settings = useDeadlineSettings();
  const setType = useSetCaseType(kase.ref);
  const types = settings.data?.caseTypes ?? [];
  if (types.length === 0) return null;
  const chosen = types.find((t) => t.id === kase.caseTypeId);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-type-heading">
      <Title order={2} size="h5" id="case-type-heading" mb="xs">
        Case type
      </Title>
      <Stack gap="xs">
        <CaseTypeSelect
          types={types}
          value={kase.caseTypeId}
          onChange={(v) => setType.mutate(v)}
          disabled={setType.isPending}
          label="Case type"
          hideLabel
        />
        <Text size="xs" c="dimmed">
          Deadlines: {chosen ? PRESET_LABEL[chosen.preset] : 'the workspace default'}. Changing the type re-times both clocks.
        </Text>
        <FormProblem error={setType.error} fields={[]} title="The case type did not change" />
      </Stack>
    </Paper>
  );
}

/** A select of the workspace's case types; used on the case page and in the report form. */
export function CaseTypeSelect({
  types,
  value,
  onChange,
  disabled,
  label,
  hideLabel,
}: {
  types: { id: string; name: string }[];
  value: string | null;
  onChange: (value: string | null) => void;
  disabled?: boolean;
  label: string;
  hideLabel?: boolean;
}) {
  return (
    <Select
      {...(hideLabel ? {} : { label })}
      aria-label={label}
      placeholder="No particular type"
      data={types.map((t) => ({ value: t.id, label: t.name }))}
      value={value}
      onChange={onChange}
      clearable
      disabled={disabled ?? false}
    />
  );
}
