import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory for attachments' bytes, where a test writes or erases files. */
export const newAttachmentsDir = (): string => mkdtempSync(join(tmpdir(), 'defuse-files-'));
