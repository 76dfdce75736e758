/** Command-line arguments to a command and its options; no side effects. */

export const COMMANDS = ['staged', 'scan', 'baseline', 'init', 'commit-msg', 'pre-push'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface ParsedArguments {
  readonly command: CommandName | 'help' | 'version';
  /** Positional arguments after the command (paths, or the message file for commit-msg). */
  readonly positionals: string[];
  readonly debug: boolean;
  readonly noColor: boolean;
  readonly config: string | undefined;
  readonly format: 'text' | 'json' | 'sarif';
  readonly output: string | undefined;
  readonly verify: boolean;
  readonly range: string | undefined;
  readonly history: boolean;
  readonly exclude: string[];
  readonly force: boolean;
  readonly prePush: boolean;
  readonly commitMsg: boolean;
}

const VALUE_OPTIONS = new Set(['--config', '--format', '--output', '-o', '--range', '--exclude']);
const FORMATS = new Set(['text', 'json', 'sarif']);

export function parseArguments(argv: readonly string[]): ParsedArguments | { error: string } {
  let command: ParsedArguments['command'] | undefined;
  const positionals: string[] = [];
  const parsed = {
    debug: false,
    noColor: false,
    config: undefined as string | undefined,
    format: 'text' as ParsedArguments['format'],
    output: undefined as string | undefined,
    verify: false,
    range: undefined as string | undefined,
    history: false,
    exclude: [] as string[],
    force: false,
    prePush: false,
    commitMsg: false,
  };
  let afterDashes = false;
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    if (afterDashes) {
      positionals.push(arg);
      continue;
    }
    let inlineValue: string | undefined;
    const equals = arg.indexOf('=');
    if (arg.startsWith('--') && equals > 0 && VALUE_OPTIONS.has(arg.slice(0, equals))) {
      inlineValue = arg.slice(equals + 1);
      arg = arg.slice(0, equals);
    }
    if (VALUE_OPTIONS.has(arg)) {
      const value = inlineValue ?? argv[++i];
      if (value === undefined) return { error: `${arg} needs a value` };
      switch (arg) {
        case '--config':
          parsed.config = value;
          break;
        case '--format':
          if (!FORMATS.has(value)) return { error: `--format: expected one of text, json, sarif, got "${value}"` };
          parsed.format = value as ParsedArguments['format'];
          break;
        case '--output':
        case '-o':
          parsed.output = value;
          break;
        case '--range':
          parsed.range = value;
          break;
        case '--exclude':
          parsed.exclude.push(value);
          break;
      }
      continue;
    }
    switch (arg) {
      case '--':
        afterDashes = true;
        break;
      case '-h':
      case '--help':
        return { command: 'help', positionals, ...parsed };
      case '-v':
      case '--version':
        return { command: 'version', positionals, ...parsed };
      case '--debug':
        parsed.debug = true;
        break;
      case '--no-color':
        parsed.noColor = true;
        break;
      case '--verify':
        parsed.verify = true;
        break;
      case '--history':
        parsed.history = true;
        break;
      case '--force':
        parsed.force = true;
        break;
      case '--pre-push':
        parsed.prePush = true;
        break;
      case '--commit-msg':
        parsed.commitMsg = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') return { error: `unknown option ${arg}` };
        if (command === undefined && positionals.length === 0 && (COMMANDS as readonly string[]).includes(arg)) {
          command = arg as CommandName;
        } else {
          // lint-staged appends the staged files it matched: intercom-guard [staged] FILE...
          positionals.push(arg);
        }
    }
  }
  return { command: command ?? 'staged', positionals, ...parsed };
}
