import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Story } from '../../api/types.js';
import { redactionKindLabel } from './segments.js';

type Change = { redact: string[]; restore: string[] };

/**
 * A reviewer's controls over one story's redactions: every removal listed with what replaced it,
 * false positives put back, words removed by hand. Known people's names cannot be put back.
 */
export function RedactionPanel({ story: s, onChange, busy }: { story: Story; onChange: (c: Change) => void; busy: boolean }) {
  const [term, setTerm] = useState('');
  const all = [s.heading, s.whatHappened, ...s.sides.map((d) => d.said), s.whatWasDone, s.lesson].flat().filter((x) => x.redaction);
  const seen = new Map<string, { kind: string; original: string | undefined; text: string; n: number }>();
  for (const x of all) {
    const key = `${x.redaction?.kind}|${x.redaction?.original ?? x.text}`;
    const had = seen.get(key);
    if (had) had.n++;
    else seen.set(key, { kind: x.redaction?.kind ?? '', original: x.redaction?.original, text: x.text, n: 1 });
  }
  const restorable = new Set(s.restorable.map((r) => r.toLowerCase()));
  return (
    <Stack gap={6} data-testid="redaction-panel">
      <Text size="sm" fw={600}>
        {seen.size === 0 ? 'Nothing was removed from this story.' : `Removed (${all.length}, highlighted in the story):`}
      </Text>
      <Group gap={6}>
        {[...seen.values()].map((r) => (
          <Group key={`${r.kind}${r.original}${r.text}`} gap={4} wrap="nowrap">
            <Badge variant="light" color={r.kind === 'manual' ? 'grape' : 'yellow'} tt="none">
              {r.original ? `${r.original} → ${r.text}` : r.text} · {redactionKindLabel(r.kind)}
              {r.n > 1 ? ` ×${r.n}` : ''}
            </Badge>
            {r.original && restorable.has(r.original.toLowerCase()) ? (
              <Button
                size="compact-xs"
                variant="subtle"
                disabled={busy}
                onClick={() => onChange({ redact: s.redact, restore: [...s.restore, r.original as string] })}
              >
                Put back
              </Button>
            ) : null}
            {r.kind === 'manual' && r.original ? (
              <Button
                size="compact-xs"
                variant="subtle"
                disabled={busy}
                onClick={() =>
                  onChange({ redact: s.redact.filter((t) => t.toLowerCase() !== r.original?.toLowerCase()), restore: s.restore })
                }
              >
                Undo
              </Button>
            ) : null}
          </Group>
        ))}
      </Group>
      {s.restore.length ? (
        <Group gap={6}>
          <Text size="xs">Put back as not identifying:</Text>
          {s.restore.map((r) => (
            <Button
              key={r}
              size="compact-xs"
              variant="default"
              disabled={busy}
              onClick={() => onChange({ redact: s.redact, restore: s.restore.filter((x) => x !== r) })}
            >
              {r} — remove again
            </Button>
          ))}
        </Group>
      ) : null}
      <Group gap="xs" align="flex-end">
        <TextInput
          size="xs"
          label="Remove a word or phrase too"
          value={term}
          onChange={(e) => setTerm(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button
          size="xs"
          disabled={term.trim().length < 2 || busy}
          onClick={() => {
            onChange({ redact: [...s.redact, term.trim()], restore: s.restore });
            setTerm('');
          }}
        >
          Redact
        </Button>
      </Group>
    </Stack>
  );
}
