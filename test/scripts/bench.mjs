#!/usr/bin/env node
// `node scripts/bench.mjs`: how long the pre-commit hook takes, next to the
// least any hook could take. For each size of staged change it builds a
// throwaway repository (in the system temp folder, removed at the end) and
// runs, round-robin in the same run:
//
//   hook          node <this checkout>/dist/cli.cjs staged  (what the installed hook runs)
//   node -e 0     starting node and doing nothing
//   git diff      git diff --cached -U0 --no-ext-diff --no-color > /dev/null
//   git (hook)    the same diff with the hook's own pinned flags (for reference only)
//
// "floor" = median(node -e 0) + median(git diff): a hook written in node that
// reads the staged diff cannot be faster. The report gives medians, the ratio
// hook / floor, and the hook's peak RSS (GNU time; "n/a" without it).
//
// It is also a correctness check: the generated changes hold no secrets, so
// the hook must exit 0 on every run and must have read every added line
// (checked with --debug); otherwise the bench prints why and exits 1.
//
// Flags: --quick (CI: small sizes, 3 rounds), --json, --rounds N,
//        --sizes small,medium,large, --keep (leave the repositories),
//        --cli PATH (time another build of the CLI, e.g. to compare two versions), --help
// Needs a built CLI: npm run build (or npm install).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, devNull as DEV_NULL, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let CLI = path.join(ROOT, 'dist/cli.cjs');
const NODE = process.execPath;

/**
 * The flags the hook pins on its diff (DIFF_FLAGS in src/git/staged-diff.ts),
 * for the reference column only. Read from the CLI being timed (the bundle is
 * not minified), else from the source, so the column follows the hook; this
 * copy is the last resort.
 */
const FALLBACK_HOOK_DIFF_FLAGS = [
  '--no-color', '--no-ext-diff', '--no-textconv', '--text', '-U0', '--inter-hunk-context=0',
  '--src-prefix=a/', '--dst-prefix=b/', '--no-relative', '--full-index', '--find-renames', '--find-copies', '-l0',
  '--diff-algorithm=myers', '--ignore-submodules=all', '--submodule=short',
];

function hookDiffFlags(cli) {
  const candidates = [cli];
  try {
    // A split bundle keeps DIFF_FLAGS in a chunk the entry imports.
    for (const match of readFileSync(cli, 'utf8').matchAll(/\bfrom\s*["'](\.\.?\/[^"']+)["']/g)) {
      candidates.push(path.resolve(path.dirname(cli), match[1]));
    }
  } catch {
    // unreadable: the checks below report it
  }
  candidates.push(path.join(ROOT, 'src/git/staged-diff.ts'));
  for (const file of candidates) {
    try {
      const match = /\bDIFF_FLAGS\s*(?::[^=\n]*)?=\s*\[([^\]]*)\]/.exec(readFileSync(file, 'utf8'));
      const body = match ? match[1].replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '') : '';
      const flags = [...body.matchAll(/"([^"]*)"|'([^']*)'/g)].map((quoted) => quoted[1] ?? quoted[2]);
      if (flags.length > 0 && flags.every((flag) => flag.startsWith('-'))) {
        const relative = path.relative(ROOT, file);
        return { flags, source: relative.startsWith('..') ? file : relative };
      }
    } catch {
      // unreadable: try the next place
    }
  }
  return { flags: FALLBACK_HOOK_DIFF_FLAGS, source: 'built-in copy in test/scripts/bench.mjs' };
}
const FLOOR_DIFF = ['diff', '--cached', '-U0', '--no-ext-diff', '--no-color'];

// ---------------------------------------------------------------- arguments

const USAGE = `Usage: node scripts/bench.mjs [--quick] [--json] [--rounds N] [--sizes small,medium,large] [--keep] [--cli PATH]

  --quick          CI mode: small sizes only (small, and a 5 MB "large"), 3 rounds
  --json           print one JSON document on stdout (progress still goes to stderr)
  --rounds N       measured rounds for every size (default: small 21, medium 15, large 5)
  --sizes LIST     which sizes to run, comma-separated (default: all; with --quick: small,large)
  --keep           keep the temporary repositories and print where they are
  --cli PATH       the CLI to time (default: dist/cli.cjs of this checkout)
`;

