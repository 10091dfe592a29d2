import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.js';
import {
  type ImportEncoding,
  type ImportRecord,
  type ImportReport,
  type ImportSource,
  useImport,
  useImports,
  useUploadImport,
} from '../api/imports.js';
import { useDeadlineSettings } from '../api/settings.js';
import { DataTable } from '../components/data-table.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { formatDateTime } from '../lib/time.js';

const FORMATS: { value: ImportSource; label: string }[] = [
  { value: 'zendesk', label: 'Zendesk (CSV export, or the JSON export with comments)' },
  { value: 'freshdesk', label: 'Freshdesk (ticket CSV export)' },
  { value: 'defuse', label: 'Defuse (our own CSV, e.g. an inbox export)' },
];
const ENCODINGS: { value: ImportEncoding; label: string }[] = [
  { value: 'auto', label: 'Detect (UTF-8, else Windows-1252)' },
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'windows-1252', label: 'Windows-1252 (Excel on Windows)' },
];
const SOURCE_NAME: Record<ImportSource, string> = { zendesk: 'Zendesk', freshdesk: 'Freshdesk', defuse: 'Defuse' };

/** Settings → Import: past tickets from another helpdesk's export become cases, as history. */
export function ImportPage() {
  const [running, setRunning] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  return (
    <Stack gap="md">
      <PageHeader
        title="Import past tickets"
        description={
          <Text c="dimmed" size="sm">
            Bring your history from Zendesk or Freshdesk. Each ticket becomes a case with its customer (found by email, or added), status,
            severity, tags and dates, marked as imported on its timeline. Imported cases start no deadline clock and send nothing: no
            notification, follow-up or webhook. Check a file first; importing the same file again adds only what is new.
          </Text>
        }
      />
      <UploadForm
        onChecked={(r) => {
          setReport(r);
          setRunning(null);
        }}
        onStarted={(id) => {
          setReport(null);
          setRunning(id);
        }}
      />
      {report ? <DryRunReport report={report} /> : null}
      {running ? <RunningImport id={running} /> : null}
      <PastImports />
    </Stack>
  );
}

function UploadForm({ onChecked, onStarted }: { onChecked: (r: ImportReport) => void; onStarted: (id: string) => void }) {
  const settings = useDeadlineSettings();
  const upload = useUploadImport();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportSource>('zendesk');
  const [timeZone, setTimeZone] = useState('');
  const [encoding, setEncoding] = useState<ImportEncoding>('auto');
  const [dryRun, setDryRun] = useState(true);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    upload.mutate(
      { file, format, dryRun, timeZone, encoding },
      { onSuccess: (answer) => ('dryRun' in answer ? onChecked(answer) : onStarted(answer.id)) },
    );
  };
  const zone = settings.data?.timeZone;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Upload an export">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <FileInput
              label="Export file"
              placeholder="Choose a .csv or .json file"
              value={file}
              onChange={setFile}
              accept=".csv,.json,.jsonl,text/csv"
              required
              clearable
              clearButtonProps={{ 'aria-label': 'Remove the chosen file' }}
            />
            <Select
              label="Exported from"
              data={FORMATS}
              value={format}
              onChange={(v) => v && setFormat(v as ImportSource)}
              allowDeselect={false}
            />
            <TextInput
              label="Time zone of the file’s dates"
              description="Exports write local times without an offset."
              placeholder={zone ? `${zone} (the workspace’s)` : 'the workspace’s'}
              value={timeZone}
              onChange={(e) => setTimeZone(e.currentTarget.value)}
              error={upload.error instanceof ApiError ? upload.error.fieldError('timeZone') : undefined}
            />
            <Select
              label="Encoding"
              data={ENCODINGS}
              value={encoding}
              onChange={(v) => v && setEncoding(v as ImportEncoding)}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Checkbox
            label="Only check the file (dry run): report what would be imported and change nothing"
            checked={dryRun}
            onChange={(e) => setDryRun(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={upload.isPending} disabled={!file}>
              {dryRun ? 'Check file' : 'Import'}
            </Button>
          </Group>
          <FormProblem error={upload.error} fields={['timeZone']} title="The file was not imported" />
        </Stack>
      </form>
    </Paper>
  );
}

type Counts = {
  rows: number;
  created: number;
  skipped: number;
  failed: number;
  customersCreated: number;
  errors: { line: number; reason: string }[];
};

