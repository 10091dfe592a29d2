import { Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useCaseTheme, useMoveCaseTheme, useThemes } from '../../api/themes.js';
import { FormProblem } from '../form-problem.js';

/** Small, on the case page: the theme this case is in and the phrases that put it there; supervisors can move it. */
export function CaseThemeCard({ refId }: { refId: string }) {
  const theme = useCaseTheme(refId);
  const navigate = useNavigate();
  const [moving, setMoving] = useState(false);
  if (!theme.data) return null;
  const t = theme.data;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="theme-heading">
      <Title order={2} size="h5" id="theme-heading" mb={4}>
        Theme
      </Title>
      {t.theme ? (
        <Stack gap={2}>
          <Anchor component={Link} to="/themes" size="sm" fw={600}>
            {t.theme.label}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t.pinned ? 'Put here by a person.' : t.phrases.length ? `Because of: ${t.phrases.join(', ')}` : null}
          </Text>
        </Stack>
      ) : (
        <Text size="xs" c="dimmed">
          In no theme yet: like no other case so far, or waiting for tonight's mining.
        </Text>
      )}
      {t.can.move ? (
        <Anchor
          component="button"
          type="button"
          size="xs"
          display="block"
          mt={4}
          onClick={() => void navigate({ to: '/improvements', search: { caseRef: refId, ...(t.theme ? { themeId: t.theme.id } : {}) } })}
        >
          Propose an improvement from this case
        </Anchor>
      ) : null}
      {t.can.move ? (
        moving ? (
          <MoveTheme refId={refId} current={t.theme?.id ?? null} onDone={() => setMoving(false)} />
        ) : (
          <Button size="compact-xs" variant="subtle" mt={4} onClick={() => setMoving(true)}>
            Move to another theme
          </Button>
        )
      ) : null}
    </Paper>
  );
}

function MoveTheme({ refId, current, onDone }: { refId: string; current: string | null; onDone: () => void }) {
  const themes = useThemes({});
  const move = useMoveCaseTheme(refId);
  const [to, setTo] = useState<string | null>(null);
  const options = (themes.data?.items ?? []).filter((x) => x.id !== current).map((x) => ({ value: x.id, label: x.label }));
  return (
    <Stack gap={4} mt="xs">
      <Select
        size="xs"
        aria-label="Theme to move this case to"
        placeholder="Choose a theme"
        data={options}
        value={to}
        onChange={setTo}
        searchable
      />
      <Group gap="xs">
        <Button size="compact-xs" disabled={!to} loading={move.isPending} onClick={() => to && move.mutate(to, { onSuccess: onDone })}>
          Move
        </Button>
        <Button size="compact-xs" variant="subtle" color="gray" onClick={onDone}>
          Cancel
        </Button>
      </Group>
      <FormProblem error={move.error} fields={[]} title="The case did not move" />
    </Stack>
  );
}