function parseArgs(argv) {
  const options = { quick: false, json: false, rounds: undefined, sizes: undefined, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (next === undefined || next === '') usageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--quick') options.quick = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--cli' || arg.startsWith('--cli=')) options.cli = path.resolve(value());
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (arg === '--rounds' || arg.startsWith('--rounds=')) {
      const rounds = Number(value());
      if (!Number.isInteger(rounds) || rounds < 1) usageError('--rounds needs a whole number >= 1');
      options.rounds = rounds;
    } else if (arg === '--sizes' || arg.startsWith('--sizes=')) {
      options.sizes = value().split(',').map((size) => size.trim()).filter(Boolean);
      for (const size of options.sizes) if (!Object.hasOwn(SIZES, size)) usageError(`unknown size "${size}" (small, medium, large)`);
      if (options.sizes.length === 0) usageError('--sizes needs at least one size');
    } else usageError(`unknown argument ${arg}`);
  }
  return options;
}

function usageError(message) {
  process.stderr.write(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

// ---------------------------------------------------------------- sizes

/**
 * What each size stages. `modified` files exist in the base commit and get
 * lines inserted; `added` files are new; `big` is one new file of about that
 * many bytes. The quick variants keep CI under a few seconds.
 */
const SIZES = {
  small: {
    full: { modified: 5, insertedPerFile: 40, added: 0, linesPerAdded: 0, bigBytes: 0, rounds: 21 },
    quick: { modified: 5, insertedPerFile: 40, added: 0, linesPerAdded: 0, bigBytes: 0, rounds: 3 },
  },
  medium: {
    full: { modified: 0, insertedPerFile: 0, added: 500, linesPerAdded: 100, bigBytes: 0, rounds: 15 },
    quick: { modified: 0, insertedPerFile: 0, added: 50, linesPerAdded: 100, bigBytes: 0, rounds: 3 },
  },
  large: {
    full: { modified: 0, insertedPerFile: 0, added: 200, linesPerAdded: 20, bigBytes: 100 * 1024 * 1024, rounds: 5 },
    quick: { modified: 0, insertedPerFile: 0, added: 20, linesPerAdded: 20, bigBytes: 5 * 1024 * 1024, rounds: 3 },
  },
};

// ---------------------------------------------------------------- content

/** mulberry32: a small seeded PRNG, so every run stages the same bytes. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'account user order item cart price total count index value result status config options request response ' +
  'message conversation contact company admin team event payload handler client server cache queue worker job ' +
  'retry timeout limit offset page cursor filter query field record entry batch stream buffer chunk parser ' +
  'render update create delete fetch load save sync merge build deploy release region locale format schema'
).split(' ');
const TYPES = ['string', 'number', 'boolean', 'User', 'Order', 'Contact', 'Conversation', 'Record<string, unknown>', 'Promise<void>'];

/**
 * Lines that reach the detectors (they hold "intercom", "ic_", "dG9r" or
 * "token") but are not secrets: references, placeholders, names, short
 * base64. If one of these ever blocks, the bench fails, which is the point.
 */
const KEYWORD_LINES = [
  "const intercom = new IntercomClient({ tokenAuth: { token: process.env.INTERCOM_TOKEN } });",
  "const intercomToken = process.env.INTERCOM_ACCESS_TOKEN ?? '';",
  '// TODO: rotate the intercom token before the next release',
  "  intercomApiKey: 'your-intercom-token-here',",
  '  token: config.intercom.token,',
  "const contacts = await intercom.contacts.search({ query: { field: 'email', operator: '=', value: email } });",
  'INTERCOM_TOKEN=${INTERCOM_TOKEN}',
  "  INTERCOM_ACCESS_TOKEN: ${{ secrets.INTERCOM_ACCESS_TOKEN }}",
  'intercom_token = os.environ["INTERCOM_TOKEN"]',
  "const topic_name = basic_auth ? public_key : static_dir;",
  '  ic_user_id: user.id,',
  "headers['Authorization'] = `Bearer ${token}`;",
  "// base64('token') is dG9rZW4=, not a credential",
  '  <add key="IntercomToken" value="{{ .Values.intercom.token }}" />',
  "if (!token) throw new Error('missing intercom token');",
  'export const INTERCOM_TOKEN_URL = "https://api.intercom.io/auth/token";',
  "  intercom_secret: '<token>'",
  'const refreshToken = await tokens.refresh(session.id);',
];

class ContentGenerator {
  constructor(seed) {
    this.random = prng(seed);
  }
  int(low, high) {
    return low + Math.floor(this.random() * (high - low + 1));
  }
  pick(list) {
    return list[Math.floor(this.random() * list.length)];
  }
  word() {
    return this.pick(WORDS);
  }
  ident() {
    const first = this.word();
    if (this.random() < 0.4) return first;
    const second = this.word();
    return first + second[0].toUpperCase() + second.slice(1);
  }
  words(count) {
    let text = this.word();
    for (let i = 1; i < count; i++) text += ` ${this.word()}`;
    return text;
  }
  /** One line of TypeScript-ish source, config or prose; about 3% reach the detectors. */
  line() {
    const indent = '  '.repeat(this.int(0, 3));
    const roll = this.random();
    if (roll < 0.03) return indent + this.pick(KEYWORD_LINES);
    if (roll < 0.08) return '';
    if (roll < 0.12) return `${indent}}`;
    switch (this.int(0, 11)) {
      case 0: return `${indent}const ${this.ident()} = ${this.ident()}(${this.ident()}, ${this.int(0, 5000)});`;
      case 1: return `${indent}if (${this.ident()} && ${this.ident()}.${this.word()} > ${this.int(0, 999)}) {`;
      case 2: return `${indent}return ${this.ident()}.map((${this.word()}) => ${this.word()}.${this.ident()});`;
      case 3: return `${indent}// ${this.words(this.int(3, 12))}`;
      case 4: return `import { ${this.ident()}, ${this.ident()} } from './${this.word()}/${this.ident()}.js';`;
      case 5: return `${indent}export async function ${this.ident()}(${this.word()}: ${this.pick(TYPES)}): Promise<${this.pick(TYPES)}> {`;
      case 6: return `${indent}await ${this.ident()}.${this.ident()}('${this.word()}-${this.word()}', { timeout: ${this.int(100, 30000)}, retries: ${this.int(0, 5)} });`;
      case 7: return `${indent}logger.info('${this.words(this.int(2, 6))}', { ${this.ident()}: ${this.ident()}.${this.word()} });`;
      case 8: return `${indent}"${this.ident()}": "${this.word()}-${this.word()}-${this.int(1, 99)}",`;
      case 9: return `${indent}${this.word()}_${this.word()}: ${this.int(0, 65535)}`;
      case 10: return `${indent}expect(${this.ident()}.${this.ident()}).toEqual([${this.int(0, 99)}, ${this.int(0, 99)}, ${this.int(0, 99)}]);`;
      default: return `${indent}${this.ident()}.${this.ident()} = ${this.ident()}[${this.int(0, 64)}] ?? '${this.words(this.int(1, 3))}';`;
    }
  }
  lines(count) {
    const out = [];
    for (let i = 0; i < count; i++) out.push(this.line());
    return out;
  }
}

/** Deterministic seed per size, so a size stages the same bytes whatever else runs. */
function seedFor(name) {
  let hash = 0x1c0ffee;
  for (const ch of name) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

// ---------------------------------------------------------------- repositories

const ENV_BASE = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.toUpperCase().startsWith('GIT_') && name !== 'NO_COLOR' && name !== 'FORCE_COLOR'),
);

function makeEnv(home) {
  return { ...ENV_BASE, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1' };
}

function git(repo, env, args) {
  const run = spawnSync('git', args, { cwd: repo, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

function writeFile(repo, relative, content) {
  const file = path.join(repo, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** Writes about `bytes` of generated lines straight to disk; returns the line count. */
async function writeBigFile(file, bytes, generator) {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  let written = 0;
  let lines = 0;
  try {
    while (written < bytes) {
      let chunk = '';
      while (chunk.length < 1 << 20 && written + chunk.length < bytes) {
        chunk += `${generator.line()}\n`;
        lines += 1;
      }
      written += writeSync(fd, chunk);
      await tick();
    }
  } finally {
    closeSync(fd);
  }
  return lines;
}

/**
 * A repository with a base commit and the size's change staged. Returns what
 * was staged: files with added lines and the number of added lines.
 */
async function buildRepository(root, name, spec) {
  const home = path.join(root, `${name}-home`);
  const repo = path.join(root, `${name}-repo`);
  mkdirSync(home, { recursive: true });
  mkdirSync(repo, { recursive: true });
  writeFileSync(
    path.join(home, '.gitconfig'),
    '[user]\n\tname = Bench User\n\temail = bench@example.com\n[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n[core]\n\tautocrlf = false\n',
  );
  const env = makeEnv(home);
  const generator = new ContentGenerator(seedFor(name));
  git(repo, env, ['init', '-q']);

  // Base commit: a README, and the files the change will modify.
  writeFile(repo, 'README.md', '# bench\n\nGenerated by intercom-guard scripts/bench.mjs.\n');
  const modified = [];
  for (let i = 0; i < spec.modified; i++) {
    const relative = `src/${generator.word()}/${generator.ident()}-${String(i).padStart(3, '0')}.ts`;
    const lines = generator.lines(150);
    writeFile(repo, relative, `${lines.join('\n')}\n`);
    modified.push({ relative, lines });
  }
  git(repo, env, ['add', '-A']);
  git(repo, env, ['commit', '-q', '--no-verify', '-m', 'base']);

  // The change: inserted lines in three places per modified file, new files, one big file.
  let addedLines = 0;
  let bytes = 0;
  for (const { relative, lines } of modified) {
    const result = [...lines];
    const per = Math.ceil(spec.insertedPerFile / 3);
    let left = spec.insertedPerFile;
    for (const at of [120, 75, 20]) {
      const block = generator.lines(Math.min(per, left)).map((text) => `${text} // new`);
      left -= block.length;
      addedLines += block.length;
      result.splice(at, 0, ...block);
    }
    const content = `${result.join('\n')}\n`;
    bytes += Buffer.byteLength(content);
    writeFile(repo, relative, content);
  }
  const extensions = ['ts', 'ts', 'ts', 'js', 'py', 'yaml', 'json', 'md'];
  for (let i = 0; i < spec.added; i++) {
    const relative = `pkg/${generator.word()}/${generator.ident()}-${String(i).padStart(4, '0')}.${generator.pick(extensions)}`;
    const content = `${generator.lines(spec.linesPerAdded).join('\n')}\n`;
    bytes += Buffer.byteLength(content);
    addedLines += spec.linesPerAdded;
    writeFile(repo, relative, content);
  }
  let files = spec.modified + spec.added;
  if (spec.bigBytes > 0) {
    // Not under vendor/ (or a lock file, changelog, test folder): every detector runs on it.
    const big = path.join(repo, 'src/generated/bundle.js');
    addedLines += await writeBigFile(big, spec.bigBytes, generator);
    bytes += statSync(big).size;
    files += 1;
  }
  git(repo, env, ['add', '-A']);
  return { repo, env, files, addedLines, bytes };
}

// ---------------------------------------------------------------- measuring

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function run(command, args, options) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { maxBuffer: 64 * 1024 * 1024, ...options });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw result.error;
  return { ms, status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** GNU time (`-f %M`, KB) or BSD time (`-l`, bytes), or undefined: peak RSS needs one. */
function findTimeTool(scratch) {
  const candidates = new Set(['/usr/bin/time']);
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.add(path.join(dir, 'time'));
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const out = path.join(scratch, 'time-probe');
    const gnu = spawnSync(candidate, ['-f', '%M', '-o', out, NODE, '-e', '0'], { encoding: 'utf8' });
    if (gnu.status === 0 && existsSync(out) && /^\d+\s*$/.test(readFileSync(out, 'utf8').trim().split('\n').pop())) {
      return { path: candidate, kind: 'gnu' };
    }
    const bsd = spawnSync(candidate, ['-l', NODE, '-e', '0'], { encoding: 'utf8' });
    if (bsd.status === 0 && /(\d+)\s+maximum resident set size/.test(bsd.stderr)) return { path: candidate, kind: 'bsd' };
  }
  return undefined;
}

/**
 * Peak RSS in KB of one run of `command args`, or null without a time tool.
 * Linux reports the largest of the process and the children it waited for, so
 * for the hook this is max(node, the git it runs): the whole hook's footprint.
 */
function peakRssKb(timeTool, scratch, command, args, options) {
  if (!timeTool) return null;
  if (timeTool.kind === 'gnu') {
    const out = path.join(scratch, 'time-out');
    const result = spawnSync(timeTool.path, ['-f', '%M', '-o', out, command, ...args], { ...options, stdio: 'ignore' });
    if (result.status !== 0) return null;
    const value = Number(readFileSync(out, 'utf8').trim().split('\n').pop());
    return Number.isFinite(value) ? value : null;
  }
  const result = spawnSync(timeTool.path, ['-l', command, ...args], { ...options, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const match = /(\d+)\s+maximum resident set size/.exec(result.stderr ?? '');
  return result.status === 0 && match ? Math.round(Number(match[1]) / 1024) : null;
}

/**
 * The node process's own peak RSS in KB (process.resourceUsage().maxRSS,
 * read at exit by a preloaded file), without git's: what the scanner itself
 * holds. Needs no time tool; --require works on every Node 20.
 */
function ownPeakRssKb(scratch, args, options) {
  const probe = path.join(scratch, 'rss-probe.cjs');
  const out = path.join(scratch, 'rss-probe.out');
  writeFileSync(
    probe,
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.INTERCOM_GUARD_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n",
  );
  rmSync(out, { force: true });
  const result = spawnSync(NODE, ['--require', probe, ...args], { ...options, env: { ...options.env, INTERCOM_GUARD_BENCH_RSS: out }, stdio: 'ignore' });
  if (result.status !== 0 || !existsSync(out)) return null;
  const value = Number(readFileSync(out, 'utf8'));
  return Number.isFinite(value) && value > 0 ? value : null;
}

class HookFailed extends Error {}
/** Ctrl-C or kill reached a child: stop quietly, cleaning up. */
class Interrupted extends Error {}

/** Lets signal handlers run between the synchronous steps (spawnSync, writes). */
const tick = () => new Promise((resolve) => setImmediate(resolve));

async function measureSize(name, spec, rounds, root, timeTool, hookFlags, progress) {
  const setupStarted = Date.now();
  progress(`${name}: generating and staging ${describe(spec)} ...`);
  const staged = await buildRepository(root, name, spec);
  const setupMs = Date.now() - setupStarted;
  progress(`${name}: staged ${staged.files} files, ${staged.addedLines} added lines, ${mb(staged.bytes)} MB (${(setupMs / 1000).toFixed(1)} s); ${rounds} rounds`);

  const devNull = openSync(DEV_NULL, 'w');
  const options = { cwd: staged.repo, env: staged.env };
  const piped = { ...options, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' };
  const toNull = { ...options, stdio: ['ignore', devNull, 'pipe'], encoding: 'utf8' };
  const commands = [
    { key: 'hook', run: () => run(NODE, [CLI, 'staged'], piped) },
    { key: 'node', run: () => run(NODE, ['-e', '0'], { ...options, stdio: 'ignore' }) },
    { key: 'gitDiff', run: () => run('git', FLOOR_DIFF, toNull) },
    {
      key: 'gitDiffHookFlags',
      run: () => run('git', ['-c', 'core.quotePath=true', 'diff', '--cached', ...hookFlags], { ...toNull, env: { ...staged.env, LC_ALL: 'C' } }),
    },
  ];
  const samples = Object.fromEntries(commands.map((command) => [command.key, []]));
  const check = (key, result) => {
    if (result.status === 0) return;
    if (result.signal === 'SIGINT' || result.signal === 'SIGTERM' || result.signal === 'SIGHUP') throw new Interrupted(result.signal);
    const what = key === 'hook' ? `the hook (node ${CLI} staged)` : key;
    throw new HookFailed(
      `${name}: ${what} exited ${result.status ?? result.signal} on a change that holds no secrets.\n` +
        `--- its stderr ---\n${result.stderr || '(empty)'}\n--- its stdout ---\n${result.stdout || '(empty)'}`,
    );
  };

  try {
    // Correctness first: the hook passes, and it read every added line.
    const debug = run(NODE, [CLI, 'staged', '--debug'], { ...options, encoding: 'utf8' });
    check('hook', debug);
    const scannedMatch = /scanned (\d+) added lines? in (\d+) files?/.exec(debug.stderr);
    const scanned = scannedMatch ? { lines: Number(scannedMatch[1]), files: Number(scannedMatch[2]) } : null;
    if (!scanned) {
      // The --debug wording changed: say so (update the pattern above) rather than fail the timing.
      progress(`${name}: WARNING: could not read the hook's --debug summary, so the line count was not checked: ${debug.stderr.trim() || '(nothing)'}`);
    } else if (scanned.lines !== staged.addedLines || scanned.files !== staged.files) {
      throw new HookFailed(
        `${name}: the hook did not read the whole change: staged ${staged.files} files / ${staged.addedLines} added lines, ` +
          `hook --debug said: ${debug.stderr.trim() || '(nothing)'}`,
      );
    }

    // One unrecorded warm-up round (page cache, git's object reads), then round-robin,
    // starting each round with the next command so no command always goes first.
    for (const command of commands) {
      check(command.key, command.run());
      await tick();
    }
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < commands.length; i++) {
        const command = commands[(round + i) % commands.length];
        const result = command.run();
        check(command.key, result);
        await tick();
        samples[command.key].push(result.ms);
      }
      progress(`${name}: round ${round + 1}/${rounds}: hook ${samples.hook.at(-1).toFixed(0)} ms`);
    }

    const rss = {
      hook: peakRssKb(timeTool, root, NODE, [CLI, 'staged'], options),
      hookNodeOnly: ownPeakRssKb(root, [CLI, 'staged'], options),
      gitDiff: peakRssKb(timeTool, root, 'git', FLOOR_DIFF, options),
      node: peakRssKb(timeTool, root, NODE, ['-e', '0'], options),
    };
    const medians = Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, round1(median(values))]));
    const floor = round1(medians.node + medians.gitDiff);
    return {
      name,
      files: staged.files,
      addedLines: staged.addedLines,
      bytes: staged.bytes,
      rounds,
      setupMs,
      hookExit: 0,
      scanned,
      medians: { ...medians, floor },
      ratios: {
        hookOverFloor: round2(medians.hook / floor),
        hookOverGitDiff: round2(medians.hook / medians.gitDiff),
      },
      overMs: round1(medians.hook - floor),
      peakRssKb: rss,
      samples: Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, values.map(round1)])),
    };
  } finally {
    closeSync(devNull);
  }
}

// ---------------------------------------------------------------- reporting

const round1 = (value) => Math.round(value * 10) / 10;
const round2 = (value) => Math.round(value * 100) / 100;
const mb = (bytes) => (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 2 : 1);

function describe(spec) {
  const parts = [];
  if (spec.modified) parts.push(`${spec.modified} modified files (+${spec.insertedPerFile} lines each)`);
  if (spec.added) parts.push(`${spec.added} new files (${spec.linesPerAdded} lines each)`);
  if (spec.bigBytes) parts.push(`one ${mb(spec.bigBytes)} MB file`);
  return parts.join(' + ');
}

function formatTable(header, body) {
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
  const format = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(format)].join('\n');
}

