/**
 * Money is stored in minor units (cents) as integers, so sums and comparisons are exact, and shown
 * in major units. These are the only conversions.
 */
export const toMinor = (amount: number): number => Math.round(amount * 100);

export const toMajor = (minor: number): number => minor / 100;

export const toMajorOrNull = (minor: number | null): number | null => (minor === null ? null : toMajor(minor));

/** "1250.00 EUR": an amount as mail and refusals write it. */
export const formatMoney = (minor: number, currency: string): string => `${toMajor(minor).toFixed(2)} ${currency}`;

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Whether an ISO 4217 code names a currency the runtime can format. */
export const isCurrency = (code: string): boolean => CURRENCIES.has(code);
