import { formatDate } from './time.js';

/** What an erased file says in place of its download link: its bytes went with the customer's personal data. */
export const erasedFileText = (erasedAt: string): string => `erased with the customer’s personal data on ${formatDate(erasedAt)}`;
