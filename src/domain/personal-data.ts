import { createHmac } from 'node:crypto';
import { canonicalJson } from './timeline.js';

/**
 * Personal data is kept out of the hash chains and committed to instead: the chains and checkpoints
 * hold HMAC-SHA256(salt, value), and the salt is kept apart (table `personal_data_salts`), one per
 * person or text. While the salt exists, the commitment proves the value unchanged; erasure blanks the
 * value and destroys the salt, so the commitment stays valid in every chain yet can no longer be
 * linked to a guess of the value (a plain hash of a name or an email could be).
 */
export function commitTo(salt: string, value: unknown): string {
  return createHmac('sha256', salt).update(canonicalJson(value)).digest('hex');
}

export type CustomerDetails = { name: string; email: string | null; phone: string | null };

/** The commitment to a customer's name and contacts, bound to the customer's id. */
export function customerDigest(salt: string, customerId: string, details: CustomerDetails): string {
  return commitTo(salt, { id: customerId, name: details.name, email: details.email, phone: details.phone });
}

/** What an erased customer's row holds instead of their details. */
export const ERASED_CUSTOMER: CustomerDetails = { name: '', email: null, phone: null };

export const isErasedDetails = (d: CustomerDetails): boolean => d.name === '' && d.email === null && d.phone === null;
