import { Alert, Button, Grid, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useMemo, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useCoachAnalysis, useSendReply } from '../../api/coach.js';
import type { CaseDetail, CoachRequest } from '../../api/types.js';
import { promisesIn, type SuggestedPromise } from '../../lib/promises-in-reply.js';
import { FormProblem } from '../form-problem.js';
import { CoachPanel, HighlightedReply } from './coach-panel.js';
import { PromiseSuggestions } from './promise-suggestions.js';
import { type PickedReply, SavedReplyPicker } from './saved-reply-picker.js';

/** How long the typist pauses before the coach reads again: short enough to feel live, long enough not to ask per key. */
export const COACH_DEBOUNCE_MS = 250;

/** The latest customer statement that has not been corrected, to answer by default. */
function latestCustomerStatement(kase: CaseDetail): string {
  const corrected = new Set(kase.statements.map((s) => s.correctsId).filter(Boolean));
  const customer = kase.statements.filter((s) => s.party === 'customer' && !corrected.has(s.id));
  return customer.sort((a, b) => a.takenAt.localeCompare(b.takenAt)).at(-1)?.body ?? '';
}

/** How the reply reaches the customer: emailed from the case, or said in person / by phone and recorded. */
type Via = 'email' | 'spoken';

/** One plain sentence on where the reply goes, so nobody believes a customer without email was written to. */
function deliveryLine(kase: CaseDetail, via: Via): string {
  const name = kase.customer?.name ?? 'the customer';
  if (!kase.customer)
    return 'This case names no customer, so there is no one to email: the reply is recorded as said in person or by phone.';
  if (!kase.customer.hasEmail)
    return `${name} has no email address on file, so nothing is emailed: the reply is recorded as said in person or by phone.`;
  if (via === 'spoken') return `Nothing is emailed: the reply is recorded as said to ${name} in person or by phone.`;
  const to = kase.customer.email ? ` to ${kase.customer.email}` : '';
  return `Sending emails this reply to ${name}${to}; their answer comes back to this case.`;
}

/**
 * "Reply to the customer": the draft, the customer's message it answers, and the coach beside it
 * (below on phones), reading both as the employee types; sending emails the reply (or records it as
 * said in person when there is no address) and keeps it with its score on the timeline.
 */
export function ReplyComposer({ kase }: { kase: CaseDetail }) {
  const [customer, setCustomer] = useState(() => latestCustomerStatement(kase));
  const [body, setBody] = useState('');
  const [sentScore, setSentScore] = useState<number | null>(null);
  const [promises, setPromises] = useState<SuggestedPromise[]>([]);
  const canEmail = kase.customer?.hasEmail === true;
  const [via, setVia] = useState<Via>(canEmail ? 'email' : 'spoken');
  const [sentVia, setSentVia] = useState<Via>('email');
  const [picked, setPicked] = useState<PickedReply | null>(null);
  const [debounced] = useDebouncedValue({ customer, body }, COACH_DEBOUNCE_MS);
  const request = useMemo<CoachRequest>(
    () => ({
      ...(debounced.customer.trim() ? { customer: debounced.customer } : {}),
      ...(debounced.body.trim() ? { reply: debounced.body } : {}),
    }),
    [debounced.customer, debounced.body],
  );
  const analysis = useCoachAnalysis(request);
  const send = useSendReply(kase.ref);
  const sendError = send.error instanceof ApiError ? send.error : null;
  const shown = analysis.data;
  const analysedReply = shown?.request.reply ?? '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const sentText = body;
    send.mutate(
      {
        body,
        via: canEmail ? via : 'spoken',
        ...(customer.trim() ? { customerMessage: customer } : {}),
        ...(picked ? { savedReplyId: picked.id } : {}),
      },
      {
        onSuccess: (sent) => {
          setSentVia((sent.event.data.delivery as { via?: Via } | undefined)?.via ?? 'spoken');
          setSentScore(sent.analysis.reply?.score.total ?? null);
          setPromises(promisesIn(sentText, sent.analysis.reply, new Date()));
          setBody('');
          setPicked(null);
        },
      },
    );
  };

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Paper withBorder radius="md" p="md">
          <form onSubmit={submit} aria-label="Reply to the customer">
            <Stack gap="sm">
              <Textarea
                label="Customer’s message"
                description="What you are answering. Filled in from the customer’s latest statement; paste their newest message if it differs."
                autosize
                minRows={2}
                maxRows={6}
                value={customer}
                onChange={(e) => setCustomer(e.currentTarget.value)}
              />
              <SavedReplyPicker
                kase={kase}
                picked={picked}
                onPick={(next) => {
                  setPicked(next);
                  if (next) setBody((draft) => (draft.trim() ? `${draft.trimEnd()}\n\n${next.rendered.text}` : next.rendered.text));
                }}
              />
              <Textarea
                label="Your reply"
                description="Replies are kept on the timeline with the coach’s score."
                placeholder="I’m sorry about… What I can do is…"
                autosize
                minRows={4}
                maxRows={14}
                value={body}
                onChange={(e) => {
                  setBody(e.currentTarget.value);
                  setSentScore(null);
                  setPromises([]);
                }}
                error={sendError?.fieldError('body')}
                data-testid="reply-body"
              />
              {shown?.result.reply && analysedReply.trim() ? (
                <div>
                  <Text size="xs" fw={700} tt="uppercase" c="dimmed" id="coach-preview-label">
                    Your reply, marked by the coach
                  </Text>
                  <Text size="xs" c="dimmed" mb={4}>
                    Wavy red underline: to change. Solid green underline: a good move.
                  </Text>
                  <HighlightedReply text={analysedReply} result={shown.result} />
                </div>
              ) : null}
              {canEmail ? (
                <SegmentedControl
                  aria-label="How the reply reaches the customer"
                  value={via}
                  onChange={(v) => setVia(v as Via)}
                  data={[
                    { value: 'email', label: 'Email it' },
                    { value: 'spoken', label: 'Said in person / by phone' },
                  ]}
                />
              ) : null}
              <Text size="sm" c={canEmail ? 'dimmed' : 'orange.9'} data-testid="reply-delivery-line">
                {deliveryLine(kase, canEmail ? via : 'spoken')}
              </Text>
              <FormProblem error={send.error} fields={['body', 'via']} title="The reply was not sent" />
              {sentScore !== null ? (
                <Alert color="teal" variant="light" role="status" title={sentVia === 'email' ? 'Reply emailed' : 'Reply recorded'}>
                  {sentVia === 'email'
                    ? `It is queued for delivery and on the timeline with a score of ${sentScore}/100; the timeline shows when it is sent.`
                    : `It is on the timeline, as said in person or by phone, with a score of ${sentScore}/100.`}
                </Alert>
              ) : null}
              <PromiseSuggestions caseRef={kase.ref} promises={promises} />
              <Group justify="flex-end">
                <Button type="submit" loading={send.isPending} disabled={!body.trim()}>
                  {canEmail && via === 'email' ? 'Send reply' : 'Record reply'}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <CoachPanel result={shown?.result} analysedReply={analysedReply} busy={analysis.isFetching} />
        {analysis.error && !(analysis.error instanceof DOMException) ? (
          <Text size="sm" c="red.8" mt="xs" role="alert">
            The coach could not read this: {analysis.error.message}
          </Text>
        ) : null}
      </Grid.Col>
    </Grid>
  );
}
