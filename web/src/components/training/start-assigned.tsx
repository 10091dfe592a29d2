import { Button } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useStartSession } from '../../api/training.js';
import { FormProblem } from '../form-problem.js';

/** Starts the session an assignment asks for (practice or certification), at the scenario's first difficulty. */
export function StartAssigned({ scenarioKey, title, mode }: { scenarioKey: string; title: string; mode: 'practice' | 'certification' }) {
  const start = useStartSession();
  const navigate = useNavigate();
  const verb = mode === 'certification' ? 'Certify in' : 'Practise';
  return (
    <>
      <Button
        size="xs"
        loading={start.isPending}
        aria-label={`${verb} “${title}”`}
        onClick={() =>
          start.mutate(
            { scenarioKey, difficulty: 'patient', mode },
            { onSuccess: (session) => void navigate({ to: '/training/sessions/$id', params: { id: session.id } }) },
          )
        }
      >
        {mode === 'certification' ? 'Certify' : 'Practise'}
      </Button>
      <FormProblem error={start.error} fields={[]} title="The session did not start" />
    </>
  );
}