function timeTable(rows) {
  const header = ['size', 'files', 'added lines', 'MB', 'rounds', 'hook', 'node -e 0', 'git diff', 'floor', 'hook/floor', 'hook-floor', 'git (hook flags)'];
  return formatTable(
    header,
    rows.map((row) => [
      row.name,
      String(row.files),
      String(row.addedLines),
      mb(row.bytes),
      String(row.rounds),
      row.medians.hook.toFixed(1),
      row.medians.node.toFixed(1),
      row.medians.gitDiff.toFixed(1),
      row.medians.floor.toFixed(1),
      `${row.ratios.hookOverFloor.toFixed(2)}x`,
      `${row.overMs >= 0 ? '+' : ''}${row.overMs.toFixed(1)}`,
      row.medians.gitDiffHookFlags.toFixed(1),
    ]),
  );
}

function memoryTable(rows) {
  const rss = (kb) => (kb == null ? 'n/a' : (kb / 1024).toFixed(1));
  const header = ['size', 'hook peak RSS (node + its git)', "hook's node alone", 'git diff', 'node -e 0'];
  return formatTable(
    header,
    rows.map((row) => [row.name, rss(row.peakRssKb.hook), rss(row.peakRssKb.hookNodeOnly), rss(row.peakRssKb.gitDiff), rss(row.peakRssKb.node)]),
  );
}

