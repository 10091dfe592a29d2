import { describe, expect, it } from 'vitest';
import { createReader } from './read-text.js';

const read = createReader();
const sentences = (text: string) => read(text).sentences.map(([a, b]) => text.slice(a, b));

describe('sentences of a transcript without full stops', () => {
  it('splits where a spoken sentence starts', () => {
    const text =
      "okay um I hear you so you were at the gate on time and were bumped off I'm really sorry I've started the claim can you confirm the email on the booking";
    expect(sentences(text)).toEqual([
      'okay um',
      'I hear you',
      'so you were at the gate on time and were bumped off',
      "I'm really sorry",
      "I've started the claim",
      'can you confirm the email on the booking',
    ]);
  });

  it('keeps "oh no sorry about that" whole: an apology after a word of surprise', () => {
    expect(sentences('oh no sorry about that is it the same one we did')).toEqual(['oh no sorry about that', 'is it the same one we did']);
  });

  it('does not split after "while" or "until": "while we\'re talking" goes on with its sentence', () => {
    const text = "I've started the claim now while we're talking";
    expect(sentences(text)).toEqual([text]);
  });

  it('keeps "so that", "right now" and a comma inside the sentence', () => {
    const text = "I've frozen your card right now so nothing else can go out, so you won't lose more money";
    expect(sentences(text)).toEqual([text]);
  });

  it('leaves a sentence its writer closed with a full stop alone', () => {
    const text = 'I am so sorry that the course was cancelled so close to the start. I have refunded the fee in full.';
    expect(sentences(text)).toEqual([
      'I am so sorry that the course was cancelled so close to the start.',
      'I have refunded the fee in full.',
    ]);
  });

  it('still reads a long unpunctuated run as one long sentence for readability', () => {
    const text = `${'we have looked at the account and the charge '.repeat(6)}is correct`;
    expect(read(text).punctuated).toEqual([{ span: [0, text.length], words: 56 }]);
  });
});
