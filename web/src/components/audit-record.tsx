import { Alert, Button, FileButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { type AuditReport, type SignedCheckpoint, useLatestCheckpoint, useVerifyAgainst, useVerifyRecord } from '../api/audit.js';
import { formatDateTime } from '../lib/time.js';

/** What a verification found, in words: intact with its counts and erasures, or each problem. */
function ReportAlert({ report }: { report: AuditReport }) {
  const counts = `${report.cases} cases, ${report.events} timeline events, ${report.customers} customers, ${report.accessLogEntries} access-log entries`;
  const erased = report.erased.customers + report.erased.statements + report.erased.events;
  if (!report.intact)
    return (
      <Alert color="red" title="The record was changed outside Defuse" data-testid="audit-result">
        <List size="sm">
          {report.problems.map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      </Alert>
    );
  return (
    <Alert color="green" title="The record is intact" data-testid="audit-result">
      <Text size="sm">Checked {counts}.</Text>
      {report.against.map((a) => (
        <Text size="sm" key={a.seq}>
          It has only grown since the kept checkpoint #{a.seq} of {formatDateTime(a.at)}.
        </Text>
      ))}
      {erased > 0 ? (
        <Text size="sm">
          Erased on request: the details of {report.erased.customers} customers, the words of {report.erased.statements} statements and
          mentions in {report.erased.events} timeline events. Their commitments, and the erasures themselves, remain on the record, so it
          still verifies.
        </Text>
      ) : null}
    </Alert>
  );
}

function download(signed: SignedCheckpoint) {
  const blob = new Blob([`${JSON.stringify(signed, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `defuse-checkpoint-${signed.checkpoint.seq}.json`;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Tamper evidence for admins and HR: verify the whole record, download the newest signed checkpoint
 * to keep elsewhere, and check the record against a copy kept earlier.
 */
export function AuditRecord() {
  const latest = useLatestCheckpoint();
  const verify = useVerifyRecord();
  const against = useVerifyAgainst();
  const [fileProblem, setFileProblem] = useState<string | null>(null);

  const checkFile = async (file: File | null) => {
    setFileProblem(null);
    if (!file) return;
    try {
      const parsed = JSON.parse(await file.text()) as SignedCheckpoint | SignedCheckpoint[];
      against.mutate(Array.isArray(parsed) ? parsed : [parsed]);
    } catch {
      setFileProblem(`${file.name} is not a checkpoint file (it is not JSON)`);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="audit-record-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="audit-record-title">
          Tamper evidence
        </Title>
        <Text size="sm" c="dimmed">
          Case timelines, statements, customers' details and every read of HR data are covered by hash chains. Each hour Defuse signs a
          checkpoint of the whole record, and the admins get one by mail each day. Keep those copies outside Defuse: someone who can change
          the database cannot change them.
        </Text>
        {latest.data ? (
          <Text size="sm" data-testid="latest-checkpoint">
            Latest checkpoint #{latest.data.checkpoint.seq}, signed {formatDateTime(latest.data.checkpoint.at)}:{' '}
            {latest.data.checkpoint.cases} cases, {latest.data.checkpoint.events} events.
          </Text>
        ) : latest.isSuccess ? (
          <Text size="sm">No checkpoint has been signed yet; the signing job makes one within the hour.</Text>
        ) : null}
        <Group gap="sm">
          <Button onClick={() => void verify.refetch()} loading={verify.isFetching}>
            Verify the record
          </Button>
          {latest.data ? (
            <Button variant="default" onClick={() => download(latest.data as SignedCheckpoint)}>
              Download the latest checkpoint
            </Button>
          ) : null}
          <FileButton onChange={(f) => void checkFile(f)} accept="application/json,.json">
            {(props) => (
              <Button variant="default" loading={against.isPending} {...props}>
                Check against a kept checkpoint…
              </Button>
            )}
          </FileButton>
        </Group>
        {verify.data && !against.data ? <ReportAlert report={verify.data} /> : null}
        {against.data ? <ReportAlert report={against.data} /> : null}
        {verify.error || against.error || fileProblem ? (
          <Alert color="red" title="The check did not run">
            {fileProblem ?? (verify.error ?? against.error)?.message}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
