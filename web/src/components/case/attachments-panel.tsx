import { Anchor, Button, FileInput, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useAttachments, useUploadAttachment } from '../../api/intake.js';
import type { CaseDetail } from '../../api/types.js';
import { erasedFileText } from '../../lib/erased-file.js';
import { formatDateTime } from '../../lib/time.js';
import { FormProblem } from '../form-problem.js';
import { QueryState } from '../query-state.js';
import { EmptyState } from '../states.js';

const kb = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Files on the case (photos of a receipt, a damaged item): each downloads as a file; photos are kept
 * without their location data. A file erased with the customer's personal data is listed by name
 * and date, with no link: its bytes are gone, the record that it was added stays.
 */
export function AttachmentsPanel({ kase }: { kase: CaseDetail }) {
  const files = useAttachments(kase.ref);
  const upload = useUploadAttachment(kase.ref);
  const [file, setFile] = useState<File | null>(null);
  return (
    <Stack gap="md">
      {kase.can.annotate ? (
        <Paper withBorder radius="md" p="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (file) upload.mutate(file, { onSuccess: () => setFile(null) });
            }}
          >
            <Group align="flex-end" gap="sm">
              <FileInput
                label="Add a file"
                description="A photo (JPEG, PNG, GIF, WebP), a PDF or a text file, up to 10 MB. Location data is removed from photos."
                value={file}
                onChange={setFile}
                clearable
                style={{ flex: 1 }}
              />
              <Button type="submit" disabled={!file} loading={upload.isPending}>
                Add
              </Button>
            </Group>
            <FormProblem error={upload.error} />
          </form>
        </Paper>
      ) : null}
      <QueryState
        query={files}
        label="Loading files"
        rows={2}
        isEmpty={(items) => items.length === 0}
        empty={<EmptyState title="No files">Photos and documents added to the case show here.</EmptyState>}
      >
        {(items) => (
          <Stack gap="xs" data-testid="attachments">
            {items.map((a) => (
              <Paper key={a.id} withBorder radius="md" p="sm" data-erased={a.erasedAt ? 'true' : undefined}>
                {a.erasedAt ? (
                  <Text size="sm">
                    {a.fileName}{' '}
                    <Text span size="sm" c="dimmed">
                      — {erasedFileText(a.erasedAt)}
                    </Text>
                  </Text>
                ) : (
                  <Anchor href={`/api/v1/cases/${encodeURIComponent(kase.ref)}/attachments/${a.id}`} download={a.fileName}>
                    {a.fileName}
                  </Anchor>
                )}
                <Text size="xs" c="dimmed">
                  {a.contentType} · {kb(a.size)} · {a.source === 'email' ? 'from an email' : 'uploaded'} {formatDateTime(a.addedAt)} ·
                  SHA-256 {a.sha256.slice(0, 12)}…
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
