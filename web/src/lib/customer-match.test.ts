import { describe, expect, it } from 'vitest';
import { searchNamesCustomer } from './customer-match.js';

describe('searchNamesCustomer', () => {
  const gloria = { name: 'Gloria Ashworth', email: 'Gloria.Ashworth@example.com' };
  it('finds a customer by the start of each part of their name, or their whole email', () => {
    expect(searchNamesCustomer('ash', gloria)).toBe(true);
    expect(searchNamesCustomer('Glo ASH', gloria)).toBe(true);
    expect(searchNamesCustomer('gloria.ashworth@example.com', gloria)).toBe(true);
  });
  it('does not match the middle of a name, part of an email, or an empty search', () => {
    expect(searchNamesCustomer('worth', gloria)).toBe(false);
    expect(searchNamesCustomer('gloria ashworth smith', gloria)).toBe(false);
    expect(searchNamesCustomer('example.com', gloria)).toBe(false);
    expect(searchNamesCustomer('  ', gloria)).toBe(false);
  });
});
