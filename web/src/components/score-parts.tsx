import { Box, Group, Progress, Stack, Text } from '@mantine/core';
import type { ScorePart } from '../api/types.js';
import { SCORE_PART_LABEL, SCORE_PARTS, scoreColor } from '../lib/coach-labels.js';

/** The coach's score parts, each with its value, a bar and the reason: one reply's, or a practice session's. */
export function ScoreParts({ parts, mt }: { parts: Record<ScorePart, { value: number; reason: string }>; mt?: number | undefined }) {
  return (
    <Stack gap={6} {...(mt === undefined ? {} : { mt })}>
      {SCORE_PARTS.map((part) => {
        const p = parts[part];
        return (
          <Box key={part}>
            <Group justify="space-between" gap={4}>
              <Text size="sm">{SCORE_PART_LABEL[part]}</Text>
              <Text size="sm" fw={600}>
                {p.value}
              </Text>
            </Group>
            <Progress value={p.value} color={scoreColor(p.value)} size="sm" aria-label={`${SCORE_PART_LABEL[part]}: ${p.value} of 100`} />
            <Text size="xs" c="dark.5">
              {p.reason}
            </Text>
          </Box>
        );
      })}
    </Stack>
  );
}
