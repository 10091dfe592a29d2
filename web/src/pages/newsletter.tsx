import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useApproveNewsletter, useCreateNewsletter, useNewsletters, useSendNewsletter, useUpdateNewsletter } from '../api/digests.js';
import type { Digest } from '../api/types.js';
import { useCurrentUser } from '../app/me-context.js';
import { RedactionPanel } from '../components/digest/redaction-panel.js';
import { StoryCard } from '../components/digest/story-card.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { EmptyState } from '../components/states.js';
import { formatDate } from '../lib/time.js';

/** The newsletter: what we learned from recent conflicts, with nobody in it recognisable. */
export function NewsletterPage() {
  const me = useCurrentUser();
  const list = useNewsletters();
  const reviewer = me.can.reviewNewsletters;
  const min = list.data?.minGroupSize;
  return (
    <Stack gap="md">
      <PageHeader
        title="Newsletter"
        description={`Stories from recent conflicts, with the lesson and what helps next time. Names, contact details, numbers and exact dates are removed, and a story is left out when its team has fewer than ${min ?? 'the minimum number of'} people, so colleagues cannot tell who it is. A reviewer approves each newsletter before anyone else sees it or it is mailed.`}
      />
      {reviewer ? <DraftNewsletter /> : null}
      <QueryState
        query={list}
        label="Loading newsletters"
        rows={3}
        isEmpty={(l) => l.items.length === 0}
        empty={
          <EmptyState title="No newsletter yet">
            {reviewer ? 'Draft one from the cases of the last weeks.' : 'Approved newsletters appear here.'}
          </EmptyState>
        }
      >
        {(l) => (
          <Stack gap="md">
            {l.items.map((n) => (
              <NewsletterCard key={n.id} newsletter={n} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function DraftNewsletter() {
  const create = useCreateNewsletter();
  const [since, setSince] = useState(() => new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="draft-heading">
      <Title order={2} size="h5" id="draft-heading" mb="xs">
        Draft a newsletter
      </Title>
      <Group gap="xs" align="flex-end">
        <TextInput type="date" size="sm" label="Cases reported since" value={since} onChange={(e) => setSince(e.currentTarget.value)} />
        <Button size="sm" loading={create.isPending} disabled={!since} onClick={() => create.mutate({ since })}>
          Draft newsletter
        </Button>
      </Group>
      <FormProblem error={create.error} title="The newsletter was not drafted" />
    </Paper>
  );
}

function NewsletterCard({ newsletter: n }: { newsletter: Digest }) {
  const update = useUpdateNewsletter();
  const approve = useApproveNewsletter();
  const send = useSendNewsletter();
  const [to, setTo] = useState('');
  const [mode, setMode] = useState<'review' | 'preview'>('review');
  const review = n.can.update && n.status === 'draft';
  const highlight = review && mode === 'review';
  const addresses = to.split(/[\s,;]+/).filter(Boolean);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={n.title} data-testid="newsletter">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4">
            {n.title}
          </Title>
          <Badge color={n.sentAt ? 'teal' : n.status === 'approved' ? 'blue' : 'gray'} variant="light">
            {n.sentAt
              ? `Mailed ${formatDate(n.sentAt)}`
              : n.status === 'approved'
                ? `Approved ${formatDate(n.approvedAt ?? n.updatedAt)}`
                : 'Draft: not approved'}
          </Badge>
        </Group>
        {review ? (
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(v) => setMode(v as 'review' | 'preview')}
            data={[
              { value: 'review', label: 'Review redactions' },
              { value: 'preview', label: 'Preview as readers see it' },
            ]}
            aria-label="How to show the stories"
          />
        ) : null}
        <div data-testid={highlight ? 'newsletter-review' : 'newsletter-preview'}>
          <Stack gap="sm">
            {n.stories.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a story is addressed by its place in the newsletter
              <Stack key={`${n.id}-${i}`} gap={6}>
                <StoryCard story={s} kind="newsletter" highlight={highlight} />
                {highlight ? (
                  <>
                    <RedactionPanel story={s} busy={update.isPending} onChange={(c) => update.mutate({ id: n.id, story: i, ...c })} />
                    <Group>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        disabled={update.isPending}
                        onClick={() => update.mutate({ id: n.id, story: i, remove: true })}
                      >
                        Leave this story out
                      </Button>
                    </Group>
                  </>
                ) : null}
              </Stack>
            ))}
          </Stack>
        </div>
        {n.stories.length === 0 ? <Text c="dimmed">No story: there was no finished case to tell.</Text> : null}
        {n.leftOut ? (
          <Alert variant="light" color="gray">
            {n.leftOut}
          </Alert>
        ) : null}
        {n.can.update || n.can.approve ? (
          <Text size="xs" c="dimmed">
            {n.rules.join(' ')}
          </Text>
        ) : null}
        <Group gap="xs" align="flex-end">
          {n.can.approve ? (
            <Button size="sm" loading={approve.isPending} onClick={() => approve.mutate(n.id)}>
              Approve newsletter
            </Button>
          ) : null}
          {n.can.send ? (
            <>
              <Textarea
                size="xs"
                label="Mail it to (addresses)"
                autosize
                minRows={1}
                value={to}
                onChange={(e) => setTo(e.currentTarget.value)}
                style={{ flex: 1 }}
              />
              <Button
                size="xs"
                variant="light"
                disabled={addresses.length === 0}
                loading={send.isPending}
                onClick={() => send.mutate({ id: n.id, to: addresses })}
              >
                Send
              </Button>
            </>
          ) : null}
        </Group>
        {n.sentTo.length ? <Text size="xs">Mailed to {n.sentTo.join(', ')}</Text> : null}
        <FormProblem error={update.error ?? approve.error ?? send.error} title="The newsletter did not change" />
      </Stack>
    </Paper>
  );
}
