/**
 * What a file's name says about how to read it. In source code an unquoted
 * value after "=" is an expression (intercomToken = config.token); in .env,
 * shell, YAML, Dockerfiles and other config it is the literal value itself.
 */
import path from 'node:path';

const CODE_EXTENSIONS = new Set([
  'js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts', 'vue', 'svelte',
  'py', 'pyi', 'rb', 'go', 'java', 'kt', 'kts', 'scala', 'groovy', 'cs', 'fs', 'vb',
  'php', 'swift', 'rs', 'c', 'cc', 'cpp', 'cxx', 'h', 'hh', 'hpp', 'm', 'mm',
  'dart', 'lua', 'ex', 'exs', 'erl', 'clj', 'cljs', 'jl', 'r', 'pl', 'pm', 'hs', 'ml', 'elm', 'zig', 'nim',
]);

export interface FileContext {
  readonly path: string;
  /** Whether an unquoted value is a literal (config) rather than an expression (code). */
  readonly bareValuesAreLiterals: boolean;
}

export function fileContext(filePath: string): FileContext {
  const extension = path.posix.extname(filePath).slice(1).toLowerCase();
  return { path: filePath, bareValuesAreLiterals: !CODE_EXTENSIONS.has(extension) };
}
