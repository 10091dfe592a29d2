import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { Story } from '../../api/types.js';
import { Segments } from './segments.js';

/** One anonymised story: what happened, each side, what was done, the lesson, the playbook, the questions. */
export function StoryCard({ story: s, kind, highlight }: { story: Story; kind: 'team_meeting' | 'newsletter'; highlight: boolean }) {
  const seg = (x: Story['heading']) => <Segments segments={x} highlight={highlight} />;
  return (
    <Paper withBorder radius="md" p="md" component="article" data-testid="story" aria-label="Story">
      <Stack gap={6}>
        <Title order={3} size="h4">
          {seg(s.heading)}
        </Title>
        {kind === 'team_meeting' && s.chosenBecause.length ? (
          <Text size="xs" c="dimmed">
            Chosen because: {s.chosenBecause.join('; ')} — {s.points} points
          </Text>
        ) : null}
        <Section title="What happened">
          <Text size="sm">{s.whatHappened.length ? seg(s.whatHappened) : 'No summary written.'}</Text>
        </Section>
        {s.sides.length ? (
          <Section title="What each side said">
            <List size="sm" spacing={4}>
              {s.sides.map((side, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the sides keep their order
                <List.Item key={i}>
                  <b>{side.who}:</b> {seg(side.said)}
                </List.Item>
              ))}
            </List>
          </Section>
        ) : null}
        <Section title="What was done">
          <Text size="sm">{s.whatWasDone.length ? seg(s.whatWasDone) : 'Nothing recorded yet.'}</Text>
        </Section>
        {s.lesson.length ? (
          <Section title="The lesson">
            <Text size="sm">{seg(s.lesson)}</Text>
          </Section>
        ) : null}
        {s.playbook ? (
          <Section title="What the playbook suggests">
            <Text size="sm">From “{s.playbook.name}”:</Text>
            <List size="sm" spacing={2}>
              {s.playbook.suggests.map((step) => (
                <List.Item key={step}>{step}</List.Item>
              ))}
            </List>
          </Section>
        ) : null}
        {kind === 'newsletter' && s.suggestions.length ? (
          <Section title="Next time">
            <List size="sm" spacing={2}>
              {s.suggestions.map((tip) => (
                <List.Item key={tip}>{tip}</List.Item>
              ))}
            </List>
          </Section>
        ) : null}
        {kind === 'team_meeting' ? (
          <Section title="Questions for the team">
            <List type="ordered" size="sm" spacing={2}>
              {s.questions.map((q) => (
                <List.Item key={q}>{q}</List.Item>
              ))}
            </List>
          </Section>
        ) : null}
        {s.links.length ? (
          <Section title="Helps">
            <List size="sm" spacing={2}>
              {s.links.map((l) => (
                <List.Item key={l.href + l.label}>
                  <Anchor href={l.href} size="sm">
                    {l.label}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Section>
        ) : null}
      </Stack>
    </Paper>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <Title order={4} size="h6" mt={4}>
        {title}
      </Title>
      {children}
    </div>
  );
}
