import { Anchor, List, Text } from '@mantine/core';
import type { MailFile } from '../api/intake.js';
import { erasedFileText } from '../lib/erased-file.js';

/**
 * The files an email carried: a kept one links to its download on the case (when it is on one), a
 * refused one says why, and an erased one when it went, so nobody wonders where the customer's file went.
 */
export function MailFiles({ files, caseRef, label }: { files: MailFile[]; caseRef: string | null; label: string }) {
  if (files.length === 0) return null;
  return (
    <List size="sm" spacing={2} aria-label={label} mb="sm">
      {files.map((f) => (
        <List.Item key={f.id}>
          {f.attachmentId && caseRef && !f.erasedAt ? (
            <Anchor href={`/api/v1/cases/${encodeURIComponent(caseRef)}/attachments/${f.attachmentId}`} download={f.fileName}>
              {f.fileName}
            </Anchor>
          ) : (
            <Text span size="sm">
              {f.fileName}
            </Text>
          )}
          <Text span size="xs" c="dimmed">
            {' '}
            ·{' '}
            {f.refused
              ? `not kept: ${f.refused}`
              : f.erasedAt
                ? erasedFileText(f.erasedAt)
                : f.attachmentId
                  ? 'on the case’s Files'
                  : 'joins the case’s Files when placed'}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
