import { Chip, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { Channel } from '../../api/types.js';
import { CHANNEL_LABEL, CHANNELS } from '../../lib/labels.js';
import { toLocalInput } from '../../lib/time.js';
import type { StepFields } from './use-report-form.js';

/** Step 1: a title, what happened in the reporter's words, when, and where. */
export function WhatHappenedStep({ draft, set, fieldError }: StepFields) {
  return (
    <>
      <TextInput
        label="Title"
        description="A few words you’d use to find it again, e.g. “Refund refused at the till”"
        value={draft.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        error={fieldError('title')}
        maxLength={200}
        required
      />
      <Textarea
        label="What happened?"
        description="In your own words: what the customer wanted, what was said and done, and how it ended."
        autosize
        minRows={5}
        maxRows={14}
        value={draft.summary}
        onChange={(e) => set('summary', e.currentTarget.value)}
        error={fieldError('summary')}
        required
      />
      <TextInput
        type="datetime-local"
        label="When did it happen?"
        description="Leave empty if it was just now"
        value={draft.occurredAt}
        max={toLocalInput(new Date())}
        onChange={(e) => set('occurredAt', e.currentTarget.value)}
        error={fieldError('occurredAt')}
      />
      <ChannelChoice value={draft.channel} onChange={(v) => set('channel', v)} error={fieldError('channel')} />
    </>
  );
}

/** Where it happened, as a row of chips that behaves as one radio group. */
function ChannelChoice({ value, onChange, error }: { value: Channel | ''; onChange: (v: Channel) => void; error?: string | undefined }) {
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id="channel-label">
        Where did it happen? <span aria-hidden="true">*</span>
      </Text>
      <Chip.Group value={value} onChange={(v) => onChange(v as Channel)}>
        <Group gap="xs" role="radiogroup" aria-labelledby="channel-label">
          {CHANNELS.map((c) => (
            <Chip key={c} value={c} type="radio">
              {CHANNEL_LABEL[c]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {error ? (
        <Text size="xs" c="red.8" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
