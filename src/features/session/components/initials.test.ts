// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { initials } from './session-menu';

describe('initials (the account button on a phone)', () => {
  it('takes the first letters of the first two words, upper-cased', () => {
    expect(initials('Alice Tamm')).toBe('AT');
    expect(initials('mari maasikas kask')).toBe('MM');
    expect(initials('alice')).toBe('A');
    expect(initials('support.engineer@example.com')).toBe('SE');
    expect(initials('Ölo Ärm')).toBe('ÖÄ');
    expect(initials('')).toBe('');
  });
});
