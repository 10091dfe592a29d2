import { Alert, Badge, Box, Group, List, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { CoachResult } from '../../api/types.js';
import { EMOTION_LABEL, ESCALATION_LABEL, MOVE_LABEL, PROBLEM_LABEL, scoreTextColor, WANT_LABEL } from '../../lib/coach-labels.js';
import { highlightSpans, type Mark } from '../../lib/highlight-spans.js';
import { ScoreParts } from '../score-parts.js';

/** A finding of the learned model names the words that weighed most, so it explains itself like a rule's span does. */
function learnedLabel(label: string, cues: readonly string[] | undefined): string {
  return cues?.length ? `${label} (learned from “${cues.join('”, “')}”)` : label;
}

/** The coach's findings as marks on the reply text: problems and moves, each named. */
export function replyMarks(result: CoachResult): Mark[] {
  const reply = result.reply;
  if (!reply) return [];
  return [
    ...reply.moves.map((m) => ({ span: m.span, tone: 'move' as const, label: learnedLabel(MOVE_LABEL[m.kind], m.model?.cues) })),
    ...reply.problems.map((p) => ({ span: p.span, tone: 'problem' as const, label: PROBLEM_LABEL[p.kind] })),
  ];
}

/** A read-only copy of the reply with the coach's spans marked; each mark says what it is to a screen reader too. */
export function HighlightedReply({ text, result }: { text: string; result: CoachResult }) {
  const runs = highlightSpans(text, replyMarks(result));
  return (
    <Box className="coach-preview" fz="sm" p="sm" bg="gray.0" style={{ borderRadius: 6 }} data-testid="coach-preview">
      {runs.map((r) =>
        r.tone ? (
          <mark key={r.start} className="coach-mark" data-tone={r.tone} title={r.labels.join(', ')}>
            {r.text}
            <VisuallyHidden>
              {' '}
              ({r.tone === 'problem' ? 'problem' : 'good move'}: {r.labels.join(', ')})
            </VisuallyHidden>
          </mark>
        ) : (
          <span key={r.start}>{r.text}</span>
        ),
      )}
    </Box>
  );
}

/** What the coach reads in the customer's message and the draft reply: emotion, flags, moves, problems, score with reasons. */
export function CoachPanel({ result, analysedReply, busy }: { result: CoachResult | undefined; analysedReply: string; busy: boolean }) {
  const customer = result?.customer;
  const reply = result?.reply;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-label="Coach"
      aria-busy={busy}
      data-testid="coach-panel"
      data-analysed={analysedReply}
    >
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Coach
        </Title>
        {busy ? (
          <Text size="xs" c="dimmed">
            Reading…
          </Text>
        ) : null}
      </Group>
      {!result ? (
        <Text size="sm" c="dimmed">
          Start typing your reply: the coach reads it as you write and shows what works and what to change.
        </Text>
      ) : (
        <Stack gap="md">
          {customer ? (
            <Box>
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                The customer
              </Text>
              <Group gap={6} mt={4}>
                <Badge variant="light" color={customer.emotion === 'neutral' || customer.emotion === 'gratitude' ? 'gray' : 'orange'}>
                  {EMOTION_LABEL[customer.emotion]}
                </Badge>
                <Text size="sm">intensity {Math.round(customer.intensity * 100)}%</Text>
              </Group>
              {customer.model?.cues.length ? (
                <Text size="xs" c="dimmed" mt={4} data-testid="coach-emotion-cues">
                  Read from “{customer.model.cues.join('”, “')}”
                </Text>
              ) : null}
              {customer.escalation.length ? (
                <Group gap={6} mt={6} aria-label="Escalation warnings">
                  {customer.escalation.map((e) => (
                    <Badge key={`${e.kind}-${e.span[0]}`} color="red" variant="outline" size="sm">
                      ⚠ {ESCALATION_LABEL[e.kind]}
                    </Badge>
                  ))}
                </Group>
              ) : null}
              {customer.wants.length ? (
                <Text size="sm" mt={6}>
                  Wants: {[...new Set(customer.wants.map((w) => WANT_LABEL[w.kind]))].join(', ')}
                </Text>
              ) : null}
            </Box>
          ) : null}
          {reply ? (
            <>
              <Box>
                <Group justify="space-between" align="baseline">
                  <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                    Score
                  </Text>
                  <Text fw={700} size="xl" c={scoreTextColor(reply.score.total)} data-testid="coach-score">
                    {reply.score.total}
                    <Text span size="sm" c="dimmed">
                      {' '}
                      / 100
                    </Text>
                  </Text>
                </Group>
                <ScoreParts parts={reply.score.parts} mt={4} />
              </Box>
              <Box>
                <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                  Moves made
                </Text>
                {reply.moves.length ? (
                  <Group gap={6} mt={4} data-testid="coach-moves">
                    {reply.moves.map((m) => (
                      <Badge
                        key={`${m.kind}-${m.span[0]}`}
                        color="teal"
                        variant="light"
                        title={m.model ? learnedLabel(MOVE_LABEL[m.kind], m.model.cues) : undefined}
                      >
                        ✓ {MOVE_LABEL[m.kind]}
                        {m.kind === 'question' && m.open !== undefined ? (m.open ? ' (open)' : ' (yes/no)') : ''}
                      </Badge>
                    ))}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    None yet.
                  </Text>
                )}
              </Box>
              {reply.missing.length ? (
                <Box>
                  <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                    Missing
                  </Text>
                  <Group gap={6} mt={4}>
                    {reply.missing.map((m) => (
                      <Badge key={m} color="gray" variant="outline">
                        + {MOVE_LABEL[m]}
                      </Badge>
                    ))}
                  </Group>
                </Box>
              ) : null}
              {reply.problems.length ? (
                <Alert color="red" variant="light" title="To change" p="xs" data-testid="coach-problems">
                  <List size="sm" spacing={2}>
                    {reply.problems.map((p) => (
                      <List.Item key={`${p.kind}-${p.span[0]}`}>
                        <b>{PROBLEM_LABEL[p.kind]}</b>: “{analysedReply.slice(p.span[0], p.span[1])}”
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              ) : null}
              {reply.suggestions.length ? (
                <Box>
                  <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                    Try
                  </Text>
                  <List size="sm" spacing={2} mt={4}>
                    {reply.suggestions.map((s) => (
                      <List.Item key={s}>{s}</List.Item>
                    ))}
                  </List>
                </Box>
              ) : null}
            </>
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}
