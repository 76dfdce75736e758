import { describe, expect, it } from 'vitest';
import type { GitProcess } from '../../src/git/process.js';
import { TUNE_AFTER_BYTES, tunedForShortRun } from '../../src/short-run-tuning.js';

/** A git process that hands over fixed chunks. */
function fakeOutput(chunks: Buffer[]): GitProcess & { cancelled: boolean } {
  return {
    cancelled: false,
    consume(onData) {
      for (const chunk of chunks) onData(chunk);
      return Promise.resolve();
    },
    cancel() {
      this.cancelled = true;
    },
  };
}

describe('tunedForShortRun', () => {
  it('passes every chunk on, in order, across the byte threshold', async () => {
    const chunks = [Buffer.alloc(TUNE_AFTER_BYTES - 1, 'a'), Buffer.from('bc'), Buffer.alloc(10, 'd')];
    const seen: Buffer[] = [];
    await tunedForShortRun(fakeOutput(chunks)).consume((chunk) => seen.push(chunk));
    expect(Buffer.concat(seen).equals(Buffer.concat(chunks))).toBe(true);
  });

  it('forwards cancel to git', () => {
    const git = fakeOutput([]);
    tunedForShortRun(git).cancel();
    expect(git.cancelled).toBe(true);
  });
});
