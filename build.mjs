// Bundles the CLI into one file: one module to load at start-up instead of
// dozens, which is most of a hook's cost on a small commit.
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  define: { __INTERCOM_GUARD_VERSION__: JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies (simple-git) call require(); give them one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
};

// The CLI and the library entry (package "exports"; its types come from tsc below).
// Code only some commands need (zod for a config file, undici for --verify) is
// loaded on demand from chunks, so a plain hook run parses none of it.
rmSync('dist', { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
chmodSync('dist/cli.js', 0o755);

if (process.argv.includes('--types')) {
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
