// Type checking needs the whole project, not only the staged files.
export default {
  '*.{ts,mjs,js}': () => 'tsc -p .',
};
