import { z } from 'zod';
import { CASE_REF_PATTERN } from '../domain/case.js';

/** Free text a person types: trimmed, not empty, bounded. */
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

/** A record's id (UUIDv7 text). */
export const id = z.uuid('must be an id (UUID)');

/** A case reference, `C-2026-000123`. */
export const ZCaseRefText = z.string().regex(CASE_REF_PATTERN, 'must be a case reference like C-2026-000123');
