import { MultiSelect, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { ReportDraft } from '../../lib/report-draft.js';
import { CaseTypeSelect } from '../case/case-type-select.js';
import type { ReportChoices } from './use-report-choices.js';
import type { StepFields } from './use-report-form.js';

type WhoWasInvolvedProps = StepFields & {
  choices: ReportChoices;
  caseTypeId: string | null;
  onCaseType: (id: string | null) => void;
};

/** Step 2: the reporter's part, colleagues who were there, the team and kind of complaint, and the customer. */
export function WhoWasInvolvedStep({ draft, set, fieldError, choices, caseTypeId, onCaseType }: WhoWasInvolvedProps) {
  return (
    <>
      <Radio.Group
        label="How were you involved?"
        value={draft.involvement}
        onChange={(v) => set('involvement', v as ReportDraft['involvement'])}
      >
        <Stack gap="xs" mt={6}>
          <Radio value="primary" label="I was dealing with the customer" />
          <Radio value="witness" label="I saw or heard it happen" />
          <Radio value="not_involved" label="I’m reporting it for someone else" />
        </Stack>
      </Radio.Group>
      <MultiSelect
        label="Colleagues who were there"
        description="Optional. They’ll be able to see the case and add their side."
        placeholder={draft.otherEmployeeIds.length ? undefined : 'Search by name'}
        data={choices.colleagues}
        value={draft.otherEmployeeIds}
        onChange={(v) => set('otherEmployeeIds', v)}
        searchable
        nothingFoundMessage="No one by that name"
        error={fieldError('employees')}
      />
      {choices.teams.length > 0 ? (
        <Select
          label="Team or location"
          data={choices.teams}
          value={draft.teamId || null}
          onChange={(v) => set('teamId', v ?? '')}
          error={fieldError('teamId')}
          clearable
        />
      ) : null}
      {choices.caseTypes.length > 0 ? (
        <CaseTypeSelect types={choices.caseTypes} value={caseTypeId} onChange={onCaseType} label="Kind of complaint" />
      ) : null}
      <CustomerFields draft={draft} set={set} fieldError={fieldError} />
    </>
  );
}

/** The customer's contact fields: the draft's key, and the API field whose problems they show. */
const CUSTOMER_INPUTS = [
  { key: 'customerName', label: 'Name', type: undefined, field: 'customer.name' },
  { key: 'customerEmail', label: 'Email', type: 'email', field: 'customer.email' },
  { key: 'customerPhone', label: 'Phone', type: 'tel', field: 'customer.phone' },
] as const;

/** The customer's name, email and phone, each optional. */
function CustomerFields({ draft, set, fieldError }: StepFields) {
  return (
    <>
      <Text size="sm" fw={500} mt="xs">
        The customer{' '}
        <Text span c="dimmed" size="sm" fw={400}>
          (if you know)
        </Text>
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {CUSTOMER_INPUTS.map((input) => (
          <TextInput
            key={input.key}
            label={input.label}
            type={input.type}
            value={draft[input.key]}
            onChange={(e) => set(input.key, e.currentTarget.value)}
            error={fieldError(input.field)}
            autoComplete="off"
          />
        ))}
      </SimpleGrid>
    </>
  );
}
