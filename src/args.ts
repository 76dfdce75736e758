/** Command-line arguments to a command and its options; no side effects. */
const COMMANDS = new Set(['staged']);

export interface ParsedArguments {
  readonly command: 'staged' | 'help' | 'version';
  readonly paths: string[];
  readonly debug: boolean;
  readonly noColor: boolean;
}

export function parseArguments(argv: readonly string[]): ParsedArguments | { error: string } {
  let command: ParsedArguments['command'] | undefined;
  const paths: string[] = [];
  let debug = false;
  let noColor = false;
  let afterDashes = false;
  for (const arg of argv) {
    if (afterDashes) {
      paths.push(arg);
    } else if (arg === '--') {
      afterDashes = true;
    } else if (arg === '-h' || arg === '--help') {
      return { command: 'help', paths, debug, noColor };
    } else if (arg === '-v' || arg === '--version') {
      return { command: 'version', paths, debug, noColor };
    } else if (arg === '--debug') {
      debug = true;
    } else if (arg === '--no-color') {
      noColor = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { error: `unknown option ${arg}` };
    } else if (command === undefined && paths.length === 0 && COMMANDS.has(arg)) {
      command = arg as ParsedArguments['command'];
    } else {
      // lint-staged appends the staged files it matched: intercom-guard [staged] FILE...
      paths.push(arg);
    }
  }
  return { command: command ?? 'staged', paths, debug, noColor };
}

