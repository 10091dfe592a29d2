import {
  Alert,
  Button,
  Checkbox,
  Chip,
  Group,
  MultiSelect,
  Paper,
  Progress,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useCreateCase } from '../api/cases.js';
import { ApiError } from '../api/client.js';
import { useEmployees, useTeams } from '../api/directory.js';
import { useDeadlineSettings } from '../api/settings.js';
import type { Channel, CustomerState, ImpactKind, RiskFlag } from '../api/types.js';
import { useCurrentUser } from '../app/me-context.js';
import { CaseTypeSelect } from '../components/case/case-type-select.js';
import {
  CHANNEL_LABEL,
  CHANNELS,
  CUSTOMER_STATE_HINT,
  CUSTOMER_STATE_LABEL,
  CUSTOMER_STATES,
  IMPACT_KINDS,
  IMPACT_LABEL,
  RISK_FLAGS,
  RISK_LABEL,
  SEVERITY_HINT,
  SEVERITY_LABEL,
} from '../lib/labels.js';
import { clearDraft, draftToNewCase, EMPTY_DRAFT, loadDraft, type ReportDraft, saveDraft, suggestSeverity } from '../lib/report-draft.js';
import { browserStore } from '../lib/storage.js';
import { formatDateTime, relativeTime, toLocalInput } from '../lib/time.js';

const STEPS = ['What happened', 'Who was involved', 'The customer and what’s at stake', 'Check and send'] as const;

/** Which step shows each API field, so a server error takes the person to the right place. */
const FIELD_STEP: Record<string, number> = {
  title: 0,
  summary: 0,
  occurredAt: 0,
  channel: 0,
  teamId: 1,
  employees: 1,
  customer: 1,
  'customer.name': 1,
  'customer.email': 1,
  'customer.phone': 1,
  customerState: 2,
  riskFlags: 2,
  financialImpact: 2,
  'financialImpact.amount': 2,
  'financialImpact.currency': 2,
  severity: 3,
};

