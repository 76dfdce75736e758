/**
 * Runs the labelled corpus through the real scanner and, for a sample, the
 * real hook.
 *
 * A temporary repository per worker (packaged hook installed, scanner linked
 * where a project install puts it; a few workers run side by side, each on its
 * own repository, one case at a time). Per case: write the file, `git add` it, run
 * `node dist/cli.cjs staged --no-color` (exit 1 = blocked), then reset the
 * repository to its base commit. Every `commitEvery`-th case is also
 * committed for real with `git commit` so the hook is seen to agree with
 * the scanner.
 *
 * Positives are always scanned alone, so a miss is attributable. Negatives
 * (except sampled ones and ones with committed `before` content) are staged
 * together in batches: a clean batch clears all of them at once; a blocked
 * batch is scanned again one case at a time, so a false block is still
 * attributed to its case.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { CLI, TempRepo } from '../helpers/repo.js';
import type { CorpusCase, Label } from './cases.js';
import { DEFAULT_SEED, Secrets } from './generators.js';

export type Outcome = 'blocked' | 'passed' | 'error';

export interface ReportedFinding {
  /** path:line:column as printed. */
  readonly location: string;
  readonly title: string;
  readonly confidence: string;
}

export interface CommitCheck {
  readonly status: number | null;
  readonly blocked: boolean;
  /** The hook blocked exactly when the scanner did (and a blocked commit left HEAD alone). */
  readonly agrees: boolean;
}

export interface CaseResult {
  readonly id: string;
  readonly label: Label;
  readonly category: string;
  readonly path: string;
  readonly note: string;
  readonly outcome: Outcome;
  readonly exitCode: number | null;
  /** positive and blocked, or negative and passed. */
  readonly correct: boolean;
  readonly findings: readonly ReportedFinding[];
  /** How the verdict was reached: alone, or as part of a clean batch of negatives. */
  readonly mode: 'single' | 'batch';
  readonly commit?: CommitCheck;
  /** The scanner's message when it failed (exit 2 or other). */
  readonly error?: string;
  readonly bytes: number;
  /** Wall time of this case's write, stage, scan (and commit) and reset; for a batch, its share. */
  readonly ms: number;
}

export interface EvaluateOptions {
  /** Seed for every generated value; defaults to DEFAULT_SEED. */
  readonly seed?: string;
  /** Also run a real `git commit` for every n-th case (by position in the corpus); 0 turns it off. */
  readonly commitEvery?: number;
  /** Stage clean-expected negatives together (default true). */
  readonly batchNegatives?: boolean;
  /** Most files in one batch. */
  readonly batchSize?: number;
  /** Repositories worked on at once (default: up to 3, by available CPUs). */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface CategoryRow {
  readonly label: Label;
  readonly category: string;
  readonly total: number;
  readonly correct: number;
}

export interface Summary {
  readonly cases: number;
  readonly positives: number;
  readonly negatives: number;
  /** Positives blocked. */
  readonly caught: number;
  readonly misses: readonly CaseResult[];
  readonly falseBlocks: readonly CaseResult[];
  /** Scans that failed (exit 2): the hook blocks, but nothing was detected. */
  readonly errors: readonly CaseResult[];
  readonly recall: number;
  readonly falseBlockRate: number;
  readonly commitChecks: number;
  readonly commitMismatches: readonly CaseResult[];
  readonly byCategory: readonly CategoryRow[];
}

export interface Evaluation {
  readonly seed: string;
  readonly results: readonly CaseResult[];
  readonly summary: Summary;
  readonly durationMs: number;
}

interface Prepared {
  readonly index: number;
  readonly testCase: CorpusCase;
  readonly content: string | Buffer;
  readonly before?: string | Buffer;
  readonly sampled: boolean;
}

interface ScanRun {
  readonly outcome: Outcome;
  readonly exitCode: number | null;
  readonly findings: ReportedFinding[];
  readonly stderr: string;
}

const FINDING_LINE = /^ {2}(\S.*):(\d+):(\d+) {2}(.+?) {2}\[(\w+), (\w+)\]$/;

export function parseFindings(stderr: string): ReportedFinding[] {
  const found: ReportedFinding[] = [];
  for (const line of stderr.split('\n')) {
    const match = FINDING_LINE.exec(line);
    if (match) found.push({ location: `${match[1]}:${match[2]}:${match[3]}`, title: match[4]!, confidence: match[6]! });
  }
  return found;
}

/** Whether two paths cannot live in one tree at once (same file, or one is a folder of the other). */
function pathsConflict(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

export function validateCorpus(cases: readonly CorpusCase[]): void {
  const ids = new Set<string>();
  for (const testCase of cases) {
    if (ids.has(testCase.id)) throw new Error(`duplicate case id ${testCase.id}`);
    ids.add(testCase.id);
    if (testCase.label !== 'positive' && testCase.label !== 'negative') throw new Error(`bad label on ${testCase.id}`);
    if (testCase.path.startsWith('/') || testCase.path.split('/').includes('..') || testCase.path.startsWith('.git/')) {
      throw new Error(`unsafe path on ${testCase.id}: ${testCase.path}`);
    }
  }
}

interface ProcessResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program without blocking the event loop, so that several workers overlap. */
function runProcess(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }),
    );
  });
}

