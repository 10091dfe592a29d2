import { Accordion, Alert, Badge, Button, Checkbox, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useAnswerFollowUp, useMyFollowUps } from '../api/follow-ups.js';
import type { MyFollowUp } from '../api/types.js';

/**
 * An employee's own "How did it go?" check-ins after their cases were resolved: one list, each
 * opening its short form, so several of them never push the employee's cases down the page.
 */
export function FollowUpAnswerCards() {
  const mine = useMyFollowUps();
  if (!mine.data || mine.data.length === 0) return null;
  return (
    <section aria-labelledby="follow-up-list">
      <Group gap="xs" mb="sm">
        <Title order={2} size="h4" id="follow-up-list">
          How did it go?
        </Title>
        <Badge variant="light">{mine.data.length}</Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        A few questions about cases of yours that were resolved. Your answers go to your supervisor only.
      </Text>
      <Accordion variant="separated" radius="md">
        {mine.data.map((f) => (
          <Accordion.Item key={f.id} value={f.id}>
            <Accordion.Control>
              {f.caseRef} — {f.caseTitle}
            </Accordion.Control>
            <Accordion.Panel>
              <AnswerCard followUp={f} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </section>
  );
}

function AnswerCard({ followUp }: { followUp: MyFollowUp }) {
  const answer = useAnswerFollowUp();
  const [felt, setFelt] = useState<string>('');
  const [wantsTraining, setTraining] = useState(false);
  const [wantsHelp, setHelp] = useState(false);
  const [comment, setComment] = useState('');
  const titleId = `follow-up-${followUp.id}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!felt) return;
    answer.mutate({
      id: followUp.id,
      answer: { feltSupported: Number(felt), wantsTraining, wantsHelp, ...(comment.trim() ? { comment } : {}) },
    });
  };

  return (
    <Paper p={0} component="form" onSubmit={submit} aria-labelledby={titleId} data-testid="follow-up-card">
      <Title order={3} size="h5" id={titleId}>
        How did it go on {followUp.caseRef}?
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Case{' '}
        <Link to="/cases/$ref" params={{ ref: followUp.caseRef }}>
          {followUp.caseRef}
        </Link>{' '}
        ({followUp.caseTitle}) is resolved. Your answer goes to your supervisor only.
      </Text>
      <Stack gap="sm">
        <Radio.Group label="How supported did you feel? (1 = not at all, 5 = fully)" value={felt} onChange={setFelt} required>
          <Group gap="md" mt={4}>
            {['1', '2', '3', '4', '5'].map((n) => (
              <Radio key={n} value={n} label={n} />
            ))}
          </Group>
        </Radio.Group>
        <Checkbox
          label="I would like some training for moments like this"
          checked={wantsTraining}
          onChange={(e) => setTraining(e.currentTarget.checked)}
        />
        <Checkbox label="I would like to talk with my supervisor" checked={wantsHelp} onChange={(e) => setHelp(e.currentTarget.checked)} />
        <Textarea
          label="Anything else? (optional)"
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        {answer.error ? (
          <Alert color="red" variant="light" role="alert">
            {answer.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={answer.isPending} disabled={!felt}>
            Send my answer
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
