import { Button, Divider, Group, Modal, SegmentedControl, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { MAX_WHYS } from '../../../../src/contracts/vocabulary.js';
import { useTransitionWith } from '../../api/cases.js';
import { ApiError } from '../../api/client.js';
import { useCommitments } from '../../api/commitments.js';
import { useCaseFollowUps } from '../../api/follow-ups.js';
import type { CaseDetail, Commitment, FollowUp } from '../../api/types.js';
import { dueWords } from '../../lib/due-words.js';
import { ROOT_CAUSE_LABEL, ROOT_CAUSES, type RootCauseCategory } from '../../lib/labels.js';
import { FormProblem } from '../form-problem.js';

type Category = RootCauseCategory;
const CATEGORIES = ROOT_CAUSES.map((value) => ({ value, label: ROOT_CAUSE_LABEL[value] }));

type PromiseEnd = 'kept' | 'cancelled' | 'broken';
type FollowUpChoice = { action: 'keep' | 'cancel'; reason: string };

/**
 * What is still open when a case closes: each promise is marked kept, cancelled or broken, each
 * planned follow-up kept or cancelled (its survey link then stops working), and a reason to go on.
 */
function OpenItems(props: {
  promises: Commitment[];
  followUps: FollowUp[];
  ends: Record<string, PromiseEnd>;
  setEnd: (id: string, end: PromiseEnd) => void;
  choices: Record<string, FollowUpChoice>;
  setChoice: (id: string, choice: FollowUpChoice) => void;
  proceedReason: string;
  setProceedReason: (v: string) => void;
  problem: ApiError | null;
}) {
  const { promises, followUps, ends, setEnd, choices, setChoice } = props;
  return (
    <Stack gap="sm" data-testid="close-open-items">
      <Divider label="Still open on this case" labelPosition="left" />
      {promises.map((c) => (
        <Stack key={c.id} gap={4} data-testid="close-promise">
          <Text size="sm">
            Promise: {c.text} by {dueWords(c.dueAt)} ({c.ownerName})
          </Text>
          <SegmentedControl
            size="xs"
            aria-label={`How did the promise “${c.text}” end?`}
            value={ends[c.id] ?? ''}
            onChange={(v) => setEnd(c.id, v as PromiseEnd)}
            data={[
              { value: 'kept', label: 'Kept' },
              { value: 'cancelled', label: 'Cancelled' },
              { value: 'broken', label: 'Broken' },
            ]}
          />
        </Stack>
      ))}
      {followUps.map((f) => {
        const choice = choices[f.id];
        return (
          <Stack key={f.id} gap={4} data-testid="close-follow-up">
            <Text size="sm">
              Follow-up with {f.party === 'customer' ? `the customer (${f.name})` : f.name}:{' '}
              {f.status === 'sent' ? 'sent, waiting for an answer' : `planned for ${dueWords(f.dueAt)}`}
            </Text>
            <SegmentedControl
              size="xs"
              aria-label={`Keep the follow-up with ${f.name}?`}
              value={choice?.action ?? ''}
              onChange={(v) => setChoice(f.id, { action: v as FollowUpChoice['action'], reason: choice?.reason ?? '' })}
              data={[
                { value: 'keep', label: 'Keep it' },
                { value: 'cancel', label: 'Cancel it' },
              ]}
            />
            {choice?.action === 'cancel' ? (
              <TextInput
                size="xs"
                label="Why cancel it?"
                description={f.party === 'customer' ? 'The survey link stops working.' : undefined}
                value={choice.reason}
                onChange={(e) => setChoice(f.id, { action: 'cancel', reason: e.currentTarget.value })}
              />
            ) : null}
          </Stack>
        );
      })}
      <Textarea
        label="Why close it with these still open?"
        description="Kept on the timeline with the close."
        autosize
        minRows={2}
        value={props.proceedReason}
        onChange={(e) => props.setProceedReason(e.currentTarget.value)}
        error={props.problem?.fieldError('proceedReason')}
        required
      />
    </Stack>
  );
}

/**
 * Closing a case records how it ended and why it happened: a kind of root cause, a chain of
 * "why?" answers (ask why again until the answer is something you can change) and what else
 * contributed. Nothing changes until the form is complete.
 */
export function CloseCaseDialog({ kase, opened, onClose }: { kase: CaseDetail; opened: boolean; onClose: () => void }) {
  const transition = useTransitionWith(kase.ref);
  const commitments = useCommitments(kase.ref);
  const followUps = useCaseFollowUps(kase.ref);
  const openPromises = (commitments.data ?? []).filter((c) => c.status === 'open');
  const plannedFollowUps = (followUps.data ?? []).filter((f) => f.status === 'scheduled' || f.status === 'sent');
  const hasOpenItems = openPromises.length + plannedFollowUps.length > 0;
  const [ends, setEnds] = useState<Record<string, PromiseEnd>>({});
  const [choices, setChoices] = useState<Record<string, FollowUpChoice>>({});
  const [proceedReason, setProceedReason] = useState('');
  const [outcome, setOutcome] = useState('');
  const [category, setCategory] = useState<Category | null>(null);
  const [whys, setWhys] = useState<string[]>(['']);
  const [factors, setFactors] = useState<string[]>([]);
  const problem = transition.error instanceof ApiError ? transition.error : null;

  const submit = () =>
    transition.mutate(
      {
        to: 'closed',
        outcome: outcome.trim(),
        ...(category ? { rootCause: { category, whys: whys.map((w) => w.trim()).filter(Boolean), factors } } : {}),
        ...(hasOpenItems
          ? {
              ...(proceedReason.trim() ? { proceedReason: proceedReason.trim() } : {}),
              promises: openPromises.flatMap((c) => (ends[c.id] ? [{ id: c.id, status: ends[c.id] as PromiseEnd }] : [])),
              followUps: plannedFollowUps.flatMap((f) => {
                const choice = choices[f.id];
                if (!choice) return [];
                return [{ id: f.id, action: choice.action, ...(choice.reason.trim() ? { reason: choice.reason.trim() } : {}) }];
              }),
            }
          : {}),
      },
      { onSuccess: onClose },
    );

  return (
    <Modal opened={opened} onClose={onClose} title={`Close ${kase.ref}`} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Before a case closes, write down how it ended and what caused it, so the same thing is less likely to happen again.
        </Text>
        <Textarea
          label="Outcome"
          description="How did it end for the customer and for the team?"
          autosize
          minRows={2}
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value)}
          error={problem?.fieldError('outcome')}
          required
        />
        <Select
          label="Kind of root cause"
          placeholder="Choose one"
          data={CATEGORIES}
          value={category}
          onChange={(v) => setCategory(v as Category | null)}
          error={problem?.fieldError('rootCause.category')}
          required
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Why did it happen?
          </Text>
          <Text size="xs" c="dimmed">
            Answer "why?", then ask "why?" about your answer, up to five times.
          </Text>
          {whys.map((why, i) => (
            <TextInput
              // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows at the end, so the position is the identity
              key={i}
              aria-label={`Why, answer ${i + 1}`}
              placeholder={i === 0 ? 'Why did the customer complain?' : 'Why was that?'}
              value={why}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setWhys((list) => list.map((w, j) => (j === i ? value : w)));
              }}
              error={i === whys.length - 1 ? problem?.fieldError('rootCause.whys') : undefined}
            />
          ))}
          {whys.length < MAX_WHYS ? (
            <Button size="xs" variant="subtle" style={{ alignSelf: 'flex-start' }} onClick={() => setWhys((list) => [...list, ''])}>
              Ask why again
            </Button>
          ) : null}
        </Stack>
        <TagsInput
          label="Contributing factors"
          description="Anything else that made it worse (press Enter after each)"
          value={factors}
          onChange={setFactors}
          maxTags={10}
        />
        {hasOpenItems ? (
          <OpenItems
            promises={openPromises}
            followUps={plannedFollowUps}
            ends={ends}
            setEnd={(id, end) => setEnds((all) => ({ ...all, [id]: end }))}
            choices={choices}
            setChoice={(id, choice) => setChoices((all) => ({ ...all, [id]: choice }))}
            proceedReason={proceedReason}
            setProceedReason={setProceedReason}
            problem={problem}
          />
        ) : null}
        <FormProblem
          error={transition.error}
          fields={['outcome', 'rootCause.category', 'rootCause.whys', 'proceedReason']}
          title="The case was not closed"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={transition.isPending}>
            Close the case
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
