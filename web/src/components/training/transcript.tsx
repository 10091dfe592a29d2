import { Badge, Box, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { PracticeTurn } from '../../api/types.js';
import { MOVE_LABEL, PROBLEM_LABEL, SCORE_PART_LABEL, SCORE_PARTS } from '../../lib/coach-labels.js';
import { MOOD_COLOR, MOOD_LABEL } from '../../lib/training-labels.js';
import { HighlightedReply } from '../case/coach-panel.js';

/** A line of the conversation: the customer on the left, you on the right. */
function Bubble({ who, name, children }: { who: 'customer' | 'you'; name: string; children: React.ReactNode }) {
  const mine = who === 'you';
  return (
    <Box style={{ display: 'flex', justifyContent: mine ? 'flex-end' : 'flex-start' }}>
      <Paper
        radius="md"
        p="sm"
        maw="min(100%, 560px)"
        bg={mine ? 'blue.0' : 'gray.1'}
        withBorder={mine}
        data-testid={mine ? 'employee-line' : 'customer-line'}
      >
        <Text size="xs" fw={700} c="dark.5">
          {name}
        </Text>
        {children}
      </Paper>
    </Box>
  );
}

/** What the coach found in one reply, what the playbook step wanted, and how the customer's mood moved. */
function TurnFindings({ turn }: { turn: PracticeTurn }) {
  const r = turn.reading;
  return (
    <Box component="details" mt={6} data-testid="turn-findings">
      <Text component="summary" size="xs" c="blue.8" style={{ cursor: 'pointer' }}>
        Coach: {r.score.total}/100 · customer {MOOD_LABEL[turn.moodBefore].toLowerCase()} → {MOOD_LABEL[turn.moodAfter].toLowerCase()}
      </Text>
      <Stack gap={6} mt={6}>
        {turn.step ? (
          <Text size="xs">
            <b>Step “{turn.step.title}”</b> wanted {turn.step.wants.map((m) => MOVE_LABEL[m]).join(', ')}
            {turn.step.missing.length ? `; missing: ${turn.step.missing.map((m) => MOVE_LABEL[m]).join(', ')}` : ' — all there.'}
          </Text>
        ) : null}
        <Group gap={4}>
          {r.moves.map((m) => (
            <Badge key={`${m.kind}-${m.span[0]}`} size="xs" color="teal" variant="light">
              ✓ {MOVE_LABEL[m.kind]}
            </Badge>
          ))}
          {r.problems.map((p) => (
            <Badge key={`${p.kind}-${p.span[0]}`} size="xs" color="red" variant="light">
              ✗ {PROBLEM_LABEL[p.kind]}
            </Badge>
          ))}
        </Group>
        <Text size="xs" c="dark.5">
          {SCORE_PARTS.map((p) => `${SCORE_PART_LABEL[p]} ${r.score.parts[p].value}`).join(' · ')}
        </Text>
        {turn.effects.length ? (
          <List size="xs" spacing={0}>
            {turn.effects
              .filter((e) => e.delta !== 0 || e.why.includes('again'))
              .map((e) => (
                <List.Item key={e.why}>
                  {e.delta < 0 ? 'Calmer' : e.delta > 0 ? 'Angrier' : 'No change'} ({e.delta > 0 ? `+${e.delta}` : e.delta}): {e.why}
                </List.Item>
              ))}
          </List>
        ) : null}
        {turn.notes
          .filter((n) => n.kind !== 'must_say')
          .map((n) => (
            <Text key={`${n.kind}-${n.text}`} size="xs" c="orange.9">
              {n.text}
            </Text>
          ))}
      </Stack>
    </Box>
  );
}

/** The conversation so far: the customer's opening, then each reply with the coach's findings and the customer's answer. */
export function Transcript({
  opening,
  turns,
  customerName,
  hints = true,
}: {
  opening: string;
  turns: PracticeTurn[];
  customerName: string;
  /** False while a certification runs: the coach's findings come once it ends. */
  hints?: boolean;
}) {
  return (
    <Stack gap="sm" component="section" aria-label="Conversation" data-testid="transcript">
      <Bubble who="customer" name={customerName}>
        <Text size="sm">{opening}</Text>
      </Bubble>
      {turns.map((t) => (
        <Stack key={t.n} gap="sm">
          <Bubble who="you" name={`You (reply ${t.n})`}>
            <HighlightedReply text={t.reply} result={{ reply: t.reading }} />
            {hints ? <TurnFindings turn={t} /> : null}
          </Bubble>
          <Bubble who="customer" name={customerName}>
            <Group gap={6} mb={4}>
              <Badge size="xs" variant="light" color={MOOD_COLOR[t.moodAfter]}>
                {MOOD_LABEL[t.moodAfter]}
              </Badge>
            </Group>
            <Text size="sm">{t.customer}</Text>
          </Bubble>
        </Stack>
      ))}
    </Stack>
  );
}