/** One temporary repository with the packaged hook installed; a worker owns it. */
class CorpusRepo {
  readonly repo: TempRepo;
  readonly base: string;

  constructor() {
    this.repo = TempRepo.create();
    this.repo.installHook();
    this.repo.write('.corpus-base', 'base\n');
    this.repo.commitUnchecked('base');
    this.base = this.repo.head()!;
  }

  private async git(...args: string[]): Promise<ProcessResult> {
    const run = await runProcess('git', args, this.repo.dir, this.repo.env);
    if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
    return run;
  }

  /** Back to the base commit: index, working tree, nothing untracked (node_modules is excluded). */
  async reset(): Promise<void> {
    await this.git('reset', '-q', '--hard', this.base);
    await this.git('clean', '-fdq');
  }

  async stage(paths: readonly string[]): Promise<void> {
    await this.git('add', '-f', '--', ...paths);
  }

  async commitUnchecked(message: string): Promise<void> {
    await this.git('commit', '-q', '--no-verify', '-m', message);
  }

  async head(): Promise<string> {
    return (await this.git('rev-parse', 'HEAD')).stdout.trim();
  }

  /** `node dist/cli.cjs staged --no-color` in the repository. */
  async scan(): Promise<ScanRun> {
    const run = await runProcess(process.execPath, [CLI, 'staged', '--no-color'], this.repo.dir, this.repo.env);
    const outcome: Outcome = run.status === 0 ? 'passed' : run.status === 1 ? 'blocked' : 'error';
    return { outcome, exitCode: run.status, findings: parseFindings(run.stderr), stderr: run.stderr };
  }

  /** A real `git commit` through the installed hook. */
  async commit(): Promise<{ status: number | null; blocked: boolean; headMoved: boolean }> {
    const before = await this.head();
    const run = await runProcess('git', ['commit', '-q', '-m', 'corpus case'], this.repo.dir, this.repo.env);
    const headMoved = (await this.head()) !== before;
    return { status: run.status, blocked: run.status !== 0, headMoved };
  }
}

function toResult(prepared: Prepared, run: ScanRun, mode: 'single' | 'batch', ms: number, commit?: CommitCheck): CaseResult {
  const { testCase } = prepared;
  const correct =
    run.outcome === 'error' ? false : testCase.label === 'positive' ? run.outcome === 'blocked' : run.outcome === 'passed';
  return {
    id: testCase.id,
    label: testCase.label,
    category: testCase.category,
    path: testCase.path,
    note: testCase.note,
    outcome: run.outcome,
    exitCode: run.exitCode,
    correct,
    findings: run.findings,
    mode,
    ...(commit ? { commit } : {}),
    ...(run.outcome === 'error' ? { error: run.stderr.trim().split('\n').slice(0, 3).join(' | ') } : {}),
    bytes: typeof prepared.content === 'string' ? Buffer.byteLength(prepared.content) : prepared.content.length,
    ms,
  };
}

