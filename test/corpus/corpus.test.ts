/**
 * The labelled corpus through the real hook: every positive must be blocked
 * (recall 100 %), no negative may be (false-block rate 0), and a real
 * `git commit` must agree with the scanner on the sampled cases.
 *
 * EVAL_REPORT=1 prints the summary table (recall, false-block rate, every
 * miss and false block); EVAL_JSON=FILE writes the per-case results;
 * CORPUS_SEED=... generates the values from another seed. `npm run eval`
 * (test/scripts/eval.mjs) sets these up.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs } from '../helpers/repo.js';
import { CASES } from './cases.js';
import { evaluateCorpus, formatCaseList, formatReport, validateCorpus, type Evaluation } from './evaluate.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));

let evaluation: Evaluation | undefined;

beforeAll(async () => {
  evaluation = await evaluateCorpus(CASES, process.env.CORPUS_SEED ? { seed: process.env.CORPUS_SEED } : {});
  if (process.env.EVAL_REPORT) console.log(`\n${formatReport(evaluation)}`);
  if (process.env.EVAL_JSON) {
    writeFileSync(process.env.EVAL_JSON, `${JSON.stringify({ seed: evaluation.seed, summary: evaluation.summary, results: evaluation.results }, null, 2)}\n`);
  }
}, 600_000);

afterAll(cleanupTempDirs);

function evaluated(): Evaluation {
  if (!evaluation) throw new Error('the corpus was not evaluated');
  return evaluation;
}

describe('the corpus itself', () => {
  it('has at least 220 well-formed cases, roughly half of each label', () => {
    validateCorpus(CASES);
    const positives = CASES.filter((testCase) => testCase.label === 'positive').length;
    expect(CASES.length).toBeGreaterThanOrEqual(220);
    expect(positives / CASES.length).toBeGreaterThan(0.4);
    expect(positives / CASES.length).toBeLessThan(0.6);
  });

  it('holds no real-shaped access token in its source (all are generated at run time)', () => {
    for (const file of ['cases.ts', 'generators.ts', 'evaluate.ts', 'corpus.test.ts']) {
      const source = readFileSync(path.join(HERE, file), 'utf8');
      for (const match of source.matchAll(/dG9r[A-Za-z0-9+/_-]{16,}/g)) {
        const decoded = Buffer.from(match[0], 'base64').toString('latin1');
        expect(decoded, `${file} holds ${match[0].slice(0, 8)}...`).not.toMatch(/^tok:[0-9a-f]{8}[_-]/i);
      }
    }
  });
});

describe('the hook on the labelled corpus', () => {
  it('blocks every positive case (recall 100 %)', () => {
    const { summary } = evaluated();
    if (summary.misses.length > 0) {
      throw new Error(
        `recall ${summary.caught}/${summary.positives}: ${summary.misses.length} positive case(s) were NOT blocked:\n${formatCaseList(summary.misses)}`,
      );
    }
  });

  it('blocks no negative case (false-block rate 0)', () => {
    const { summary } = evaluated();
    if (summary.falseBlocks.length > 0) {
      throw new Error(
        `false-block rate ${summary.falseBlocks.length}/${summary.negatives}: these negative case(s) were blocked:\n${formatCaseList(summary.falseBlocks)}`,
      );
    }
  });

  it('never fails to scan (exit code 2)', () => {
    const { summary } = evaluated();
    if (summary.errors.length > 0) throw new Error(`scan errors:\n${formatCaseList(summary.errors)}`);
  });

  it('a real git commit through the installed hook agrees with the scanner on the sampled cases', () => {
    const { summary } = evaluated();
    expect(summary.commitChecks).toBeGreaterThanOrEqual(20);
    if (summary.commitMismatches.length > 0) {
      throw new Error(`hook and scanner disagree:\n${formatCaseList(summary.commitMismatches)}`);
    }
  });
});
