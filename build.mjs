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
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

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

if (process.argv.includes('--types')) {
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
