import { Anchor, Button, FileButton, Group, Text } from '@mantine/core';
import { type Attachment, useAttachToStatement } from '../../api/intake.js';
import type { Statement } from '../../api/types.js';
import { useCurrentUser } from '../../app/me-context.js';
import { erasedFileText } from '../../lib/erased-file.js';
import { FormProblem } from '../form-problem.js';

/** Whether the signed-in person wrote this statement (their own account, or one they took down). */
export function isAuthorOf(me: { id: string; employeeId: string | null }, s: Statement): boolean {
  return s.takenBy === me.id || (s.employeeId !== null && s.employeeId === me.employeeId);
}

/** A statement's files, and for its author a button to attach one (a photo of a receipt, a damaged item). */
export function StatementFiles({ caseRef, statement, files }: { caseRef: string; statement: Statement; files: Attachment[] }) {
  const me = useCurrentUser();
  const attach = useAttachToStatement(caseRef);
  const mine = isAuthorOf(me, statement);
  if (files.length === 0 && !mine) return null;
  return (
    <div>
      <Group gap="xs" mt={6}>
        {files.map((a) =>
          a.erasedAt ? (
            <Text key={a.id} size="xs" c="dimmed">
              {a.fileName} ({erasedFileText(a.erasedAt)})
            </Text>
          ) : (
            <Anchor key={a.id} size="xs" href={`/api/v1/cases/${encodeURIComponent(caseRef)}/attachments/${a.id}`} download={a.fileName}>
              {a.fileName}
            </Anchor>
          ),
        )}
        {mine ? (
          <FileButton onChange={(file) => file && attach.mutate({ file, statementId: statement.id })}>
            {(props) => (
              <Button
                {...props}
                size="compact-xs"
                variant="subtle"
                loading={attach.isPending}
                aria-label={`Attach a file to the statement from ${statement.authorName}`}
              >
                Attach a file
              </Button>
            )}
          </FileButton>
        ) : null}
      </Group>
      {mine && files.length === 0 ? (
        <Text size="xs" c="dimmed">
          Photos and documents that back up this statement; location data is removed from photos.
        </Text>
      ) : null}
      <FormProblem error={attach.error} title="The file was not added" />
    </div>
  );
}
