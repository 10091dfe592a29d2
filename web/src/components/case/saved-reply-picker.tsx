import { Alert, Select, Text } from '@mantine/core';
import { type RenderedReply, useRenderSavedReply, useSavedReplies } from '../../api/saved-replies.js';
import type { CaseDetail } from '../../api/types.js';
import { STATUS_LABEL } from '../../lib/labels.js';
import { FormProblem } from '../form-problem.js';

export type PickedReply = { id: string; rendered: RenderedReply };

/** What sending the picked saved reply will also do, in one sentence. */
export function actionsLine(kase: CaseDetail, picked: RenderedReply): string | null {
  const parts: string[] = [];
  if (picked.setStatus && picked.setStatus !== kase.status)
    parts.push(`move the case to ${STATUS_LABEL[picked.setStatus as keyof typeof STATUS_LABEL] ?? picked.setStatus}`);
  const tags = picked.addTags.filter((t) => !kase.tags.includes(t));
  if (tags.length > 0) parts.push(`add the ${tags.length === 1 ? 'tag' : 'tags'} ${tags.join(', ')}`);
  return parts.length > 0 ? `Sending it will also ${parts.join(' and ')}.` : null;
}

/**
 * Inserts a saved reply, filled in for this case, into the draft; the coach then reads it like
 * anything typed. Says which variables had no value here and what sending will also do.
 */
export function SavedReplyPicker({
  kase,
  picked,
  onPick,
}: {
  kase: CaseDetail;
  picked: PickedReply | null;
  onPick: (picked: PickedReply | null) => void;
}) {
  const replies = useSavedReplies();
  const render = useRenderSavedReply(kase.ref);
  const items = replies.data?.items ?? [];
  if (items.length === 0) return null;
  const line = picked ? actionsLine(kase, picked.rendered) : null;
  return (
    <>
      <Select
        label="Saved reply"
        description="Inserts wording your team keeps, filled in for this case. Edit it before sending."
        placeholder="Choose a saved reply"
        data={items.map((r) => ({ value: r.id, label: r.title }))}
        value={picked?.id ?? null}
        clearable
        searchable
        onChange={(id) => {
          if (!id) return onPick(null);
          render.mutate(id, { onSuccess: (rendered) => onPick({ id, rendered }) });
        }}
        data-testid="saved-reply-picker"
      />
      <FormProblem error={render.error} title="The saved reply could not be filled in" />
      {picked && picked.rendered.unfilled.length > 0 ? (
        <Alert color="orange" variant="light" role="status">
          This case has nothing for {picked.rendered.unfilled.map((v) => `{{${v}}}`).join(', ')}: that part was left empty, so read the
          draft through.
        </Alert>
      ) : null}
      {line ? (
        <Text size="sm" c="dimmed" data-testid="saved-reply-actions">
          {line}
        </Text>
      ) : null}
    </>
  );
}