async function runSingle(corpus: CorpusRepo, prepared: Prepared, withCommit: boolean): Promise<CaseResult> {
  const { testCase } = prepared;
  const started = Date.now();
  try {
    if (prepared.before !== undefined) {
      corpus.repo.write(testCase.path, prepared.before);
      await corpus.stage([testCase.path]);
      await corpus.commitUnchecked('before');
    }
    corpus.repo.write(testCase.path, prepared.content);
    await corpus.stage([testCase.path]);
    const run = await corpus.scan();
    let commit: CommitCheck | undefined;
    if (withCommit) {
      const check = await corpus.commit();
      const scannerBlocked = run.outcome !== 'passed';
      // Same verdict, and a blocked commit left HEAD where it was (a passing one moved it).
      const agrees = check.blocked === scannerBlocked && check.headMoved !== check.blocked;
      commit = { status: check.status, blocked: check.blocked, agrees };
    }
    return toResult(prepared, run, 'single', Date.now() - started, commit);
  } finally {
    await corpus.reset();
  }
}

/** Negatives staged together; a blocked batch is run again case by case. */
async function runBatch(corpus: CorpusRepo, batch: readonly Prepared[]): Promise<CaseResult[]> {
  const started = Date.now();
  let run: ScanRun;
  try {
    for (const item of batch) corpus.repo.write(item.testCase.path, item.content);
    await corpus.stage(batch.map((item) => item.testCase.path));
    run = await corpus.scan();
  } finally {
    await corpus.reset();
  }
  if (run.outcome === 'passed') {
    const share = Math.round((Date.now() - started) / batch.length);
    return batch.map((item) => toResult(item, run, 'batch', share));
  }
  const results: CaseResult[] = [];
  for (const item of batch) results.push(await runSingle(corpus, item, false));
  return results;
}

/** Groups negatives into batches whose paths do not collide. */
function makeBatches(items: readonly Prepared[], size: number): Prepared[][] {
  const batches: Prepared[][] = [];
  for (const item of items) {
    const batch = batches.find(
      (candidate) => candidate.length < size && candidate.every((other) => !pathsConflict(other.testCase.path, item.testCase.path)),
    );
    if (batch) batch.push(item);
    else batches.push([item]);
  }
  return batches;
}

export async function evaluateCorpus(cases: readonly CorpusCase[], options: EvaluateOptions = {}): Promise<Evaluation> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build it first (node build.mjs)`);
  validateCorpus(cases);
  const started = Date.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const commitEvery = options.commitEvery ?? 10;
  const batchNegatives = options.batchNegatives ?? true;
  const batchSize = options.batchSize ?? 25;
  const workers = Math.max(1, options.workers ?? Math.min(3, availableParallelism()));

  const prepared: Prepared[] = cases.map((testCase, index) => {
    const secrets = new Secrets(seed, testCase.id);
    const before = testCase.before?.(secrets);
    const content = testCase.render(secrets);
    return {
      index,
      testCase,
      content,
      ...(before !== undefined ? { before } : {}),
      sampled: commitEvery > 0 && index % commitEvery === 0,
    };
  });

  const batchable = prepared.filter(
    (item) => batchNegatives && item.testCase.label === 'negative' && !item.sampled && item.before === undefined,
  );
  const batchableSet = new Set(batchable);
  // Biggest jobs first, so no worker is left with a long one at the end.
  const queue: { weight: number; job: (corpus: CorpusRepo) => Promise<CaseResult[]> }[] = [];
  for (const item of prepared) {
    if (batchableSet.has(item)) continue;
    const weight = (typeof item.content === 'string' ? item.content.length : item.content.length) + (item.sampled ? 5_000 : 0);
    queue.push({ weight, job: async (corpus) => [await runSingle(corpus, item, item.sampled)] });
  }
  for (const batch of makeBatches(batchable, batchSize)) {
    queue.push({ weight: 10_000 * batch.length, job: (corpus) => runBatch(corpus, batch) });
  }
  queue.sort((a, b) => b.weight - a.weight);

  const results = new Map<string, CaseResult>();
  let done = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    const corpus = new CorpusRepo();
    for (;;) {
      const entry = queue[next++];
      if (!entry) return;
      for (const result of await entry.job(corpus)) {
        results.set(result.id, result);
        done += 1;
        options.onProgress?.(done, prepared.length);
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, () => worker()));

  const ordered = prepared.map((item) => {
    const result = results.get(item.testCase.id);
    if (!result) throw new Error(`no result for ${item.testCase.id}`);
    return result;
  });
  return { seed, results: ordered, summary: summarize(ordered), durationMs: Date.now() - started };
}

export function summarize(results: readonly CaseResult[]): Summary {
  const positives = results.filter((result) => result.label === 'positive');
  const negatives = results.filter((result) => result.label === 'negative');
  const misses = positives.filter((result) => !result.correct);
  const falseBlocks = negatives.filter((result) => result.outcome === 'blocked');
  const errors = results.filter((result) => result.outcome === 'error');
  const checked = results.filter((result) => result.commit !== undefined);
  const rows = new Map<string, { label: Label; category: string; total: number; correct: number }>();
  for (const result of results) {
    const key = `${result.label}\0${result.category}`;
    const row = rows.get(key) ?? { label: result.label, category: result.category, total: 0, correct: 0 };
    row.total += 1;
    if (result.correct) row.correct += 1;
    rows.set(key, row);
  }
  const caught = positives.length - misses.length;
  return {
    cases: results.length,
    positives: positives.length,
    negatives: negatives.length,
    caught,
    misses,
    falseBlocks,
    errors,
    recall: positives.length === 0 ? 1 : caught / positives.length,
    falseBlockRate: negatives.length === 0 ? 0 : falseBlocks.length / negatives.length,
    commitChecks: checked.length,
    commitMismatches: checked.filter((result) => !result.commit!.agrees),
    byCategory: [...rows.values()],
  };
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)} %`;
}

