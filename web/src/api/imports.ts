import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZImport, ZImportReport, ZImportSource } from '../../../src/contracts/imports.js';
import { ApiError, api, apiItems, type FieldProblem } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';

export type ImportRecord = z.infer<typeof ZImport>;
export type ImportReport = z.infer<typeof ZImportReport>;
export type ImportSource = z.infer<typeof ZImportSource>;
export type ImportEncoding = 'auto' | 'utf-8' | 'windows-1252';
export type ImportUpload = { file: File; format: ImportSource; dryRun: boolean; timeZone: string; encoding: ImportEncoding };

/** Query keys of Settings → Import. */
export const importKeys = {
  all: ['imports'] as const,
  list: () => [...importKeys.all, 'list'] as const,
  one: (id: string) => [...importKeys.all, 'one', id] as const,
};

export const useImports = () => useQuery({ queryKey: importKeys.list(), queryFn: () => apiItems<ImportRecord>('/imports') });

/** One import, asked again every half second while it is still running, so the page shows its progress. */
export const useImport = (id: string | null) =>
  useQuery({
    queryKey: importKeys.one(id ?? ''),
    queryFn: () => api<ImportRecord>('GET', `/imports/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 500 : false),
  });

/** Sends the export's bytes as the body; a dry run answers with its report, an import with its record (202). */
async function uploadImport(u: ImportUpload): Promise<ImportReport | ImportRecord> {
  const query = new URLSearchParams({ format: u.format, fileName: u.file.name, encoding: u.encoding });
  if (u.dryRun) query.set('dryRun', 'true');
  if (u.timeZone.trim()) query.set('timeZone', u.timeZone.trim());
  let response: Response;
  try {
    response = await fetch(`/api/v1/imports?${query}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/octet-stream' },
      body: u.file,
    });
  } catch {
    throw new ApiError(0, 'Cannot reach Defuse', 'The server did not answer. Check your connection and try again.');
  }
  const data = (await response.json().catch(() => ({}))) as { title?: string; detail?: string; errors?: FieldProblem[] };
  if (!response.ok)
    throw new ApiError(response.status, data.title ?? 'Upload failed', data.detail ?? 'The file was not read.', data.errors ?? []);
  return data as unknown as ImportReport | ImportRecord;
}
export const useUploadImport = () => useInvalidatingMutation(importKeys.all, uploadImport);
