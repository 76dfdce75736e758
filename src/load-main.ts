/**
 * Loads dist/main.cjs for the command, with V8's code cache when the build
 * left one beside it (dist/main.cjs.cache, made by build.mjs from a sample
 * hook run). Compiling the scanner's functions is a good part of what a
 * small commit's hook costs; the cache hands V8 their bytecode instead.
 *
 * V8 itself checks a cache only against its own version, its flags and the
 * source's length. So the cache file also holds the exact main.cjs it was
 * made from (compared byte for byte: an edited main.cjs never runs stale
 * code), the Node version, architecture and V8's cache tag; V8 checks its
 * checksum (--verify-snapshot-checksum), so a damaged file is refused rather
 * than run. Anything that does not match is compiled from source.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

export const CODE_CACHE_SUFFIX = '.cache';

export interface MainModule {
  run(argv: readonly string[], early?: unknown): Promise<void>;
  main(argv: readonly string[], io?: unknown, early?: unknown): Promise<number>;
}

export interface CompiledMain {
  readonly exports: MainModule;
  readonly script: vm.Script;
  /** Whether V8 took the cache it was given. */
  readonly cacheUsed: boolean;
}

/**
 * require() for main.cjs: the bundled command's own (dist/ holds both files);
 * the sources run as ES modules (tests) make one.
 */
function requireBeside(file: string): NodeJS.Require {
  if (typeof require === 'function') return require;
  return (process.getBuiltinModule('node:module') as typeof import('node:module')).createRequire(file);
}

/** Node's own wrapper for CommonJS modules, so main.cjs runs as require() would run it. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}

/**
 * V8 settings for a command that lives a fraction of a second, on machines
 * with as few as two (hyper)threads shared with git:
 * - a larger interrupt budget (about 15 times V8's 67584), so V8 waits
 *   longer before optimising a function. Its background compilations
 *   compete with git producing the diff the hook waits for, and in a run
 *   this short are rarely paid back (a 500-file change: about a quarter
 *   slower with them). A 100 MB change still runs long enough to get its
 *   hot loops optimised.
 * - regexes compiled to machine code at once, rather than first to
 *   bytecode and again on their second use (a few ms less per run).
 * - checksums in code caches, made and verified (see above).
 * Set before main.cjs is compiled, since V8 takes a code cache only under
 * the flags it was made with (build.mjs makes it through compileMain too),
 * and after the launcher's own modules are loaded: Node's cache of its
 * built-in modules misses for those loaded after a flag changes.
 */
export const V8_FLAGS: readonly string[] = ['--interrupt-budget=1000000', '--no-regexp-tier-up', '--verify-snapshot-checksum'];

/**
 * The V8 the flags were chosen and measured on (Node 20 and 21). V8 prints
 * "unrecognized flag" on standard error for a flag it no longer knows, which
 * would end up in the hook's output; elsewhere the command runs untuned.
 */
const TUNED_V8 = /^11\./;

let flagsApplied = false;

/** Sets V8_FLAGS (once); false on a V8 they are not for, where nothing is set. */
function applyV8Flags(): boolean {
  if (!TUNED_V8.test(process.versions.v8)) return false;
  if (!flagsApplied) for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);
  flagsApplied = true;
  return true;
}

const CACHE_MAGIC = 'intercom-guard code cache 1';

/** What a cache must have been made under (the command's flags included), and for which source length. */
function cacheHeader(sourceLength: number): Buffer {
  applyV8Flags();
  return Buffer.from(`${CACHE_MAGIC}\n${process.version} ${process.arch} ${v8.cachedDataVersionTag()}\n${sourceLength}\n`);
}

/** The cache file: the header, the source it was made from, V8's data. */
export function packCodeCache(source: Buffer, data: Buffer): Buffer {
  return Buffer.concat([cacheHeader(source.length), source, data]);
}

/** V8's data from a cache file, when it was made from exactly `source` here; else undefined. */
export function unpackCodeCache(cache: Buffer, source: Buffer): Buffer | undefined {
  // Only where V8 verifies the checksum (the flags apply).
  if (!applyV8Flags()) return undefined;
  const header = cacheHeader(source.length);
  const end = header.length + source.length;
  if (cache.length <= end || !cache.subarray(0, header.length).equals(header)) return undefined;
  return cache.subarray(header.length, end).equals(source) ? cache.subarray(end) : undefined;
}

/** Compiles and runs main.cjs (its bytes are `source`), with V8's cached data when given. */
export function compileMain(file: string, source: Buffer, cachedData?: Buffer): CompiledMain {
  applyV8Flags();
  const script = new vm.Script(wrap(source.toString('utf8')), { filename: file, ...(cachedData === undefined ? {} : { cachedData }) });
  // main.cjs loads zod, undici, simple-git and picomatch with import(), which comes
  // here (see build.mjs): code brought back from a code cache cannot run import()
  // itself on Node 20 ("A dynamic import callback was not specified").
  const lazyImport = (specifier: string): Promise<unknown> => import(pathToFileURL(path.join(path.dirname(file), specifier)).href);
  const module = { exports: {} as MainModule, lazyImport };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, requireBeside(file), module, file, path.dirname(file));
  return { exports: module.exports, script, cacheUsed: cachedData !== undefined && script.cachedDataRejected !== true };
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined; // no cache: compile from source
  }
}

export function loadMain(directory: string): MainModule {
  const file = path.join(directory, 'main.cjs');
  const source = readFileSync(file);
  const cache = readIfThere(file + CODE_CACHE_SUFFIX);
  return compileMain(file, source, cache === undefined ? undefined : unpackCodeCache(cache, source)).exports;
}
