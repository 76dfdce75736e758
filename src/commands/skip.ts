/** SKIP=...,intercom-guard (the pre-commit framework's list) or INTERCOM_GUARD=0: skip the hook-mode scans. */
export function skipRequested(env: NodeJS.ProcessEnv): string | undefined {
  const skip = (env.SKIP ?? '').split(',').map((entry) => entry.trim());
  if (skip.includes('intercom-guard')) return 'SKIP names intercom-guard';
  if (env.INTERCOM_GUARD === '0') return 'INTERCOM_GUARD=0';
  return undefined;
}
