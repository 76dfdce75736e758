/**
 * Every general sentence a user reads. A credential's own impact and
 * remediation steps live in its detector profile; everything else is here,
 * so wording is reviewed in one place.
 */
export const TOOL = 'intercom-guard';

export const messages = {
  // Errors: one line each, naming what is wrong.
  usage: (detail: string) => `${TOOL}: ${detail} (see ${TOOL} --help)`,
  gitMissing: () => `${TOOL}: git was not found on PATH; install git or fix PATH`,
  gitFailed: (command: string, detail: string) => `${TOOL}: git ${command} failed: ${detail}`,
  notARepository: (cwd: string, detail: string) =>
    `${TOOL}: not inside a git working tree (${cwd})${detail ? `: ${detail}` : ''}`,
  diffUnreadable: (line: number, reason: string) =>
    `${TOOL}: could not read git's diff output at line ${line}: ${reason}`,
  internal: (detail: string) => `${TOOL}: internal error: ${detail}`,
  configInvalid: (source: string, problems: readonly string[]) => problems.map((problem) => `${source}: ${problem}`).join('\n'),
  configUnreadable: (source: string, reason: string) => `${source}: cannot read the configuration (${reason})`,
  configTwice: (first: string, second: string) =>
    `${first}: configuration is also given in ${second}; keep one of them`,
  configTooNew: (source: string, key: string, version: number, needed: string, running: string) =>
    `${source}: ${key}: format version ${version} needs intercom-guard >= ${needed} (this is ${running})`,
  customImpact: (title: string) => `A ${title} lets whoever holds it act with its owner's rights.`,
  customRemediation:
    'Remove it from the change, revoke or rotate it where it was issued, and load it at run time from an environment variable or a secrets manager.',
  skipped: (reason: string) => `${TOOL}: SKIP: ${reason}`,

  /** After any error in hook mode: the commit was stopped and how to go on knowingly. */
  failedClosed: () =>
    `${TOOL}: the staged change could not be scanned, so the commit was blocked. Fix the problem above, or commit without the scan, knowingly, with: git commit --no-verify`,

  // The block message.
  blockedHeading: (count: number) =>
    `${TOOL}: commit blocked: ${count === 1 ? 'an Intercom credential is' : `${count} Intercom credentials are`} in the staged change.`,
  foundHeading: (count: number) =>
    `${TOOL}: ${count === 1 ? 'an Intercom credential was' : `${count} Intercom credentials were`} found.`,
  alreadyCommittedHeading: (count: number) =>
    `${TOOL}: warning: ${count === 1 ? 'an Intercom credential that is' : `${count} Intercom credentials that are`} already committed (HEAD holds ${count === 1 ? 'it' : 'them'} in the same file) ${count === 1 ? 'is' : 'are'} in the staged change. Blocking this commit would not take ${count === 1 ? 'it' : 'them'} out of the history: treat ${count === 1 ? 'it' : 'them'} as leaked, revoke and rotate now (steps below), then remove ${count === 1 ? 'it' : 'them'} from the code.`,
  belowThresholdHeading: (count: number) =>
    `${TOOL}: warning: ${count === 1 ? 'a finding' : `${count} findings`} below the configured failOn severity (reported, not blocking):`,
  whyHeading: 'Why it matters',
  stepsHeading: 'What to do, in order',
  falsePositiveHeading: 'Not a secret?',
  falsePositive: [
    `Put the marker "${TOOL}:allow" in a comment on that line (or "gitleaks:allow", "pragma: allowlist secret"), then commit again.`,
  ],
  bypass: `To commit anyway: git commit --no-verify skips every pre-commit hook. Not recommended: the credential then enters the history, where removing it means rewriting history and revoking it anyway.`,
  findingLine: (location: string, title: string, severity: string, confidence: string) =>
    `${location}  ${title}  [${severity}, ${confidence}]`,
  findingDetail: (redacted: string, fingerprint: string) => `secret ${redacted}  fingerprint ${fingerprint}`,
  clean: (files: number) => `${TOOL}: no Intercom credentials in the staged change (${files} file${files === 1 ? '' : 's'} scanned).`,

  skippedFile: (path: string, reason: 'binary' | 'ignored' | 'too-large' | 'unreadable' | 'symlink') =>
    `${TOOL}: skipped ${path}: ${
      {
        binary: 'binary file',
        ignored: 'matches ignorePaths',
        'too-large': 'larger than maxFileBytes (not scanned)',
        unreadable: 'content not available locally (not scanned)',
        symlink: 'symbolic link (not followed)',
      }[reason]
    }`,
  baselineWritten: (file: string, count: number) =>
    `${TOOL}: wrote ${file} with ${count} finding${count === 1 ? '' : 's'} (fingerprints only, never secrets); commit it so the team shares it.`,
  packagedHookMissing: () => `${TOOL}: the packaged hook (hooks/pre-commit) is missing; reinstall intercom-guard`,
  hookNoNode: () =>
    `${TOOL}: node was not found on PATH, so this was not scanned and is blocked. GUI git clients run hooks with a minimal PATH: load your node version manager in ~/.config/husky/init.sh`,
  hookNotInstalled: () =>
    `${TOOL}: not installed in this repository, so this was not scanned and is blocked. Run: npm install --save-dev intercom-guard`,
  initWrote: (file: string) => `${TOOL}: wrote ${file}`,
  initAppended: (file: string) => `${TOOL}: added the scan to the existing ${file}`,
  initUnchanged: (file: string) => `${TOOL}: ${file} already runs intercom-guard (unchanged)`,
  initReplaced: (file: string, backup: string) => `${TOOL}: replaced ${file} (the old hook is kept as ${backup})`,
  initRefused: (file: string, reason: string) =>
    `${TOOL}: ${file} is an existing hook that ${reason}; not touched. Add the line "intercom-guard staged" to it yourself, or run init --force to replace it (the old one is kept as a backup)`,
  initAttributes: (rule: string) => `${TOOL}: added "${rule}" to .gitattributes (hook files must keep LF line endings)`,
  initHuskyInactive: () =>
    `${TOOL}: note: husky is not active in this clone yet (core.hooksPath is not .husky/_); run "npx husky" once, or "npm install" if your package.json has "prepare": "husky"`,
  noSuchStagedPath: (entry: string) =>
    `${TOOL}: no such file: ${entry} (staged takes paths of files; for commands see ${TOOL} --help)`,
  noSuchPath: (entry: string) => `${TOOL}: scan: no such file or folder: ${entry}`,
  partialClone: (detail: string) =>
    `${detail} (this is a partial clone: objects the scan needs are not here, and intercom-guard never fetches; run "git fetch --refetch" or scan a full clone)`,
  cannotRead: (file: string, reason: string) => `${TOOL}: cannot read ${file} (${reason})`,
  cannotWrite: (file: string, reason: string) => `${TOOL}: cannot write the report to ${file} (${reason})`,
  historyNote:
    'These are already in commits. Rewriting history (git rebase -i, git commit --amend, git filter-repo) keeps them out of the shared repository only if nobody has fetched them; revoke them either way.',
  verificationLabel: (verdict: string) => ({ live: 'LIVE', not_live: 'not live', unknown: 'liveness unknown' })[verdict] ?? verdict,
  // --debug
  debugScanned: (files: number, lines: number) => `${TOOL}: debug: scanned ${lines} added line${lines === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`,
} as const;

