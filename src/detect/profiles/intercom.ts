/**
 * The product spec (shared/seed) and the Intercom facts sheet as data.
 * A new credential type is a new profile here, not new control flow.
 */
import type { AssignmentProfile, CredentialInfo, DetectorProfile, TokenProfile } from '../types.js';
import { ENCODED_TOKEN_KEYWORDS, validateAccessToken, validateEncodedAccessToken } from '../intercom-access-token.js';
import { validateLegacyToken } from '../spec-pattern.js';

const DEVELOPER_HUB = 'https://app.intercom.com/a/apps/_/developer-hub';

const REMOVE_STEP =
  'Remove it from the change: take the value out of the file, `git add` the file again, and load the value at run time from an environment variable or a secrets manager (HashiCorp Vault, AWS Secrets Manager) instead of the code.';
const AUDIT_STEP =
  'Audit access: in Intercom open Settings > Workspace > Teammates > Activity logs (or GET /admins/activity_logs) and review what was done during the exposure window (look for app_package_token_regeneration, app_package_installation, oauth_token_revocation).';
const HARDEN_STEP =
  "Harden: give the new credential the least permissions the app needs and restrict the REST API to your servers with Intercom's IP allowlist.";

/** Spec: "Severity: High". */
const SEVERITY = 'high' as const;

export const ACCESS_TOKEN_CREDENTIAL: CredentialInfo = {
  impact:
    'An Intercom access token lets anyone who holds it read customer data and conversations, send messages as your company and change user profiles.',
  remediation: [
    REMOVE_STEP,
    `Revoke or regenerate the token in Intercom: Developer Hub (${DEVELOPER_HUB}) > your app > Test & Publish > Your workspaces > "Regenerate token" (the old token stops working at once; "Uninstall app" revokes it; workspaces with classic API keys: Settings > API Keys, delete the key). For an OAuth token, uninstall the app from the workspace or call POST https://api.intercom.io/auth/uninstall with it. Tokens never expire on their own.`,
    AUDIT_STEP,
    'Rotate: put the new token in every system that used the old one (applications, environments, CI/CD secrets) and redeploy them.',
    HARDEN_STEP,
  ],
};

const IDENTITY_SECRET_CREDENTIAL: CredentialInfo = {
  impact:
    "Intercom's Identity Verification secret lets anyone who holds it compute user_hash values and impersonate your users in the Messenger, reading their conversations.",
  remediation: [
    REMOVE_STEP,
    "Regenerate the Identity Verification secret in your Intercom workspace's Messenger security settings (the old secret stops verifying users).",
    AUDIT_STEP,
    'Rotate: deploy the new secret to every server that computes user_hash and redeploy them.',
    HARDEN_STEP,
  ],
};

const CLIENT_SECRET_CREDENTIAL: CredentialInfo = {
  impact:
    "An Intercom OAuth client secret lets anyone who holds it act as your app in OAuth flows and forge the signatures of your app's webhooks.",
  remediation: [
    REMOVE_STEP,
    `Regenerate the client secret in Intercom: Developer Hub (${DEVELOPER_HUB}) > your app > Configure > Basic Information.`,
    AUDIT_STEP,
    'Rotate: deploy the new client secret to every system that runs the OAuth flow or checks webhook signatures (X-Hub-Signature).',
    HARDEN_STEP,
  ],
};

/** Real access tokens: base64 of tok:<uuid>:1:0, found anywhere and validated by decoding. */
const accessToken: TokenProfile = {
  kind: 'token',
  id: 'intercom-access-token',
  title: 'Intercom access token',
  severity: SEVERITY,
  confidence: 'confirmed',
  keywords: ['dg9r'],
  // Any base64 run that starts like "tok:"; decoding decides. No word boundary: tokens
  // are found glued to other text (Bearer%20dG9r...).
  pattern: /dG9r[A-Za-z0-9+/_-]{40,}(?:%3D|=){0,2}/g,
  blockPattern: 'dG9r[A-Za-z0-9+/_-]{40}',
  validate: validateAccessToken,
  filterPlaceholders: false,
  credential: ACCESS_TOKEN_CREDENTIAL,
};

/** The same tokens encoded once more in base64 (Kubernetes Secret data:, Basic auth). */
const encodedAccessToken: TokenProfile = {
  ...accessToken,
  title: 'Intercom access token (base64-encoded)',
  keywords: ENCODED_TOKEN_KEYWORDS.map((keyword) => keyword.toLowerCase()),
  pattern: new RegExp(ENCODED_TOKEN_KEYWORDS.join('|'), 'g'),
  validate: validateEncodedAccessToken,
  blockPattern: ENCODED_TOKEN_KEYWORDS.join('|'),
};

