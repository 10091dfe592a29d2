import { describe, expect, it } from 'vitest';
import { doingOf, refusal, rolesThatMay } from './refusal.js';

describe('refusals worded for people', () => {
  it('says who can do it, from the permission table', () => {
    expect(rolesThatMay('approve', 'resolution')).toEqual(['supervisor', 'admin']);
    expect(refusal('assign', 'case')).toBe('Only a supervisor or an admin can assign this case.');
  });
  it('names whom to ask when it is known', () => {
    expect(
      refusal('create', 'statement', {
        doing: 'add the customer’s statement',
        roles: rolesThatMay('create', 'statement', ['self']),
        ask: ['Dana Whitfield'],
      }),
    ).toBe('Only a supervisor or an admin can add the customer’s statement. Ask Dana Whitfield.');
    expect(refusal('assign', 'case', { ask: ['Dana Whitfield', 'Sam Osei'] })).toBe(
      'Only a supervisor or an admin can assign this case. Ask Dana Whitfield or Sam Osei.',
    );
  });
  it('reads an action it has no phrase for from its verb', () => {
    expect(doingOf('list', 'review')).toBe('see the list of reviews');
    expect(refusal('list', 'review')).toBe('Only HR or an admin can see the list of reviews.');
  });
});