function CountsAndErrors({ counts, verb }: { counts: Counts; verb: 'would be' | 'were' }) {
  return (
    <Stack gap="sm">
      <Text size="sm" data-testid="import-counts">
        {counts.rows} rows: {counts.created} cases {verb === 'were' ? 'created' : 'to create'}, {counts.customersCreated} new customers,{' '}
        {counts.skipped} skipped as imported before, {counts.failed} refused.
      </Text>
      {counts.errors.length > 0 ? (
        <DataTable
          caption="Rows that could not be imported"
          columns={[
            { key: 'line', header: 'Line', width: 80, cell: (e) => e.line, rowHeader: true },
            { key: 'reason', header: 'Why', cell: (e) => e.reason },
          ]}
          rows={counts.errors}
          rowKey={(e) => `${e.line}:${e.reason}`}
        />
      ) : null}
      {counts.failed > counts.errors.length ? <Text size="sm">…and {counts.failed - counts.errors.length} more refused rows.</Text> : null}
    </Stack>
  );
}

function DryRunReport({ report }: { report: ImportReport }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="What the import would do">
      <Title order={2} size="h5" mb="xs">
        Checked: nothing was changed
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Read as {report.encoding}, dates in {report.timeZone}.
      </Text>
      <CountsAndErrors counts={report} verb="would be" />
      {report.sample.length > 0 ? (
        <Text size="sm" mt="xs">
          First tickets:{' '}
          {report.sample
            .slice(0, 3)
            .map((s) => `${s.externalId} “${s.title}”`)
            .join(', ')}
          .
        </Text>
      ) : null}
    </Paper>
  );
}

function RunningImport({ id }: { id: string }) {
  const query = useImport(id);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Import in progress">
      <QueryState query={query} label="Loading the import" rows={2}>
        {(r) => <ImportProgress record={r} />}
      </QueryState>
    </Paper>
  );
}

function ImportProgress({ record }: { record: ImportRecord }) {
  const percent = record.rows === 0 ? 100 : Math.round((record.processed / record.rows) * 100);
  const title =
    record.status === 'running'
      ? `Importing ${record.fileName}…`
      : record.status === 'done'
        ? `Imported ${record.fileName}`
        : `The import of ${record.fileName} stopped`;
  return (
    <Stack gap="sm">
      <Title order={2} size="h5">
        {title}
      </Title>
      <Progress
        value={percent}
        size="lg"
        aria-label={`${record.processed} of ${record.rows} rows read`}
        animated={record.status === 'running'}
      />
      <Text size="sm" c="dimmed">
        {record.processed} of {record.rows} rows
      </Text>
      {record.status === 'done' || record.status === 'failed' || record.status === 'interrupted' ? (
        <>
          {record.failure || record.status === 'interrupted' ? (
            <Alert color="red" variant="light" role="alert" title="Not every row was imported">
              {record.failure ?? 'The server stopped during the import.'} Import the same file again to finish it: rows already imported are
              skipped.
            </Alert>
          ) : null}
          <CountsAndErrors counts={record} verb="were" />
          <Text size="sm">
            <Link to="/cases" search={{}}>
              Open the inbox
            </Link>{' '}
            to find the imported cases (search by a ticket’s words; closed ones show under every status).
          </Text>
        </>
      ) : null}
    </Stack>
  );
}

const STATUS_COLOR: Record<ImportRecord['status'], string> = { running: 'blue', done: 'teal', failed: 'red', interrupted: 'orange' };

function PastImports() {
  const imports = useImports();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Earlier imports">
      <Title order={2} size="h5" mb="sm">
        Earlier imports
      </Title>
      <QueryState query={imports} label="Loading imports" rows={2}>
        {(items) => (
          <DataTable
            framed={false}
            columns={[
              { key: 'file', header: 'File', cell: (r) => r.fileName, rowHeader: true },
              { key: 'from', header: 'From', cell: (r) => SOURCE_NAME[r.source] },
              { key: 'when', header: 'Started', cell: (r) => formatDateTime(r.startedAt) },
              {
                key: 'counts',
                header: 'Cases created',
                cell: (r) => `${r.created} of ${r.rows} rows (${r.skipped} skipped, ${r.failed} refused)`,
              },
              { key: 'status', header: 'Status', cell: (r) => <Badge color={STATUS_COLOR[r.status]}>{r.status}</Badge> },
            ]}
            rows={items}
            rowKey={(r) => r.id}
            empty={<Text size="sm">No imports yet.</Text>}
          />
        )}
      </QueryState>
    </Paper>
  );
}
