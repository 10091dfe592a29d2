import { describe, expect, it } from 'vitest';
import { moveItem } from './move-item.js';

describe('moveItem', () => {
  it('moves an item up or down and leaves the input alone', () => {
    const steps = ['listen', 'empathise', 'solve'];
    expect(moveItem(steps, 2, 1)).toEqual(['listen', 'solve', 'empathise']);
    expect(moveItem(steps, 0, 2)).toEqual(['empathise', 'solve', 'listen']);
    expect(steps).toEqual(['listen', 'empathise', 'solve']);
  });

  it('changes nothing past either end', () => {
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });
});
