import { Paper, Radio, Stack, Text } from '@mantine/core';
import { CHANNEL_LABEL, CUSTOMER_STATE_LABEL, SEVERITY_HINT, SEVERITY_LABEL } from '../../lib/labels.js';
import { type ReportDraft, suggestSeverity } from '../../lib/report-draft.js';
import { formatDateTime } from '../../lib/time.js';
import type { StepFields } from './use-report-form.js';

/** Step 4: how serious it is (with the suggestion), a summary of the report, and where it goes. */
export function CheckAndSendStep({ draft, set, fieldError }: StepFields) {
  const suggested = suggestSeverity(draft);
  return (
    <>
      <Radio.Group
        label="How serious is it?"
        description={`Based on what you told us we suggest ${SEVERITY_LABEL[suggested]}. Change it if you see it differently.`}
        value={draft.severity || String(suggested)}
        onChange={(v) => set('severity', v as ReportDraft['severity'])}
        error={fieldError('severity')}
      >
        <Stack gap="xs" mt={6}>
          {[1, 2, 3, 4].map((s) => (
            <Radio
              key={s}
              value={String(s)}
              label={`${SEVERITY_LABEL[s]}${s === suggested ? ' (suggested)' : ''}`}
              description={SEVERITY_HINT[s]}
            />
          ))}
        </Stack>
      </Radio.Group>
      <ReportSummary draft={draft} />
      <Text size="xs" c="dimmed">
        Once sent, the report goes to your team’s supervisor. You can add your full statement on the case page.
      </Text>
    </>
  );
}

/** The report as it will be sent, in a few lines. */
function ReportSummary({ draft }: { draft: ReportDraft }) {
  return (
    <Paper bg="gray.0" p="md" radius="md">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {draft.title || 'Untitled'}
        </Text>
        <Text size="sm" lineClamp={4} className="statement-body">
          {draft.summary}
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          {draft.channel ? CHANNEL_LABEL[draft.channel] : ''} ·{' '}
          {draft.occurredAt ? formatDateTime(new Date(draft.occurredAt).toISOString()) : 'just now'}
          {draft.customerState ? ` · customer ${CUSTOMER_STATE_LABEL[draft.customerState].toLowerCase()}` : ''}
          {draft.riskFlags.length ? ` · ${draft.riskFlags.length} threat${draft.riskFlags.length > 1 ? 's' : ''}` : ''}
        </Text>
      </Stack>
    </Paper>
  );
}
