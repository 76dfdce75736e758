/**
 * Loads dist/main.cjs for the command, with V8's code cache when the build
 * left one beside it (dist/main.cjs.cache, made by build.mjs from a sample
 * hook run). Compiling the scanner's functions is a good part of what a
 * small commit's hook costs; the cache hands V8 their bytecode instead.
 *
 * V8 checks the cache against its own version, its flags and the source's
 * length, and compiles from source when any differs (another Node, say).
 * An edit of main.cjs that keeps its length would pass that check, so the
 * cache is used only when it is not older than main.cjs.
 */
import { readFileSync, statSync } from 'node:fs';
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
 * Set before main.cjs is compiled, since V8 takes a code cache only under
 * the flags it was made with (build.mjs makes it through compileMain too),
 * and after the launcher's own modules are loaded: Node's cache of its
 * built-in modules misses for those loaded after a flag changes.
 */
export const V8_FLAGS: readonly string[] = ['--interrupt-budget=1000000', '--no-regexp-tier-up'];

/**
 * The V8 the flags were chosen and measured on (Node 20 and 21). V8 prints
 * "unrecognized flag" on standard error for a flag it no longer knows, which
 * would end up in the hook's output; elsewhere the command runs untuned.
 */
const TUNED_V8 = /^11\./;

function applyV8Flags(): void {
  if (!TUNED_V8.test(process.versions.v8)) return;
  for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);
}

/** Compiles and runs main.cjs, with the code cache when given one. */
export function compileMain(file: string, cachedData?: Buffer): CompiledMain {
  applyV8Flags();
  const source = readFileSync(file, 'utf8');
  const script = new vm.Script(wrap(source), { filename: file, ...(cachedData === undefined ? {} : { cachedData }) });
  // main.cjs loads zod, undici, simple-git and picomatch with import(), which comes
  // here (see build.mjs): code brought back from a code cache cannot run import()
  // itself on Node 20 ("A dynamic import callback was not specified").
  const lazyImport = (specifier: string): Promise<unknown> => import(pathToFileURL(path.join(path.dirname(file), specifier)).href);
  const module = { exports: {} as MainModule, lazyImport };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, requireBeside(file), module, file, path.dirname(file));
  return { exports: module.exports, script, cacheUsed: cachedData !== undefined && script.cachedDataRejected !== true };
}

/** The cache, when there is one no older than main.cjs. */
export function readCodeCache(file: string): Buffer | undefined {
  try {
    const cacheFile = file + CODE_CACHE_SUFFIX;
    if (statSync(cacheFile).mtimeMs < statSync(file).mtimeMs) return undefined;
    return readFileSync(cacheFile);
  } catch {
    return undefined; // no cache: compile from source
  }
}

export function loadMain(directory: string): MainModule {
  const file = path.join(directory, 'main.cjs');
  const cachedData = readCodeCache(file);
  if (cachedData !== undefined) return compileMain(file, cachedData).exports;
  applyV8Flags();
  return requireBeside(file)(file) as MainModule;
}
