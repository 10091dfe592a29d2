import { Box, Button, Group } from '@mantine/core';
import type { SavedView } from '../../lib/saved-views.js';

type ViewsBarProps = {
  views: SavedView[];
  activeId?: string | undefined;
  onPick: (view: SavedView) => void;
  onDelete: (id: string) => void;
};

/** The views as a row of toggle buttons; the ones saved in this browser can be deleted. */
export function ViewsBar({ views, activeId, onPick, onDelete }: ViewsBarProps) {
  return (
    // A plain scrolling box: Mantine's ScrollArea would bring its own code into the inbox's first load.
    <Box className="views-scroll">
      <Group gap={6} wrap="nowrap" role="list" aria-label="Views">
        {views.map((v) => (
          <Group key={v.id} gap={0} wrap="nowrap" role="listitem">
            <Button
              size="xs"
              radius="xl"
              variant={activeId === v.id ? 'filled' : 'default'}
              aria-pressed={activeId === v.id}
              onClick={() => onPick(v)}
            >
              {v.name}
            </Button>
            {!v.builtIn ? (
              <Button size="xs" variant="subtle" color="gray" px={6} aria-label={`Delete view ${v.name}`} onClick={() => onDelete(v.id)}>
                ×
              </Button>
            ) : null}
          </Group>
        ))}
      </Group>
    </Box>
  );
}
