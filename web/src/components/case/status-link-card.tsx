import { Button, Paper, Text, Title } from '@mantine/core';
import { useRevokeStatusLink, useStatusLink } from '../../api/intake.js';
import type { CaseDetail } from '../../api/types.js';
import { formatDateTime } from '../../lib/time.js';
import { FormProblem } from '../form-problem.js';

/** Whether the customer's private status link works, and turning it off (a forwarded mail, a link in the wrong hands). */
export function StatusLinkCard({ kase }: { kase: CaseDetail }) {
  const link = useStatusLink(kase.ref);
  const revoke = useRevokeStatusLink(kase.ref);
  if (!link.data || (!link.data.active && !revoke.isSuccess)) return null;
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h5" mb="xs">
        Customer’s status page
      </Title>
      {link.data.active ? (
        <>
          <Text size="sm" mb="sm">
            The customer can follow this case and add information through a private link
            {link.data.createdAt ? ` sent ${formatDateTime(link.data.createdAt)}` : ''}.
          </Text>
          {kase.can.update ? (
            <Button size="xs" variant="light" color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
              Turn off the link
            </Button>
          ) : null}
          <FormProblem error={revoke.error} />
        </>
      ) : (
        <Text size="sm" role="status">
          The link is turned off: it no longer opens this case.
        </Text>
      )}
    </Paper>
  );
}
