import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_CACHE_SUFFIX, compileMain, packCodeCache, unpackCodeCache } from '../../src/load-main.js';

const BUILT = path.resolve('dist/main.cjs');
const source = readFileSync(BUILT);
const cache = readFileSync(BUILT + CODE_CACHE_SUFFIX);

/** main.cjs with one character changed, the length kept. */
function editedSource(): Buffer {
  const text = source.toString('latin1');
  const at = text.indexOf('{16,32}');
  expect(at).toBeGreaterThan(0);
  return Buffer.from(`${text.slice(0, at)}{99,99}${text.slice(at + 7)}`, 'latin1');
}

describe('main.cjs and its code cache', () => {
  it('the build leaves a cache made from this main.cjs that this Node accepts', () => {
    const data = unpackCodeCache(cache, source);
    expect(data).toBeInstanceOf(Buffer);
    const compiled = compileMain(BUILT, source, data);
    expect(compiled.cacheUsed).toBe(true);
    expect(typeof compiled.exports.main).toBe('function');
  });

  it('is not used for a main.cjs edited since, even one of the same length', () => {
    const edited = editedSource();
    expect(edited.length).toBe(source.length);
    expect(unpackCodeCache(cache, edited)).toBeUndefined();
  });

  it('is not used when made by another Node, or cut short', () => {
    const data = unpackCodeCache(cache, source)!;
    const other = Buffer.from(packCodeCache(source, data).toString('latin1').replace(process.version, 'v0.0.0'), 'latin1');
    expect(unpackCodeCache(other, source)).toBeUndefined();
    expect(unpackCodeCache(cache.subarray(0, cache.length - data.length), source)).toBeUndefined();
    expect(unpackCodeCache(Buffer.from('not a cache'), source)).toBeUndefined();
  });

  it('a damaged cache is refused by V8 (checksum), and main.cjs compiles from source', async () => {
    const data = Buffer.from(unpackCodeCache(cache, source)!);
    for (let i = 64; i < data.length; i += 997) data[i] = data[i]! ^ 0x5a;
    const compiled = compileMain(BUILT, source, data);
    expect(compiled.cacheUsed).toBe(false);
    const out: string[] = [];
    const io = { stdout: { write: (text: string) => out.push(text) }, stderr: { write: (text: string) => out.push(text) }, env: process.env, cwd: process.cwd() };
    expect(await compiled.exports.main(['--version'], io)).toBe(0);
    expect(out.join('')).toMatch(/^\d+\.\d+\.\d+/);
  });
});
