import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ApiError } from '../api/client.js';
import { useCurrentUser } from '../app/me-context.js';
import { PageHeader } from '../components/page-header.js';
import { CheckAndSendStep } from '../components/report/check-and-send-step.js';
import { CustomerAndStakesStep } from '../components/report/customer-and-stakes-step.js';
import { ReportProgress } from '../components/report/report-progress.js';
import { type ReportChoices, useReportChoices } from '../components/report/use-report-choices.js';
import { type ReportForm, useReportForm } from '../components/report/use-report-form.js';
import { WhatHappenedStep } from '../components/report/what-happened-step.js';
import { WhoWasInvolvedStep } from '../components/report/who-was-involved-step.js';
import { RequireAbility } from '../components/require-ability.js';
import type { ReportDraft } from '../lib/report-draft.js';
import { isLastStep, REPORT_STEPS } from '../lib/report-steps.js';
import { relativeTime } from '../lib/time.js';

/** The guided incident report: four short steps, kept as a draft in this browser until it is sent. */
export function ReportPage() {
  return (
    <RequireAbility ability="reportIncident">
      <IncidentReport />
    </RequireAbility>
  );
}

function IncidentReport() {
  const me = useCurrentUser();
  const form = useReportForm();
  const choices = useReportChoices(me);
  return (
    <Stack gap="md" maw={720} mx="auto">
      <PageHeader
        title="Report an incident"
        description={
          <Text c="dimmed" size="sm" mt={4}>
            Write it down while it’s fresh. It takes about three minutes; your answers are kept on this device until you send them.
          </Text>
        }
      />
      {form.restored ? <RestoredDraft draft={form.restored} onClose={form.dismissRestored} onStartOver={form.startOver} /> : null}
      <ReportProgress step={form.step} />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={form.submit} noValidate>
          <Stack gap="md">
            <Title order={2} size="h4" ref={form.headingRef} tabIndex={-1}>
              {REPORT_STEPS[form.step]}
            </Title>
            <CurrentStep form={form} choices={choices} />
            {form.formError ? <NotSent error={form.formError} /> : null}
            <StepButtons step={form.step} onBack={() => form.goTo(form.step - 1)} isSending={form.isSending} />
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

/** The fields of the step at hand. */
function CurrentStep({ form, choices }: { form: ReportForm; choices: ReportChoices }) {
  if (form.step === 0) return <WhatHappenedStep {...form.fields} />;
  if (form.step === 1)
    return <WhoWasInvolvedStep {...form.fields} choices={choices} caseTypeId={form.caseTypeId} onCaseType={form.setCaseTypeId} />;
  if (form.step === 2) return <CustomerAndStakesStep {...form.fields} />;
  return <CheckAndSendStep {...form.fields} />;
}

/** Says a draft from earlier was picked up, with a way to start over instead. */
function RestoredDraft({ draft, onClose, onStartOver }: { draft: ReportDraft; onClose: () => void; onStartOver: () => void }) {
  return (
    <Alert color="blue" variant="light" title="We kept your draft" withCloseButton closeButtonLabel="Dismiss" onClose={onClose}>
      <Group justify="space-between" gap="xs">
        <Text size="sm">Picking up where you left off{draft.savedAt ? ` ${relativeTime(draft.savedAt)}` : ''}.</Text>
        <Button size="xs" variant="white" onClick={onStartOver}>
          Start over
        </Button>
      </Group>
    </Alert>
  );
}

/** A problem with sending that no field shows; the draft stays. */
function NotSent({ error }: { error: ApiError }) {
  return (
    <Alert color="red" variant="light" role="alert" title="The report was not sent">
      {error.detail} Your draft is still here.
    </Alert>
  );
}

/** Back (after the first step) and Continue, or Send report on the last step. */
function StepButtons({ step, onBack, isSending }: { step: number; onBack: () => void; isSending: boolean }) {
  return (
    <Group justify="space-between" mt="xs">
      {step > 0 ? (
        <Button variant="default" onClick={onBack}>
          Back
        </Button>
      ) : (
        <span />
      )}
      <Button type="submit" loading={isSending}>
        {isLastStep(step) ? 'Send report' : 'Continue'}
      </Button>
    </Group>
  );
}
