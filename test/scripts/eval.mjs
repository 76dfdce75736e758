#!/usr/bin/env node
// `npm run eval`: builds dist/cli.cjs, then runs the labelled corpus
// (test/corpus) through the real hook with vitest and prints the summary:
// recall, false-block rate, every miss and every false block.
//
//   node scripts/eval.mjs [--no-build] [--seed SEED] [--json FILE]
//
// Exit code: vitest's (non-zero while recall < 100 % or any negative is blocked).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const env = { ...process.env, EVAL_REPORT: '1' };
let build = true;

for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--no-build') build = false;
  else if (arg === '--seed' && args[i + 1]) env.CORPUS_SEED = args[++i];
  else if (arg === '--json' && args[i + 1]) env.EVAL_JSON = path.resolve(args[++i]);
  else {
    process.stderr.write(`eval: unknown argument ${arg}\nusage: node scripts/eval.mjs [--no-build] [--seed SEED] [--json FILE]\n`);
    process.exit(2);
  }
}

if (build) {
  const built = spawnSync(process.execPath, ['build.mjs'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 2);
}

// The locally installed vitest (what `npx vitest` runs), without npx's start-up cost or any download.
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
if (!existsSync(vitest)) {
  process.stderr.write('eval: vitest is not installed; run npm install first\n');
  process.exit(2);
}
const run = spawnSync(process.execPath, [vitest, 'run', 'test/corpus', '--reporter=verbose'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
process.exit(run.status ?? 2);
