/**
 * Path globs (ignorePaths, --exclude), matched as .gitignore would: a glob
 * without a slash matches a file name at any depth. picomatch is loaded only
 * when there are globs to match.
 */
export async function globMatcher(globs: readonly string[]): Promise<(relative: string) => boolean> {
  if (globs.length === 0) return () => false;
  const { default: picomatch } = await import('picomatch');
  const matcher = picomatch(
    globs.map((glob) => (glob.includes('/') ? glob : `**/${glob}`)),
    { dot: true },
  );
  return (relative) => matcher(relative);
}