/** The spec's pattern, ic_[a-zA-Z0-9]{16,32}, bounded so longer identifiers do not match. */
const specPattern: TokenProfile = {
  kind: 'token',
  id: 'intercom-ic-token',
  title: 'Intercom token (ic_ pattern)',
  severity: SEVERITY,
  confidence: 'pattern',
  keywords: ['ic_'],
  pattern: /(?<![A-Za-z0-9_])ic_[A-Za-z0-9]{16,32}(?![A-Za-z0-9])/g,
  blockPattern: '(?<![A-Za-z0-9_])ic_[A-Za-z0-9]{16}',
  validate: validateLegacyToken,
  filterPlaceholders: true,
  credential: ACCESS_TOKEN_CREDENTIAL,
};

/**
 * Names are compared lower-cased with everything but letters and digits removed,
 * so INTERCOM_ACCESS_TOKEN, intercomAccessToken and intercom-access-token agree.
 * A trailing environment word (INTERCOM_TOKEN_PROD) is allowed; other trailing
 * words are not, so INTERCOM_TOKEN_URL is just a name.
 */
const ENVIRONMENT_SUFFIX = '(?:prod|production|staging|stage|stg|dev|development|test|qa|uat|eu|us|au|live|sandbox|local|old|new|v\\d+|\\d+)?';

function names(suffixes: string): RegExp {
  return new RegExp(`intercom(?:${suffixes})${ENVIRONMENT_SUFFIX}$`);
}

const tokenAssignment: AssignmentProfile = {
  kind: 'assignment',
  id: 'intercom-token-assignment',
  title: 'Intercom token assigned to a variable',
  severity: SEVERITY,
  confidence: 'context',
  keywords: ['intercom'],
  // INTERCOM_TOKEN, _API_KEY, _SECRET, _ACCESS_TOKEN, _CLIENT_TOKEN, _AUTH_TOKEN (the spec) and kin.
  names: names(
    '(?:api|app|rest|oauth)?(?:access|client|auth|bearer|personal|private)?(?:token|key|apikey|apitoken|secret|apisecret|pat)',
  ),
  minLength: 12,
  minEntropy: 3,
  scope: 'anywhere',
  credential: ACCESS_TOKEN_CREDENTIAL,
};

const identitySecretAssignment: AssignmentProfile = {
  kind: 'assignment',
  id: 'intercom-identity-secret',
  title: 'Intercom Identity Verification secret',
  severity: SEVERITY,
  confidence: 'context',
  keywords: ['intercom'],
  // INTERCOM_SECRET_KEY, INTERCOM_IDENTITY_SECRET, INTERCOM_HMAC_SECRET (facts sheet).
  names: names('(?:secretkey|identitysecret|identitykey|identityverificationsecret|identityverificationkey|hmacsecret|hmackey|messengersecret)'),
  minLength: 12,
  minEntropy: 3,
  scope: 'anywhere',
  credential: IDENTITY_SECRET_CREDENTIAL,
};

const clientSecretAssignment: AssignmentProfile = {
  kind: 'assignment',
  id: 'intercom-client-secret',
  title: 'Intercom OAuth client secret',
  severity: SEVERITY,
  confidence: 'context',
  keywords: ['intercom'],
  // INTERCOM_CLIENT_SECRET, INTERCOM_WEBHOOK_SECRET (facts sheet).
  names: names('(?:clientsecret|oauthsecret|oauthclientsecret|appsecret|webhooksecret|webhooksigningsecret|signingsecret)'),
  minLength: 12,
  minEntropy: 3,
  scope: 'anywhere',
  credential: CLIENT_SECRET_CREDENTIAL,
};

/**
 * A generic name (token, secret, api_key, ...) holding a high-entropy literal
 * where only the context says Intercom: the spec's file locations, a path
 * naming intercom, or beneath an `intercom:` / `"intercom": {` parent key.
 * Without the word in the name, the bar for the value is higher.
 */
const contextSecret: AssignmentProfile = {
  kind: 'assignment',
  id: 'intercom-context-secret',
  title: 'Secret in an Intercom context',
  severity: SEVERITY,
  confidence: 'context',
  // The names below, as they are written (api_key, apiKey, private-key...), not every "key".
  keywords: ['token', 'secret', 'apikey', 'api_key', 'api-key', 'privatekey', 'private_key', 'private-key', 'accesskey', 'access_key', 'access-key'],
  names: /^(?:token|secret|apikey|apitoken|apisecret|accesstoken|authtoken|bearertoken|clienttoken|clientsecret|secretkey|privatekey|accesskey|identitysecret|hmacsecret|webhooksecret|signingsecret)$/,
  lastSegment: true,
  minLength: 16,
  minEntropy: 3.5,
  scope: 'intercom-context',
  credential: ACCESS_TOKEN_CREDENTIAL,
};

export const INTERCOM_PROFILES: readonly DetectorProfile[] = [
  accessToken,
  encodedAccessToken,
  specPattern,
  tokenAssignment,
  identitySecretAssignment,
  clientSecretAssignment,
  contextSecret,
];
