import { describe, expect, it } from 'vitest';
import { firstNameOf, renderTemplate, templateProblems } from './saved-replies.js';

describe('saved reply templates', () => {
  it('fills variables, uses a fallback when a value is missing, and names what stayed empty', () => {
    const body = 'Hi {{customer.firstName|there}}, about {{ case.reference }}: {{handler.firstName}} will call. {{sender.name}}';
    expect(renderTemplate(body, { 'customer.firstName': 'Maren', 'case.reference': 'C-2026-000007', 'sender.name': 'Dana' })).toEqual({
      text: 'Hi Maren, about C-2026-000007:  will call. Dana',
      unfilled: ['handler.firstName'],
    });
    expect(renderTemplate(body, { 'customer.firstName': '  ', 'handler.firstName': 'Tom' }).text).toBe('Hi there, about : Tom will call. ');
  });

  it('refuses unknown variables and long fallbacks, once each', () => {
    expect(templateProblems('Hi {{customer.first_name}} and {{customer.first_name}}')).toHaveLength(1);
    expect(templateProblems('Hi {{customer.first_name}}')[0]).toMatch(/^\{\{customer\.first_name\}\} is not a variable/);
    expect(templateProblems(`Hi {{customer.firstName|${'x'.repeat(61)}}}`)).toEqual([
      'the fallback of {{customer.firstName}} is longer than 60 characters',
    ]);
    expect(templateProblems('Hi {{customer.firstName|there}}, no braces here: {single}')).toEqual([]);
  });

  it('takes the first name from a full name', () => {
    expect(firstNameOf(' Dana  Whitfield ')).toBe('Dana');
    expect(firstNameOf('')).toBeNull();
    expect(firstNameOf(null)).toBeNull();
  });
});
