import { Group, Text } from '@mantine/core';
import type { ForumAuthor } from '../../api/types.js';
import { formatDateTime, relativeTime } from '../../lib/time.js';

/** Who wrote it, as this reader may know it, and when. */
export function AuthorLine({ author, at, edited }: { author: ForumAuthor; at: string; edited?: string | null }) {
  const name = author.isYou ? 'You' : (author.name ?? 'A colleague');
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={500}>
        {name}
      </Text>
      {author.asColleague && author.name !== null ? (
        <Text size="xs" c="dimmed">
          (shown to colleagues as “a colleague”)
        </Text>
      ) : null}
      <Text size="xs" c="dimmed" title={formatDateTime(at)}>
        · {relativeTime(at)}
      </Text>
      {edited ? (
        <Text size="xs" c="dimmed" title={`Edited ${formatDateTime(edited)}`}>
          · edited
        </Text>
      ) : null}
    </Group>
  );
}

/** What "a colleague" means, said wherever someone can choose it: confidential, not anonymous. */
export const AS_COLLEAGUE_HELP =
  'Other employees see “a colleague” instead of your name. Supervisors, HR and admins still see who wrote it: confidential, not anonymous.';
