import { copyFileSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CODE_CACHE_SUFFIX, compileMain, readCodeCache } from '../../src/load-main.js';

const BUILT = path.resolve('dist/main.cjs');
const folders: string[] = [];

/** dist/main.cjs and its cache, copied where their times can be changed. */
function copyOfBuild(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'ig-load-main-'));
  folders.push(folder);
  const file = path.join(folder, 'main.cjs');
  copyFileSync(BUILT, file);
  copyFileSync(BUILT + CODE_CACHE_SUFFIX, file + CODE_CACHE_SUFFIX);
  return file;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('main.cjs and its code cache', () => {
  it('the build leaves a cache that this Node accepts', () => {
    const cache = readCodeCache(BUILT);
    expect(cache).toBeInstanceOf(Buffer);
    const compiled = compileMain(BUILT, cache);
    expect(compiled.cacheUsed).toBe(true);
    expect(typeof compiled.exports.main).toBe('function');
  });

  it('a cache older than main.cjs (main.cjs edited since) is not used', () => {
    const file = copyOfBuild();
    utimesSync(file + CODE_CACHE_SUFFIX, new Date(2020, 0, 1), new Date(2020, 0, 1));
    utimesSync(file, new Date(2021, 0, 1), new Date(2021, 0, 1));
    expect(readCodeCache(file)).toBeUndefined();
    // The same times, as npm gives every file it installs: used.
    utimesSync(file + CODE_CACHE_SUFFIX, new Date(2021, 0, 1), new Date(2021, 0, 1));
    expect(readCodeCache(file)).toBeInstanceOf(Buffer);
  });

  it('a cache V8 cannot use is refused and main.cjs compiles from source', async () => {
    const file = copyOfBuild();
    const compiled = compileMain(file, Buffer.alloc(4096, 7));
    expect(compiled.cacheUsed).toBe(false);
    const out: string[] = [];
    const io = { stdout: { write: (text: string) => out.push(text) }, stderr: { write: (text: string) => out.push(text) }, env: process.env, cwd: process.cwd() };
    expect(await compiled.exports.main(['--version'], io)).toBe(0);
    expect(out.join('')).toMatch(/^\d+\.\d+\.\d+/);
  });
});