export const HELP = `Usage: ${TOOL} [command] [options]

Stops Intercom credentials from entering a git repository. With no command it
scans the staged change (what \`git commit\` is about to record), added lines
only, and exits non-zero when a credential is found: what the pre-commit hook runs.

Commands:
  staged [-- PATH...]   scan the staged change (the default); PATHs limit it to those files
  scan --range A..B     scan the added lines and messages of every commit in the range
  scan --history        scan every commit reachable from any ref (progress bar on a terminal)
  scan PATH...          scan files and folders on disk (ignored files too; not .git, node_modules)
  scan -                scan standard input
  commit-msg FILE       scan a commit message (the commit-msg hook)
  pre-push REMOTE [URL] scan the commits being pushed, refs read from standard input (the pre-push hook)
  baseline              record every current finding in tracked files in .intercom-guard-baseline.json
  init                  wire the scanner into this repository's hooks (husky, core.hooksPath or
                        .git/hooks): pre-commit and pre-merge-commit, plus --pre-push, --commit-msg;
                        --force replaces an existing hook (the old one is kept as a backup)

Options:
  --format FORMAT       text (default), json or sarif
  --output FILE, -o     write the report to FILE (hooks still print the message to stderr)
  --verify              ask Intercom whether each token is live (the only network access)
  --exclude GLOB        with scan PATH...: do not scan matching files (repeatable)
  --config PATH         read the configuration from PATH instead of .intercom-guard.json
  --debug               also say what was skipped (binary files) and what was scanned
  --no-color            never colour the output
  -h, --help            show this help
  -v, --version         show the version

Environment:
  SKIP=intercom-guard or INTERCOM_GUARD=0 skips the hook scans (one line says so)
  NO_COLOR              never colour the output
  HTTPS_PROXY, NO_PROXY used by --verify

Exit codes:
  0  nothing that blocks
  1  an Intercom credential was found (the commit or push is blocked)
  2  usage, configuration or git error; the scan could not be done (a hook blocks)
`;