function textReport(options, environment, results) {
  const memoryNote = environment.timeTool
    ? `Measured with ${environment.timeTool}, which reports the largest of a process and the children it waited for:\n` +
      "so the hook's figure is max(node, its git). \"hook's node alone\" is the hook's own process.resourceUsage().maxRSS."
    : "No GNU time found: n/a where it is needed. \"hook's node alone\" is the hook's own process.resourceUsage().maxRSS.";
  const read = results.every((result) => result.scanned) ? ' and read every added line (checked with --debug)' : '';
  return [
    '',
    `intercom-guard bench${options.quick ? ' (quick)' : ''}: node ${environment.node}, git ${environment.git}, ` +
      `${environment.platform}, ${environment.cpus} CPUs (${environment.cpuModel})`,
    `1-minute load average ${environment.loadAverage.before} before, ${environment.loadAverage.after} after; CLI ${environment.cli}`,
    '',
    `Time: medians in ms. floor = node -e 0 + git ${FLOOR_DIFF.join(' ')} (stdout to ${DEV_NULL}).`,
    '"git (hook flags)" is the diff the hook itself runs (rename/copy detection, --text, ...), for reference only.',
    '',
    timeTable(results),
    '',
    'Memory: peak RSS in MB, one run each.',
    memoryNote,
    '',
    memoryTable(results),
    '',
    `Every hook run exited 0${read}.`,
  ].join('\n');
}

