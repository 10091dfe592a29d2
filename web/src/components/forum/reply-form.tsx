import { Button, Checkbox, Group, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useReply } from '../../api/forum.js';
import { FormProblem } from '../form-problem.js';
import { AS_COLLEAGUE_HELP } from './author-line.js';

/** Adding a reply, optionally shown to colleagues as "a colleague". */
export function ReplyForm({ threadId }: { threadId: string }) {
  const [body, setBody] = useState('');
  const [asColleague, setAsColleague] = useState(false);
  const reply = useReply(threadId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reply.mutate({ body: body.trim(), asColleague }, { onSuccess: () => setBody('') });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Reply">
      <Stack gap="xs">
        <Textarea label="Your reply" autosize minRows={2} maxLength={5000} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
        <Checkbox
          label="Show me to colleagues as “a colleague”"
          description={AS_COLLEAGUE_HELP}
          checked={asColleague}
          onChange={(e) => setAsColleague(e.currentTarget.checked)}
        />
        <FormProblem error={reply.error} fields={[]} title="The reply was not posted" />
        <Group>
          <Button type="submit" loading={reply.isPending} disabled={!body.trim()}>
            Post reply
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
