/**
 * A progress bar for long history scans: on a terminal only (nothing at all
 * on a pipe or in CI logs), redrawn at most ten times a second, cleared at the end.
 */
export interface Progress {
  update(done: number, findings: number): void;
  end(): void;
}

const NONE: Progress = { update: () => undefined, end: () => undefined };

export function createProgress(stream: { write(text: string): unknown; isTTY?: boolean }, total: number, label: string): Progress {
  if (stream.isTTY !== true) return NONE;
  let last = 0;
  let drawn = false;
  const draw = (done: number, findings: number) => {
    const width = 30;
    const ratio = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(ratio * width);
    stream.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} commits, ${findings} finding${findings === 1 ? '' : 's'}`);
    drawn = true;
  };
  return {
    update(done, findings) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done, findings);
    },
    end() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