function gitVersion() {
  const result = spawnSync('git', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().replace(/^git version /, '') : 'unknown';
}

// ---------------------------------------------------------------- main

const options = parseArgs(process.argv.slice(2));
if (options.cli) CLI = options.cli;
if (!existsSync(CLI)) {
  process.stderr.write(`bench: ${path.relative(process.cwd(), CLI) || CLI} is missing; build it first: npm run build\n`);
  process.exit(2);
}
const sizes = options.sizes ?? (options.quick ? ['small', 'large'] : ['small', 'medium', 'large']);
const progress = (text) => process.stderr.write(`bench: ${text}\n`);

const root = mkdtempSync(path.join(tmpdir(), 'intercom-guard-bench-'));
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  if (options.keep) progress(`kept the repositories in ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}

let exitCode = 0;
try {
  const loadBefore = loadavg()[0];
  if (loadBefore > cpus().length / 2) {
    progress(`the machine is busy (1-minute load ${loadBefore.toFixed(2)} on ${cpus().length} CPUs): expect noisy figures`);
  }
  const timeTool = findTimeTool(root);
  const hookFlags = hookDiffFlags(CLI);
  if (!timeTool) progress('no GNU time (/usr/bin/time -f %M): peak RSS will read n/a');
  const results = [];
  for (const name of sizes) {
    const spec = SIZES[name][options.quick ? 'quick' : 'full'];
    const result = await measureSize(name, spec, options.rounds ?? spec.rounds, root, timeTool, hookFlags.flags, progress);
    results.push(result);
    if (!options.keep) {
      for (const dir of [`${name}-repo`, `${name}-home`]) rmSync(path.join(root, dir), { recursive: true, force: true });
    }
  }
  const environment = {
    node: process.version,
    git: gitVersion(),
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    timeTool: timeTool ? `${timeTool.path} (${timeTool.kind})` : null,
    loadAverage: { before: round2(loadBefore), after: round2(loadavg()[0]) },
    cli: CLI,
    hookDiffFlags: hookFlags.flags.join(' '),
    hookDiffFlagsFrom: hookFlags.source,
  };
  if (options.json) {
    const floor = `median(node -e 0) + median(git ${FLOOR_DIFF.join(' ')})`;
    process.stdout.write(`${JSON.stringify({ ok: true, quick: options.quick, environment, floor, sizes: results }, null, 2)}\n`);
  } else {
    process.stdout.write(`${textReport(options, environment, results)}\n`);
  }
} catch (error) {
  if (error instanceof Interrupted) {
    exitCode = 130;
  } else if (error instanceof HookFailed) {
    process.stderr.write(`bench: FAILED: ${error.message}\n`);
    exitCode = 1;
  } else {
    process.stderr.write(`bench: error: ${error instanceof Error ? error.stack : String(error)}\n`);
    exitCode = 2;
  }
} finally {
  cleanup();
}
process.exitCode = exitCode;
