#!/usr/bin/env node
// `npm run demo`: the main job in a throwaway repository. A commit that adds a
// generated Intercom token is blocked with the full message; the same commit
// without the token passes. Nothing here touches your own repositories.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = mkdtempSync(path.join(tmpdir(), 'intercom-guard-demo-'));
const repo = path.join(work, 'repo');
const home = path.join(work, 'home');
mkdirSync(repo);
mkdirSync(home);
writeFileSync(path.join(home, '.gitconfig'), '[user]\n\tname = Demo\n\temail = demo@example.com\n[init]\n\tdefaultBranch = main\n');

// Inherited GIT_* variables (set when this runs inside a hook) would point git at another repository.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
Object.assign(env, { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1' });

function git(...args) {
  return spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' });
}
function say(text) {
  process.stdout.write(`\n\u001b[1m== ${text}\u001b[22m\n`);
}

try {
  git('init', '-q');
  // Installed as a team would: the packaged hook, the scanner in node_modules/.bin.
  copyFileSync(path.join(root, 'hooks/pre-commit'), path.join(repo, '.git/hooks/pre-commit'));
  chmodSync(path.join(repo, '.git/hooks/pre-commit'), 0o755);
  mkdirSync(path.join(repo, 'node_modules/.bin'), { recursive: true });
  symlinkSync(path.join(root, 'dist/cli.cjs'), path.join(repo, 'node_modules/.bin/intercom-guard'));
  writeFileSync(path.join(repo, '.gitignore'), 'node_modules/\n');

  // A generated token with the shape of a real one: base64 of tok:<uuid>:1:0.
  const token = Buffer.from(`tok:${randomUUID().replace(/-/g, '_')}:1:0`).toString('base64');
  writeFileSync(path.join(repo, 'app.js'), "const intercom = require('intercom-client');\n");
  writeFileSync(path.join(repo, '.env'), `PORT=3000\nINTERCOM_TOKEN=${token}\n`);
  git('add', '-A');

  say(`Throwaway repository: ${repo}`);
  say('git commit -m "configure Intercom"   (.env holds a generated token)');
  const blocked = git('commit', '-m', 'configure Intercom');
  process.stdout.write(blocked.stderr);
  process.stdout.write(`\n-> git exited with ${blocked.status}: the commit was ${blocked.status === 0 ? 'NOT blocked (unexpected)' : 'blocked'}.\n`);

  say('Same commit, the token read from the environment instead');
  writeFileSync(path.join(repo, '.env'), 'PORT=3000\nINTERCOM_TOKEN=${INTERCOM_TOKEN}\n');
  git('add', '-A');
  const passed = git('commit', '-q', '-m', 'configure Intercom');
  process.stdout.write(passed.stderr);
  const log = git('log', '--oneline');
  process.stdout.write(`-> git exited with ${passed.status}: ${passed.status === 0 ? `committed (${log.stdout.trim()})` : 'blocked (unexpected)'}.\n`);
  process.exitCode = blocked.status !== 0 && passed.status === 0 ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
