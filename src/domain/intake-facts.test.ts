import { describe, expect, it } from 'vitest';
import type { CustomerReading } from './coach.js';
import { intakeFacts, intakeTitle } from './intake-facts.js';

const reading = (r: Partial<CustomerReading>): CustomerReading => ({ emotion: 'neutral', intensity: 0, escalation: [], wants: [], ...r });

describe('intakeFacts', () => {
  it('reads a calm message as calm, severity 3, no risks', () => {
    expect(intakeFacts(reading({}))).toEqual({ customerState: 'calm', riskFlags: [], severity: 3 });
  });
  it('tells angry from frustrated by intensity', () => {
    expect(intakeFacts(reading({ emotion: 'anger', intensity: 0.9 })).customerState).toBe('angry');
    expect(intakeFacts(reading({ emotion: 'anger', intensity: 0.3 })).customerState).toBe('frustrated');
    expect(intakeFacts(reading({ emotion: 'disappointment', intensity: 0.5 })).customerState).toBe('frustrated');
  });
  it('turns threats into risk flags, and legal or press threats into severity 2', () => {
    const review = intakeFacts(reading({ escalation: [{ kind: 'review', span: [0, 1] }] }));
    expect(review).toMatchObject({ riskFlags: ['threatened_review'], severity: 3 });
    const legal = intakeFacts(
      reading({
        escalation: [
          { kind: 'legal', span: [0, 1] },
          { kind: 'manager', span: [2, 3] },
        ],
      }),
    );
    expect(legal).toMatchObject({ riskFlags: ['legal_threat'], severity: 2 });
  });
});

describe('intakeTitle', () => {
  it('takes the first sentence and cuts a long one at a word', () => {
    expect(intakeTitle('The parcel arrived broken. I want a new one.', 'Web form')).toBe('Web form: The parcel arrived broken.');
    const long = intakeTitle(`${'word '.repeat(30)}end`, 'Email');
    expect(long.length).toBeLessThanOrEqual('Email: '.length + 81);
    expect(long.endsWith('word…')).toBe(true);
    expect(intakeTitle('   ', 'Email')).toBe('Email: no description');
  });
});
