// Replaced at build time with the version in package.json.
declare const __INTERCOM_GUARD_VERSION__: string | undefined;

export const VERSION: string =
  typeof __INTERCOM_GUARD_VERSION__ === 'string' ? __INTERCOM_GUARD_VERSION__ : '0.0.0-dev';