/** The guided incident report: four short steps, kept as a draft in this browser until it is sent. */
export function ReportPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const store = browserStore();
  const teams = useTeams();
  const employees = useEmployees();
  const create = useCreateCase();
  const caseTypes = useDeadlineSettings().data?.caseTypes ?? [];
  const [caseTypeId, setCaseTypeId] = useState<string | null>(null);
  const [restored] = useState(() => loadDraft(store, me.id));
  const [draft, setDraft] = useState<ReportDraft>(() => restored ?? { ...EMPTY_DRAFT, teamId: me.teamIds[0] ?? '' });
  const [step, setStep] = useState(0);
  const [showRestored, setShowRestored] = useState(Boolean(restored));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Keep the draft as it is typed, so a closed tab or a dead battery loses nothing.
  useEffect(() => {
    const id = window.setTimeout(() => saveDraft(store, me.id, draft, new Date()), 300);
    return () => window.clearTimeout(id);
  }, [draft, store, me.id]);

  const set = <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setLocalErrors((e) => {
      const { [key as string]: _gone, ...rest } = e;
      return rest;
    });
  };

  const apiError = create.error instanceof ApiError ? create.error : null;
  const fieldError = (field: string) => localErrors[field] ?? apiError?.fieldError(field);

  const goTo = (n: number) => {
    setStep(n);
    window.scrollTo({ top: 0 });
    window.setTimeout(() => headingRef.current?.focus(), 0);
  };

  const checkStep = (n: number): boolean => {
    const errors: Record<string, string> = {};
    if (n === 0) {
      if (!draft.title.trim()) errors.title = 'Give the incident a short title';
      if (!draft.summary.trim()) errors.summary = 'Describe what happened, even briefly';
      if (!draft.channel) errors.channel = 'Choose where it happened';
      if (draft.occurredAt && new Date(draft.occurredAt).getTime() > Date.now() + 5 * 60_000) errors.occurredAt = 'This is in the future';
    }
    if (n === 2 && !draft.customerState) errors.customerState = 'Choose the closest description';
    setLocalErrors(errors);
    return Object.keys(errors).length === 0;
  };

  const next = (e: FormEvent) => {
    e.preventDefault();
    if (!checkStep(step)) return;
    if (step < STEPS.length - 1) return goTo(step + 1);
    create.mutate(
      { ...draftToNewCase(draft, me), ...(caseTypeId ? { caseTypeId } : {}) },
      {
        onSuccess: (kase) => {
          clearDraft(store, me.id);
          void navigate({ to: '/cases/$ref', params: { ref: kase.ref }, search: { created: true } });
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          const steps = error.errors.map(
            (fe) => FIELD_STEP[fe.path.replace(/^body\./, '')] ?? FIELD_STEP[fe.path.replace(/^body\./, '').split('.')[0] ?? ''] ?? 3,
          );
          const first = Math.min(...steps, 3);
          if (first !== step) goTo(first);
        },
      },
    );
  };

  const startOver = () => {
    clearDraft(store, me.id);
    setDraft({ ...EMPTY_DRAFT, teamId: me.teamIds[0] ?? '' });
    setShowRestored(false);
    create.reset();
    goTo(0);
  };

  const suggested = suggestSeverity(draft);
  const otherEmployees = useMemo(
    () => (employees.data ?? []).filter((e) => e.id !== me.employeeId).map((e) => ({ value: e.id, label: e.name })),
    [employees.data, me.employeeId],
  );

  return (
    <Stack gap="md" maw={720} mx="auto">
      <div>
        <Title order={1} size="h2">
          Report an incident
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          Write it down while it’s fresh. It takes about three minutes; your answers are kept on this device until you send them.
        </Text>
      </div>
      {showRestored && restored ? (
        <Alert color="blue" variant="light" title="We kept your draft" withCloseButton onClose={() => setShowRestored(false)}>
          <Group justify="space-between" gap="xs">
            <Text size="sm">Picking up where you left off{restored.savedAt ? ` ${relativeTime(restored.savedAt)}` : ''}.</Text>
            <Button size="xs" variant="white" onClick={startOver}>
              Start over
            </Button>
          </Group>
        </Alert>
      ) : null}

      <div>
        <Group justify="space-between" mb={6}>
          <Text size="sm" fw={600}>
            Step {step + 1} of {STEPS.length}
          </Text>
          <Text size="sm" c="dimmed">
            {STEPS[step]}
          </Text>
        </Group>
        <Progress value={((step + 1) / STEPS.length) * 100} size="sm" aria-label={`Step ${step + 1} of ${STEPS.length}`} />
      </div>

      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={next} noValidate>
          <Stack gap="md">
            <Title order={2} size="h4" ref={headingRef} tabIndex={-1}>
              {STEPS[step]}
            </Title>

            {step === 0 ? (
              <>
                <TextInput
                  label="Title"
                  description="A few words you’d use to find it again, e.g. “Refund refused at the till”"
                  value={draft.title}
                  onChange={(e) => set('title', e.currentTarget.value)}
                  error={fieldError('title')}
                  maxLength={200}
                  required
                />
                <Textarea
                  label="What happened?"
                  description="In your own words: what the customer wanted, what was said and done, and how it ended."
                  autosize
                  minRows={5}
                  maxRows={14}
                  value={draft.summary}
                  onChange={(e) => set('summary', e.currentTarget.value)}
                  error={fieldError('summary')}
                  required
                />
                <TextInput
                  type="datetime-local"
                  label="When did it happen?"
                  description="Leave empty if it was just now"
                  value={draft.occurredAt}
                  max={toLocalInput(new Date())}
                  onChange={(e) => set('occurredAt', e.currentTarget.value)}
                  error={fieldError('occurredAt')}
                />
                <Stack gap={6}>
                  <Text size="sm" fw={500} id="channel-label">
                    Where did it happen? <span aria-hidden="true">*</span>
                  </Text>
                  <Chip.Group value={draft.channel} onChange={(v) => set('channel', v as Channel)}>
                    <Group gap="xs" role="radiogroup" aria-labelledby="channel-label">
                      {CHANNELS.map((c) => (
                        <Chip key={c} value={c} type="radio">
                          {CHANNEL_LABEL[c]}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                  {fieldError('channel') ? (
                    <Text size="xs" c="red.8" role="alert">
                      {fieldError('channel')}
                    </Text>
                  ) : null}
                </Stack>
              </>
            ) : null}

            {step === 1 ? (
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
                  data={otherEmployees}
                  value={draft.otherEmployeeIds}
                  onChange={(v) => set('otherEmployeeIds', v)}
                  searchable
                  nothingFoundMessage="No one by that name"
                  error={fieldError('employees')}
                />
                {(teams.data?.length ?? 0) > 0 ? (
                  <Select
                    label="Team or location"
                    data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
                    value={draft.teamId || null}
                    onChange={(v) => set('teamId', v ?? '')}
                    error={fieldError('teamId')}
                    clearable
                  />
                ) : null}
                {caseTypes.length > 0 ? (
                  <CaseTypeSelect types={caseTypes} value={caseTypeId} onChange={setCaseTypeId} label="Kind of complaint" />
                ) : null}
                <Text size="sm" fw={500} mt="xs">
                  The customer{' '}
                  <Text span c="dimmed" size="sm" fw={400}>
                    (if you know)
                  </Text>
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <TextInput
                    label="Name"
                    value={draft.customerName}
                    onChange={(e) => set('customerName', e.currentTarget.value)}
                    error={fieldError('customer.name')}
                    autoComplete="off"
                  />
                  <TextInput
                    label="Email"
                    type="email"
                    value={draft.customerEmail}
                    onChange={(e) => set('customerEmail', e.currentTarget.value)}
                    error={fieldError('customer.email')}
                    autoComplete="off"
                  />
                  <TextInput
                    label="Phone"
                    type="tel"
                    value={draft.customerPhone}
                    onChange={(e) => set('customerPhone', e.currentTarget.value)}
                    error={fieldError('customer.phone')}
                    autoComplete="off"
                  />
                </SimpleGrid>
              </>
            ) : null}

            {step === 2 ? (
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
            ) : null}

            {step === 3 ? (
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
                <Text size="xs" c="dimmed">
                  Once sent, the report goes to your team’s supervisor. You can add your full statement on the case page.
                </Text>
              </>
            ) : null}

            {apiError && apiError.errors.length === 0 ? (
              <Alert color="red" variant="light" role="alert" title="The report was not sent">
                {apiError.detail} Your draft is still here.
              </Alert>
            ) : null}

            <Group justify="space-between" mt="xs">
              {step > 0 ? (
                <Button variant="default" onClick={() => goTo(step - 1)}>
                  Back
                </Button>
              ) : (
                <span />
              )}
              <Button type="submit" loading={create.isPending}>
                {step < STEPS.length - 1 ? 'Continue' : 'Send report'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
