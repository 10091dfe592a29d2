import { Button, Paper, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useDraftFromCase } from '../../api/training-assignments.js';
import { FormProblem } from '../form-problem.js';

/** On a closed case, for supervisors: turn it into a practice scenario (redacted, a draft to edit before publishing). */
export function TrainingFromCaseCard({ refId }: { refId: string }) {
  const draft = useDraftFromCase();
  const navigate = useNavigate();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="train-from-case">
      <Title order={2} size="h5" id="train-from-case" mb={4}>
        Train from this case
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Names, contact details and numbers are taken out. You get a draft to edit; nobody practises it until you publish it.
      </Text>
      <Button
        size="xs"
        variant="light"
        loading={draft.isPending}
        onClick={() =>
          draft.mutate(refId, { onSuccess: (s) => void navigate({ to: '/training/scenarios/$key/edit', params: { key: s.key } }) })
        }
      >
        Make a practice scenario
      </Button>
      <FormProblem error={draft.error} fields={[]} title="No scenario was made" />
    </Paper>
  );
}
