import { Group, Progress, Text } from '@mantine/core';
import { REPORT_STEPS } from '../../lib/report-steps.js';

/** "Step 2 of 4", the step's name, and a bar that fills as the report goes on. */
export function ReportProgress({ step }: { step: number }) {
  return (
    <div>
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={600}>
          Step {step + 1} of {REPORT_STEPS.length}
        </Text>
        <Text size="sm" c="dimmed">
          {REPORT_STEPS[step]}
        </Text>
      </Group>
      <Progress value={((step + 1) / REPORT_STEPS.length) * 100} size="sm" aria-label={`Step ${step + 1} of ${REPORT_STEPS.length}`} />
    </div>
  );
}
