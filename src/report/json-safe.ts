/**
 * JSON.stringify escapes C0 control characters but leaves DEL, C1 controls,
 * line separators and bidirectional overrides raw. Repository text ends up
 * in these reports (file names), and reports end up in terminals and
 * review tools, so those are escaped too; the JSON value is unchanged.
 */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function stringifySafe(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
