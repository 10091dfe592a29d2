import { Button, Group, Modal, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { MAX_WHYS, ROOT_CAUSE_CATEGORIES } from '../../../../src/contracts/vocabulary.js';
import { useTransitionWith } from '../../api/cases.js';
import { ApiError } from '../../api/client.js';
import type { CaseDetail, RootCauseInput } from '../../api/types.js';
import { FormProblem } from '../form-problem.js';

type Category = RootCauseInput['category'];

/** What people read for each kind of root cause; typed by the API's list, so a new kind cannot go unlabelled. */
const CATEGORY_LABEL: Record<Category, string> = {
  process: 'A process or procedure',
  policy: 'A policy (unclear, too strict, missing)',
  product: 'The product or service itself',
  communication: 'Communication',
  staffing: 'Staffing or workload',
  training: 'Training',
  customer_expectation: 'What the customer expected',
  employee_conduct: 'How an employee behaved',
  other: 'Something else',
};
const CATEGORIES = ROOT_CAUSE_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABEL[value] }));

/**
 * Closing a case records how it ended and why it happened: a kind of root cause, a chain of
 * "why?" answers (ask why again until the answer is something you can change) and what else
 * contributed. Nothing changes until the form is complete.
 */
export function CloseCaseDialog({ kase, opened, onClose }: { kase: CaseDetail; opened: boolean; onClose: () => void }) {
  const transition = useTransitionWith(kase.ref);
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
        <FormProblem
          error={transition.error}
          fields={['outcome', 'rootCause.category', 'rootCause.whys']}
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
