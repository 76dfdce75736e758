// Builds what the package ships:
//   dist/cli.cjs       the command (package "bin"): a small launcher that starts the
//                      hook's git diff at once, then loads
//   dist/main.cjs      the rest of the command, one CommonJS file. Node 20 starts
//                      CommonJS faster than ES modules, and a hook's cost on a small
//                      commit is mostly start-up.
//   dist/lazy/*.mjs    what only some runs need, loaded on demand: zod (a config file
//                      to validate), undici (--verify), simple-git (commands other
//                      than the hook), picomatch (ignore globs).
//   dist/index.js      the library entry (package "exports"), ES module; types from tsc.
import { build } from 'esbuild';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { devNull } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  define: { __INTERCOM_GUARD_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
};

// Bundled CommonJS dependencies (simple-git, undici) call require() in ES modules: give them one.
const REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);";

/** Imports that stay out of dist/cli.cjs, each mapped to its own file in dist/lazy/. */
const LAZY = [
  { name: 'schema', filter: /\/schema\.js$/, entry: 'src/config/schema.ts' },
  { name: 'verify', filter: /\/verify\/verify\.js$/, entry: 'src/verify/verify.ts' },
  { name: 'simple-git', filter: /^simple-git$/, contents: "export { simpleGit } from 'simple-git';" },
  { name: 'picomatch', filter: /^picomatch$/, contents: "import picomatch from 'picomatch';\nexport default picomatch;" },
];

/**
 * Runs in a child process after the loader (src/load-main.ts) bundled as
 * CommonJS: stages a few files with the words the detectors wake on in a
 * temporary repository, runs the hook's command on it in-process, then
 * writes V8's cache of everything compiled. argv: main.cjs, the cache file.
 */
const CODE_CACHE_TRAINING = `
const { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const [file, cacheFile] = process.argv.slice(1);
const repo = mkdtempSync(path.join(os.tmpdir(), 'intercom-guard-cache-'));
const lines = [
  "const intercom = new IntercomClient({ tokenAuth: { token: process.env.INTERCOM_TOKEN } });",
  "export const INTERCOM_TOKEN_URL = 'https://api.intercom.io/auth/token';",
  "  intercomApiKey: 'your-intercom-token-here', // TODO",
  "const topic_name = basic_auth ? public_key : static_dir;",
  "  ic_user_id: user.id, value: 1, name: 'x',",
];
const files = { 'src/client.ts': lines, 'config/settings.json': lines, 'deploy/values.yaml': lines, '.env.example': ['INTERCOM_TOKEN=\${INTERCOM_TOKEN}'] };
(async () => {
  try {
    execFileSync('git', ['init', '-q', repo]);
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
      writeFileSync(path.join(repo, name), [...content, ...content, ...content].join('\\n') + '\\n');
    }
    execFileSync('git', ['add', '-A'], { cwd: repo });
    const source = readFileSync(file);
    const compiled = compileMain(file, source);
    const quiet = { write() { return true; } };
    const code = await compiled.exports.main(['staged'], { stdout: quiet, stderr: quiet, env: process.env, cwd: repo });
    if (code !== 0) throw new Error('the sample hook run exited ' + code);
    writeFileSync(cacheFile, packCodeCache(source, compiled.script.createCachedData()));
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
})().catch((error) => { console.error(error.message); process.exitCode = 1; });
`;

const lazyPlugin = (from) => ({
  name: 'lazy-files',
  setup(builder) {
    for (const lazy of LAZY) {
      builder.onResolve({ filter: lazy.filter }, () => ({ path: `${from}lazy/${lazy.name}.mjs`, external: true }));
    }
  },
});

// Start clean (stale chunks would linger), but keep the types unless they are rebuilt too.
for (const entry of existsSync('dist') ? readdirSync('dist') : []) {
  if (entry !== 'types' || process.argv.includes('--types')) rmSync(`dist/${entry}`, { recursive: true, force: true });
}

await Promise.all([
  // The command: a small launcher that starts the hook's git, then the rest.
  build({ ...common, entryPoints: ['src/bin.ts'], outfile: 'dist/cli.cjs', format: 'cjs', external: ['./main.cjs'] }),
  // import.meta is only read where __dirname is missing (the sources run as ES modules in tests).
  build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/main.cjs', format: 'cjs', plugins: [lazyPlugin('./')], logOverride: { 'empty-import-meta': 'silent' } }),
  // ES modules, so the command's import() gets their named exports.
  ...LAZY.map((lazy) =>
    build({
      ...common,
      ...(lazy.entry ? { entryPoints: [lazy.entry] } : { stdin: { contents: lazy.contents, resolveDir: '.', loader: 'js' } }),
      outfile: `dist/lazy/${lazy.name}.mjs`,
      format: 'esm',
      banner: { js: REQUIRE_BANNER },
    }),
  ),
  // The library: an ES module; code it needs only sometimes is split into chunks.
  build({
    ...common,
    entryPoints: { index: 'src/index.ts' },
    outdir: 'dist',
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: REQUIRE_BANNER },
  }),
]);
chmodSync('dist/cli.cjs', 0o755);

// main.cjs's import() of its lazy files goes through __lazyImport. Code that V8
// brings back from a code cache has lost what import() needs on Node 20 ("A dynamic
// import callback was not specified"), so the loader that compiles main.cjs with
// its cache (src/load-main.ts) passes an import() of its own as module.lazyImport;
// loaded by require(), main.cjs uses its own.
{
  const file = 'dist/main.cjs';
  const text = readFileSync(file, 'utf8');
  const lazyImport = /\bimport\("(\.\/lazy\/[a-z-]+\.mjs)"\)/g;
  const rewritten = text.replace(lazyImport, '__lazyImport("$1")');
  if (rewritten === text || /\bimport\(/.test(rewritten) || !rewritten.startsWith('"use strict";\n')) {
    throw new Error(`build: ${file}: expected "use strict" first and import() only of ./lazy/*.mjs`);
  }
  const helper = 'var __lazyImport = (specifier) => (typeof module.lazyImport === "function" ? module.lazyImport(specifier) : import(specifier));\n';
  writeFileSync(file, rewritten.replace('"use strict";\n', `"use strict";\n${helper}`));
}

if (process.argv.includes('--types')) {
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// V8's code cache for dist/main.cjs (see src/load-main.ts): compiled in a
// child process that runs the hook once on a throwaway repository, so the
// cache holds what a hook run compiles. Only speed depends on it: if it
// cannot be made, the command compiles main.cjs from source.
{
  const cacheFile = 'dist/main.cjs.cache';
  const loader = await build({ ...common, entryPoints: ['src/load-main.ts'], format: 'cjs', write: false });
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_')));
  const result = spawnSync(process.execPath, ['-e', `${loader.outputFiles[0].text}\n${CODE_CACHE_TRAINING}`, path.resolve('dist/main.cjs'), cacheFile], {
    env: { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    rmSync(cacheFile, { force: true });
    console.warn(`build: no code cache for dist/main.cjs (${(result.stderr || result.error?.message || '').trim().split('\n')[0]})`);
  }
}
