// Bundles the CLI into one file: one module to load at start-up instead of
// dozens, which is most of a hook's cost on a small commit.
import { build } from 'esbuild';
import { readFileSync, chmodSync } from 'node:fs';
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

await Promise.all([
  build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js' }),
  // The library entry (package "exports"); its types come from tsc below.
  build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' }),
]);
chmodSync('dist/cli.js', 0o755);

if (process.argv.includes('--types')) {
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