function describeFindings(result: CaseResult): string {
  if (result.findings.length === 0) return '';
  return result.findings.map((finding) => `${finding.location} ${finding.title} [${finding.confidence}]`).join('; ');
}

/** One line per case: id, category, path and note (and, for a block, what was reported). */
export function formatCaseList(results: readonly CaseResult[]): string {
  return results
    .map((result) => {
      const found = describeFindings(result);
      const error = result.error ? `\n      scan error: ${result.error}` : '';
      return `  - ${result.id}  [${result.category}]  ${result.path}\n      ${result.note}${found ? `\n      reported: ${found}` : ''}${error}`;
    })
    .join('\n');
}

export function formatReport(evaluation: Evaluation): string {
  const { summary } = evaluation;
  const lines: string[] = [];
  lines.push(
    `intercom-guard corpus evaluation: ${summary.cases} cases (${summary.positives} positive, ${summary.negatives} negative), seed "${evaluation.seed}", ${(evaluation.durationMs / 1000).toFixed(1)} s`,
    '',
    `  recall            ${String(summary.caught).padStart(4)} / ${String(summary.positives).padEnd(4)} ${percent(summary.recall)}`,
    `  false-block rate  ${String(summary.falseBlocks.length).padStart(4)} / ${String(summary.negatives).padEnd(4)} ${percent(summary.falseBlockRate)}`,
    `  scan errors       ${String(summary.errors.length).padStart(4)}`,
    `  hook == scanner   ${String(summary.commitChecks - summary.commitMismatches.length).padStart(4)} / ${summary.commitChecks} sampled real commits agree`,
    '',
    '  label     category                correct / total',
  );
  const rows = [...summary.byCategory].sort((a, b) => a.label.localeCompare(b.label) || a.category.localeCompare(b.category));
  for (const row of rows) {
    const flag = row.correct === row.total ? '' : '   <--';
    lines.push(`  ${row.label.padEnd(9)} ${row.category.padEnd(23)} ${String(row.correct).padStart(7)} / ${row.total}${flag}`);
  }
  if (summary.misses.length > 0) {
    lines.push('', `Misses (positive, commit NOT blocked): ${summary.misses.length}`, formatCaseList(summary.misses));
  }
  if (summary.falseBlocks.length > 0) {
    lines.push('', `False blocks (negative, commit blocked): ${summary.falseBlocks.length}`, formatCaseList(summary.falseBlocks));
  }
  if (summary.errors.length > 0) {
    lines.push('', `Scan errors (exit code other than 0 or 1): ${summary.errors.length}`, formatCaseList(summary.errors));
  }
  if (summary.commitMismatches.length > 0) {
    lines.push('', `Real commit disagreed with the scanner: ${summary.commitMismatches.length}`, formatCaseList(summary.commitMismatches));
  }
  return `${lines.join('\n')}\n`;
}
