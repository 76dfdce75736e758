import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLinear, prepareForLinearEngine } from '../../src/detect/linear-regex.js';

describe('patterns rewritten for the linear engine', () => {
  it.each([
    'acme_[a-z0-9]{24}',
    'ic_[a-zA-Z0-9]{16,32}',
    'x(?<secret>[A-F0-9]{40})y',
    '(?:ab){20,}c',
    '\\d{17}',
    'a{3}b{100}',
    '[\\]{}]{20}',
    'q{0,40}?z',
  ])('%s matches exactly what the original matches', (source) => {
    const original = new RegExp(`^(?:${source})$`);
    const linear = compileLinear(`^(?:${source})$`);
    const alphabet = fc.constantFrom('a', 'b', 'c', 'x', 'y', 'z', 'q', 'A', 'F', '0', '9', '_', ']', '{', 'm', 'e', 'i', 'Z');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 140 }), (chars) => {
        const text = chars.join('');
        expect(linear.test(text)).toBe(original.test(text));
      }),
      { seed: 7, numRuns: 300 },
    );
    // And a long positive example of the right size.
    const prepared = prepareForLinearEngine(source);
    expect(typeof prepared.source).toBe('string');
  });

  it('finds the secret group of a named pattern', () => {
    const { secretGroup, source } = prepareForLinearEngine('(?<prefix>k)_(?<secret>[a-z]{20})');
    expect(secretGroup).toBe(2);
    const match = compileLinear(source).exec('k_abcdefghijklmnopqrst');
    expect(match?.[secretGroup!]).toBe('abcdefghijklmnopqrst');
  });

  it('runs (a+)+$ on a long line in linear time', () => {
    const pattern = compileLinear('(a+)+$');
    expect(pattern.test(`${'a'.repeat(100_000)}b`)).toBe(false);
  });

  it('refuses backreferences and lookarounds with a clear reason', () => {
    expect(() => compileLinear('(a)\\1')).toThrow(/linear time/);
    expect(() => compileLinear('(?<=a)b')).toThrow(/linear time/);
    expect(() => compileLinear('(unclosed')).toThrow(/invalid regular expression/);
  });
});
