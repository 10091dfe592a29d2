import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useResolution } from '../../api/resolutions.js';
import type { CaseDetail } from '../../api/types.js';
import { rootCauseLabel } from '../../lib/labels.js';
import { formatMoney } from '../../lib/time.js';

/**
 * "Resolution & root cause": how the case ended and why it happened, as recorded at close, with the
 * agreed solution beside it, so the record says what happened without opening the timeline.
 */
export function ResolutionRecord({ kase }: { kase: CaseDetail }) {
  const resolution = useResolution(kase.ref);
  if (!kase.outcome && !kase.rootCause) return null;
  const r = resolution.data ?? null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="record-heading" data-testid="resolution-record">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="record-heading">
          Resolution & root cause
        </Title>
        {kase.rootCause ? (
          <Badge variant="light" color="grape" data-testid="root-cause-category">
            {rootCauseLabel(kase.rootCause.category)}
          </Badge>
        ) : null}
      </Group>
      <Stack gap={6}>
        {kase.outcome ? (
          <Text size="sm">
            <strong>Outcome:</strong> <span data-testid="case-outcome">{kase.outcome}</span>
          </Text>
        ) : null}
        {r ? (
          <Text size="sm">
            <strong>Agreed solution:</strong> {r.solution} ({formatMoney(r.cost.amount, r.cost.currency)})
          </Text>
        ) : null}
        {kase.rootCause && kase.rootCause.whys.length > 0 ? (
          <>
            <Text size="sm" fw={700}>
              Why it happened
            </Text>
            <List type="ordered" size="sm" data-testid="root-cause-whys">
              {kase.rootCause.whys.map((why) => (
                <List.Item key={why}>{why}</List.Item>
              ))}
            </List>
          </>
        ) : null}
        {kase.rootCause && kase.rootCause.factors.length > 0 ? (
          <Text size="sm">
            <strong>What else contributed:</strong> {kase.rootCause.factors.join('; ')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
