import { describe, expect, it } from 'vitest';
import { newTextOfReply } from './reply-text.js';

describe('newTextOfReply', () => {
  it('keeps what the customer wrote above a Gmail-style quote', () => {
    const text =
      'It still does not work.\nThe screen is black.\n\nOn Tue, 1 Dec 2026 at 10:00, Acme <help@acme.test> wrote:\n> We are sorry\n> about it';
    expect(newTextOfReply(text)).toBe('It still does not work.\nThe screen is black.');
  });
  it('handles a wrapped "On … wrote:" line, Outlook blocks and CRLF', () => {
    expect(newTextOfReply('Thanks!\r\n\r\nOn Tue, 1 Dec 2026 at 10:00, Acme Customer Care\r\n<help@acme.test> wrote:\r\n> hi')).toBe(
      'Thanks!',
    );
    expect(newTextOfReply('See below.\n\n-----Original Message-----\nFrom: Acme\nold text')).toBe('See below.');
    expect(newTextOfReply('Yes please.\n\nFrom: Acme <help@acme.test>\nSent: Tuesday\nSubject: Your case')).toBe('Yes please.');
  });
  it('keeps a text without a quote whole, and a quote-only text rather than nothing', () => {
    expect(newTextOfReply('  Just this.  ')).toBe('Just this.');
    expect(newTextOfReply('> only a quote')).toBe('> only a quote');
  });
});
