/**
 * The labelled corpus: files a developer might stage, each labelled with what
 * the hook must do with it. Labels follow the issue ("What must be caught" /
 * "What must not be blocked"), never the scanner's current behaviour.
 *
 * - positive: the commit must be blocked (exit 1)
 * - negative: the commit must go through (exit 0)
 *
 * Every secret-shaped value is produced at run time by `Secrets`
 * (generators.ts); nothing real-shaped is written here. Inside the template
 * literals below, `\${...}` is a literal "${...}" of the rendered file.
 */
import { alignment, base64, utf16be, utf16le, type Secrets } from './generators.js';

export type Label = 'positive' | 'negative';

export interface CorpusCase {
  /** Unique, stable; used in reports and to seed the case's generator. */
  readonly id: string;
  readonly label: Label;
  /** Where the file is staged, relative to the repository root. */
  readonly path: string;
  /** The staged content. */
  readonly render: (secrets: Secrets) => string | Buffer;
  /** Why the case has its label, in a few words. */
  readonly note: string;
  /** The capability the case exercises (groups the report). */
  readonly category: string;
  /**
   * Content already committed at `path` before the case (hooks bypassed), so
   * that only the difference is staged: context lines then are not in the diff.
   */
  readonly before?: (secrets: Secrets) => string | Buffer;
}

type Render = CorpusCase['render'];

const cases: CorpusCase[] = [];

function add(label: Label, category: string, id: string, path: string, note: string, render: Render, before?: Render): void {
  cases.push({ id, label, path, note, category, render, ...(before ? { before } : {}) });
}

const pos = (category: string, id: string, path: string, note: string, render: Render, before?: Render): void =>
  add('positive', category, `pos/${id}`, path, note, render, before);
const neg = (category: string, id: string, path: string, note: string, render: Render, before?: Render): void =>
  add('negative', category, `neg/${id}`, path, note, render, before);

const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/** A Jupyter notebook with one code cell. */
function notebook(source: readonly string[], outputText?: readonly string[]): string {
  const cell = {
    cell_type: 'code',
    execution_count: 3,
    metadata: {},
    outputs: outputText ? [{ name: 'stdout', output_type: 'stream', text: outputText }] : [],
    source,
  };
  const document = {
    cells: [cell],
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python', version: '3.11.6' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(document, null, 1)}\n`;
}

// ======================================================================
// POSITIVES
// ======================================================================

// ---- Real access tokens anywhere, no keyword needed --------------------

pos('token-anywhere', 'token/js-node-client', 'src/api/support-client.js', 'access token passed to the Node client', (s) =>
  `import { Client } from 'intercom-client';\n\nexport const client = new Client({ tokenAuth: { token: '${s.accessToken()}' } });\n`);

pos('token-anywhere', 'token/ts-fetch-bearer', 'src/lib/support.ts', 'Bearer header in a TS template literal', (s) =>
  `export async function me(): Promise<unknown> {\n  const res = await fetch('https://api.intercom.io/me', {\n    headers: { Authorization: \`Bearer ${s.accessToken()}\`, Accept: 'application/json' },\n  });\n  return res.json();\n}\n`);

pos('token-anywhere', 'token/tsx-component', 'src/components/SupportDebug.tsx', 'token in a React component constant', (s) =>
  `import React from 'react';\n\nconst AUTH = 'Bearer ${s.accessToken()}';\n\nexport function SupportDebug() {\n  return <pre>{AUTH.length}</pre>;\n}\n`);

pos('token-anywhere', 'token/py-client', 'scripts/sync_contacts.py', 'python-intercom client constructor', (s) =>
  `from intercom.client import Client\n\nclient = Client(personal_access_token="${s.accessToken()}")\nfor contact in client.users.all():\n    print(contact.email)\n`);

pos('token-anywhere', 'token/rb-client', 'app/services/support_sync.rb', 'Ruby client constructor', (s) =>
  `class SupportSync\n  def client\n    @client ||= Intercom::Client.new(token: '${s.accessToken()}')\n  end\nend\n`);

pos('token-anywhere', 'token/go-client', 'cmd/sync/main.go', 'Go client constructor', (s) =>
  `package main\n\nimport intercom "gopkg.in/intercom/intercom-go.v2"\n\nfunc main() {\n\tic := intercom.NewClient("${s.accessToken()}", "")\n\t_ = ic\n}\n`);

pos('token-anywhere', 'token/java-constant', 'src/main/java/com/acme/support/SupportApi.java', 'Java constant with a neutral name', (s) =>
  `package com.acme.support;\n\npublic final class SupportApi {\n    private static final String AUTH = "${s.accessToken()}";\n}\n`);

pos('token-anywhere', 'token/kt-header', 'app/src/main/java/com/acme/SupportService.kt', 'Kotlin header value', (s) =>
  `package com.acme\n\nprivate const val AUTH_HEADER = "Bearer ${s.accessToken()}"\n\nfun headers() = mapOf("Authorization" to AUTH_HEADER)\n`);

pos('token-anywhere', 'token/cs-header', 'Services/SupportClient.cs', 'C# AuthenticationHeaderValue', (s) =>
  `using System.Net.Http.Headers;\n\npublic class SupportClient {\n    public void Configure(HttpClient http) {\n        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "${s.accessToken()}");\n    }\n}\n`);

pos('token-anywhere', 'token/php-client', 'app/Support/Client.php', 'PHP client constructor', (s) =>
  `<?php\nuse Intercom\\IntercomClient;\n\n$client = new IntercomClient('${s.accessToken()}', null, ['Intercom-Version' => '2.11']);\n`);

pos('token-anywhere', 'token/rs-bearer', 'src/support.rs', 'Rust reqwest bearer_auth', (s) =>
  `pub async fn me(http: &reqwest::Client) -> reqwest::Result<String> {\n    http.get("https://api.intercom.io/me")\n        .bearer_auth("${s.accessToken()}")\n        .send().await?.text().await\n}\n`);

pos('token-anywhere', 'token/swift-header', 'Sources/App/SupportAPI.swift', 'Swift URLRequest header', (s) =>
  `import Foundation\n\nvar request = URLRequest(url: URL(string: "https://api.intercom.io/me")!)\nrequest.setValue("Bearer ${s.accessToken()}", forHTTPHeaderField: "Authorization")\n`);

pos('token-anywhere', 'token/sh-curl', 'scripts/check-token.sh', 'curl with an Authorization: Bearer header', (s) =>
  `#!/bin/sh\ncurl -s https://api.intercom.io/me \\\n  -H "Authorization: Bearer ${s.accessToken()}" \\\n  -H 'Accept: application/json'\n`);

pos('token-anywhere', 'token/dockerfile-run', 'Dockerfile', 'Dockerfile RUN curl with the token', (s) =>
  `FROM node:20-alpine\nWORKDIR /app\nRUN curl -fsS -H "Authorization: Bearer ${s.accessToken()}" https://api.intercom.io/me > /dev/null\nCOPY . .\n`);

pos('token-anywhere', 'token/yaml-workflow-env', '.github/workflows/sync.yml', 'GitHub Actions env with a neutral name', (s) =>
  `name: sync\non: [push]\njobs:\n  sync:\n    runs-on: ubuntu-latest\n    env:\n      SUPPORT_API_TOKEN: ${s.accessToken()}\n    steps:\n      - run: npm run sync\n`);

pos('token-anywhere', 'token/yaml-compose-list', 'docker-compose.yml', 'docker-compose environment list item', (s) =>
  `services:\n  worker:\n    image: acme/worker:1.4\n    environment:\n      - NODE_ENV=production\n      - SUPPORT_TOKEN=${s.accessToken()}\n`);

pos('token-anywhere', 'token/json-array', 'fixtures/workspaces.json', 'tokens in a JSON array', (s) =>
  `[\n  "${s.accessToken()}",\n  "${s.accessToken()}"\n]\n`);

pos('token-anywhere', 'token/json-array-inline', 'data/accounts.json', 'tokens in an inline JSON array of objects', (s) =>
  `{"accounts":[{"name":"eu","auth":["${s.accessToken()}"]},{"name":"us","auth":["${s.accessToken()}"]}]}\n`);

pos('token-anywhere', 'token/json-postman', 'postman/support.postman_collection.json', 'Postman collection bearer auth', (s) =>
  `{\n  "info": { "name": "support" },\n  "auth": {\n    "type": "bearer",\n    "bearer": [{ "key": "token", "value": "${s.accessToken()}", "type": "string" }]\n  }\n}\n`);

pos('token-anywhere', 'token/toml', 'config/app.toml', 'TOML table value with a neutral name', (s) =>
  `[server]\nport = 8080\n\n[support]\nbearer = "${s.accessToken()}"\n`);

pos('token-anywhere', 'token/ini', 'deploy/app.ini', 'INI value after Bearer', (s) =>
  `[support]\nendpoint = https://api.intercom.io\nauthorization = Bearer ${s.accessToken()}\n`);

pos('token-anywhere', 'token/env-neutral-name', '.env', '.env with a neutral variable name', (s) =>
  `PORT=3000\nSUPPORT_BEARER=${s.accessToken()}\n`);

pos('token-anywhere', 'token/properties', 'src/main/resources/application.properties', 'Java properties', (s) =>
  `server.port=8080\nsupport.api.bearer=${s.accessToken()}\n`);

pos('token-anywhere', 'token/xml-android-string', 'app/src/main/res/values/config.xml', 'Android string resource', (s) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<resources>\n    <string name="support_bearer">${s.accessToken()}</string>\n</resources>\n`);

pos('token-anywhere', 'token/md-curl', 'docs/support-api.md', 'markdown curl example with a real token', (s) =>
  `# Support API\n\n\`\`\`sh\ncurl https://api.intercom.io/me \\\n  -H 'Authorization: Bearer ${s.accessToken()}' \\\n  -H 'Intercom-Version: 2.14'\n\`\`\`\n`);

pos('token-anywhere', 'token/csv', 'exports/workspaces.csv', 'CSV column of tokens', (s) =>
  `workspace,token,created_at\nacme-eu,${s.accessToken()},2024-03-01\nacme-us,${s.accessToken()},2024-03-02\n`);

pos('token-anywhere', 'token/ipynb-source', 'notebooks/contacts.ipynb', 'notebook cell source', (s) =>
  notebook([
    'import requests\n',
    `headers = {"Authorization": "Bearer ${s.accessToken()}", "Accept": "application/json"}\n`,
    'r = requests.get("https://api.intercom.io/me", headers=headers)\n',
    'r.json()["app"]["id_code"]',
  ]));

pos('token-anywhere', 'token/ipynb-output', 'notebooks/debug-env.ipynb', 'notebook output that printed the token', (s) =>
  notebook(['import os\n', 'print(os.environ["INTERCOM_TOKEN"])'], [`${s.accessToken()}\n`]));

pos('token-anywhere', 'token/tf-ssm', 'infra/support.tf', 'Terraform resource value', (s) =>
  `resource "aws_ssm_parameter" "support" {\n  name  = "/prod/support/bearer"\n  type  = "SecureString"\n  value = "${s.accessToken()}"\n}\n`);

pos('token-anywhere', 'token/html-fetch', 'public/debug.html', 'HTML inline script', (s) =>
  `<!doctype html>\n<html><body>\n<script>fetch('https://api.intercom.io/me',{headers:{Authorization:'Bearer ${s.accessToken()}'}}).then(r=>r.json()).then(console.log)</script>\n</body></html>\n`);

pos('token-anywhere', 'token/ps1', 'scripts/me.ps1', 'PowerShell hashtable (UTF-8)', (s) =>
  crlf(`$headers = @{ Authorization = "Bearer ${s.accessToken()}"; Accept = "application/json" }\nInvoke-RestMethod -Uri https://api.intercom.io/me -Headers $headers\n`));

pos('token-anywhere', 'token/makefile', 'Makefile', 'Makefile recipe', (s) =>
  `check:\n\tcurl -fsS -H "Authorization: Bearer ${s.accessToken()}" https://api.intercom.io/me\n`);

pos('token-anywhere', 'token/http-file', 'requests/me.http', 'REST client .http file', (s) =>
  `GET https://api.intercom.io/me\nAuthorization: Bearer ${s.accessToken()}\nAccept: application/json\n`);

pos('token-anywhere', 'token/log', 'logs/worker.log', 'debug log line with request headers', (s) =>
  `2024-05-02T10:11:12Z DEBUG http request GET https://api.intercom.io/contacts headers={'Authorization': 'Bearer ${s.accessToken()}', 'Intercom-Version': '2.11'}\n`);

pos('token-anywhere', 'token/sql', 'db/seeds.sql', 'SQL seed insert', (s) =>
  `INSERT INTO integrations (provider, token, created_at) VALUES ('support', '${s.accessToken()}', now());\n`);

pos('token-anywhere', 'token/crlf-env', 'config/worker.env', '.env-style file with CRLF line endings', (s) =>
  crlf(`LOG_LEVEL=info\nSUPPORT_AUTH=${s.accessToken()}\n`));

pos('token-anywhere', 'token/yaml-gitlab', '.gitlab-ci.yml', 'GitLab CI variables', (s) =>
  `variables:\n  SUPPORT_KEY: "${s.accessToken()}"\nsync:\n  script: npm run sync\n`);

// ---- Variants of the access token ------------------------------------

pos('token-variant', 'variant/unpadded-py', 'tools/export.py', 'trailing "=" cut off', (s) =>
  `BEARER = "${s.accessTokenUnpadded()}"\n`);

pos('token-variant', 'variant/unpadded-sh', 'scripts/export.sh', 'trailing "=" cut off, in a curl header', (s) =>
  `curl -H "Authorization: Bearer ${s.accessTokenUnpadded()}" https://api.intercom.io/contacts\n`);

pos('token-variant', 'variant/unpadded-md', 'docs/setup.md', 'trailing "=" cut off, in prose', (s) =>
  `Use the token \`${s.accessTokenUnpadded()}\` for the staging workspace.\n`);

pos('token-variant', 'variant/urlencoded-query', 'src/callback.js', '"=" URL-encoded as %3D in a query string', (s) =>
  `const url = 'https://hooks.example.com/support/cb?access_token=${s.accessTokenUrlEncoded()}&region=eu';\n`);

pos('token-variant', 'variant/bearer-percent20', 'logs/proxy.log', 'glued: Authorization=Bearer%20<token>%3D', (s) =>
  `10.0.0.7 - - [02/May/2024:10:11:12 +0000] "GET /relay?Authorization=Bearer%20${s.accessTokenUrlEncoded()}&v=2.11 HTTP/1.1" 200 512\n`);

pos('token-variant', 'variant/urlencoded-json', 'docs/links.md', 'glued: URL-encoded JSON (%22 right before the token)', (s) =>
  `[open](https://tools.example.com/#config=%7B%22token%22%3A%22${s.accessTokenUrlEncoded()}%22%7D)\n`);

pos('token-variant', 'variant/har-postdata', 'captures/session.har', 'HAR postData, Bearer%20 glued', (s) =>
  `{"log":{"entries":[{"request":{"method":"POST","url":"https://relay.example.com/forward","postData":{"mimeType":"application/x-www-form-urlencoded","text":"authorization=Bearer%20${s.accessTokenUrlEncoded()}&target=me"}}}]}}\n`);

pos('token-variant', 'variant/escaped-newline', 'fixtures/messages.json', 'glued: after an escaped \\n in a JSON string', (s) =>
  `{"body": "Here is the token:\\n${s.accessToken()}\\nplease rotate it"}\n`);

pos('token-variant', 'variant/glued-word', 'src/legacy/auth.js', 'glued: letters right before the token', (s) =>
  `var h="Bearer"+" ";var k="auth"+"${s.accessToken()}".slice(0);\nvar raw="token${s.accessToken()}";\n`);

pos('token-variant', 'variant/no-suffix-yaml', 'config/support.yaml', 'without the :1:0 suffix', (s) =>
  `support:\n  endpoint: https://api.intercom.io\n  bearer: ${s.accessTokenWithoutSuffix()}\n`);

pos('token-variant', 'variant/no-suffix-unpadded-js', 'src/support/config.js', 'without :1:0 and without padding', (s) =>
  `export const bearer = '${s.accessTokenWithoutSuffix({ padded: false })}';\n`);

pos('token-variant', 'variant/uuid-v1-py', 'scripts/legacy_sync.py', 'UUID version 1, not 4', (s) =>
  `AUTH = "Bearer ${s.accessTokenWithUuid(1)}"\n`);

pos('token-variant', 'variant/uuid-v7-go', 'internal/support/client.go', 'UUID version 7, not 4', (s) =>
  `package support\n\nconst bearer = "${s.accessTokenWithUuid(7)}"\n`);

pos('token-variant', 'variant/uuid-none-rb', 'lib/tasks/support.rake', 'hex groups with no UUID version', (s) =>
  `task :support do\n  token = "${s.accessTokenWithUuid('none')}"\n  puts token.size\nend\n`);

pos('token-variant', 'variant/two-on-a-line-csv', 'exports/rotation.csv', 'old and new token on one CSV line', (s) =>
  `old,new\n${s.accessToken()},${s.accessTokenUnpadded()}\n`);

pos('token-variant', 'variant/minified-150kb', 'public/assets/index-8f3a9b2c.js', 'minified bundle, one 150 KB line, token in the middle', (s) =>
  `${s.minifiedBundle(`"${s.accessToken()}"`, 150_000)}\n`);

pos('token-variant', 'variant/minified-header', 'dist/main.min.js', 'minified bundle, one 120 KB line, Bearer header in the middle', (s) =>
  `${s.minifiedBundle(`{headers:{Authorization:"Bearer ${s.accessTokenUnpadded()}"}}`, 120_000)}\n`);

pos('token-variant', 'variant/sourcemap', 'dist/main.min.js.map', 'source map: 110 KB line, token inside sourcesContent', (s) =>
  `{"version":3,"sources":["src/support.ts"],"names":[],"mappings":"${s.sourceMapMappings(110_000)}","sourcesContent":["export const bearer = \\"${s.accessToken()}\\";\\n"]}\n`);

pos('token-variant', 'variant/long-line-end', 'public/config.js', '100 KB line with the token at its end', (s) =>
  `window.__CONFIG__=${JSON.stringify({ pad: s.hex(102_400) })};window.__AUTH__="${s.accessToken()}";\n`);

// ---- Encoded a second time in base64 ------------------------------------

pos('double-base64', 'double/k8s-secret', 'k8s/support-secret.yaml', 'K8s Secret data: base64(token), alignment 0', (s) =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: support-sync\ntype: Opaque\ndata:\n  INTERCOM_TOKEN: ${s.doubleBase64(s.accessToken())}\n`);

pos('double-base64', 'double/k8s-secret-newline', 'k8s/worker-secret.yaml', 'K8s Secret data: base64(token + "\\n") (echo without -n)', (s) =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: worker\ndata:\n  api-key: ${s.doubleBase64(s.accessToken(), '', '\n')}\n`);

pos('double-base64', 'double/k8s-secret-unpadded', 'deploy/secret.yaml', 'K8s Secret data: base64 of the unpadded token', (s) =>
  `kind: Secret\napiVersion: v1\nmetadata:\n  name: support\ndata:\n  token: ${s.doubleBase64(s.accessTokenUnpadded())}\n`);

pos('double-base64', 'double/k8s-secret-json', 'k8s/secret.json', 'kubectl -o json Secret, data value', (s) =>
  `{\n  "apiVersion": "v1",\n  "kind": "Secret",\n  "data": {\n    "bearer": "${s.doubleBase64(s.accessToken())}"\n  }\n}\n`);

pos('double-base64', 'double/k8s-dotenv-align1', 'k8s/env-secret.yaml', `K8s Secret holding a whole .env file (token at alignment ${alignment('LOG_LEVEL=debug\nINTERCOM_TOKEN=')})`, (s) =>
  `kind: Secret\napiVersion: v1\nmetadata:\n  name: app-env\ndata:\n  .env: ${base64(`LOG_LEVEL=debug\nINTERCOM_TOKEN=${s.accessToken()}\n`)}\n`);

pos('double-base64', 'double/basic-user', 'scripts/legacy-basic.sh', `Basic auth of "token:" (alignment ${alignment('')})`, (s) =>
  `curl -s https://api.intercom.io/users -H "Authorization: Basic ${s.basicAuth(s.accessToken(), '')}"\n`);

pos('double-base64', 'double/basic-password', 'sync/basic_auth.py', `Basic auth of ":token" (alignment ${alignment(':')})`, (s) =>
  `HEADERS = {"Authorization": "Basic ${s.basicAuth('', s.accessToken())}"}\n`);

pos('double-base64', 'double/basic-acme-align2', 'requests/legacy.http', `Basic auth of "acme:token" (alignment ${alignment('acme:')})`, (s) =>
  `GET https://api.intercom.io/users\nAuthorization: Basic ${s.basicAuth('acme', s.accessToken())}\n`);

pos('double-base64', 'double/json-config-align2', '.env.production.local', `base64 of a JSON config holding the token (alignment ${alignment('{"access_token":"')})`, (s) =>
  `APP_CONFIG_B64=${base64(`{"access_token":"${s.accessToken()}","region":"eu"}`)}\n`);

pos('double-base64', 'double/bearer-prefix-align1', 'config/headers.yaml', `base64 of "Bearer <token>" (alignment ${alignment('Bearer ')})`, (s) =>
  `support:\n  encoded_header: ${base64(`Bearer ${s.accessToken()}`)}\n`);

pos('double-base64', 'double/outer-unpadded', 'k8s/sealed-input.yaml', `base64("x:" + token) (alignment ${alignment('x:')}), outer padding cut off`, (s) =>
  `data:\n  SUPPORT: ${s.doubleBase64(s.accessToken(), 'x:').replace(/=+$/, '')}\n`);

pos('double-base64', 'double/basic-urlencoded', 'logs/gateway.log', 'Basic credential, its padding URL-encoded', (s) =>
  `GET /proxy?auth=Basic%20${s.basicAuth(s.accessToken(), '').replace(/=/g, '%3D')} 200\n`);

// ---- UTF-16 text files (git calls them binary) ----------------------------

pos('utf16', 'utf16/le-ps1', 'scripts/setup.ps1', 'UTF-16LE with BOM (PowerShell 5 default), CRLF', (s) =>
  utf16le(crlf(`# setup\n$env:SUPPORT_TOKEN = "${s.accessToken()}"\nnpm run sync\n`)));

pos('utf16', 'utf16/le-appsettings', 'src/Web/appsettings.Development.json', 'UTF-16LE with BOM, .NET appsettings', (s) =>
  utf16le(crlf(`{\n  "Intercom": {\n    "AccessToken": "${s.accessToken()}"\n  }\n}\n`)));

pos('utf16', 'utf16/be-notes', 'notes/support.txt', 'UTF-16BE with BOM', (s) =>
  utf16be(`Support API\ntoken: ${s.accessToken()}\n`));

pos('utf16', 'utf16/le-reg', 'tools/support.reg', 'UTF-16LE .reg export', (s) =>
  utf16le(crlf(`Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\Acme\\Support]\n"Bearer"="${s.accessToken()}"\n`)));

pos('utf16', 'utf16/le-env-ic', '.env.local', 'UTF-16LE .env (written by PowerShell echo) with an ic_ token', (s) =>
  utf16le(crlf(`INTERCOM_API_KEY=${s.icToken()}\n`)));

pos('utf16', 'utf16/le-identity-secret', 'config/web.secrets.config', 'UTF-16LE with the Identity Verification secret', (s) =>
  utf16le(crlf(`<appSettings>\n  <add key="INTERCOM_SECRET_KEY" value="${s.identitySecret()}" />\n</appSettings>\n`)));

pos('utf16', 'utf16/le-no-bom-csv', 'exports/tokens-utf16.csv', 'UTF-16LE without BOM (Excel "Unicode text")', (s) =>
  utf16le(crlf(`workspace\ttoken\nacme\t${s.accessToken()}\n`), { bom: false }));

pos('utf16', 'utf16/be-md', 'docs/legacy/README.md', 'UTF-16BE with BOM, curl example', (s) =>
  utf16be(`curl -H "Authorization: Bearer ${s.accessTokenUnpadded()}" https://api.intercom.io/me\n`));

// ---- The spec's ic_ pattern ---------------------------------------------

pos('ic-token', 'ic/sh-export', 'scripts/env.sh', 'spec example: export INTERCOM_TOKEN="ic_..."', (s) =>
  `export INTERCOM_TOKEN="${s.icToken(16)}"\n`);

pos('ic-token', 'ic/json-spec-nesting', 'config.json', 'spec example: {"intercom": {"token": "ic_..."}}', (s) =>
  `{\n  "intercom": {\n    "token": "${s.icToken()}"\n  }\n}\n`);

pos('ic-token', 'ic/yaml-spec-nesting', 'settings.yaml', 'spec example: intercom:\\n  token: ic_...', (s) =>
  `intercom:\n  token: ${s.icToken()}\n`);

pos('ic-token', 'ic/js-spec', 'src/intercom_config.js', 'spec example: const intercomToken = "ic_..."', (s) =>
  `const intercomToken = "${s.icToken(32)}";\nexport default intercomToken;\n`);

pos('ic-token', 'ic/md', 'docs/onboarding.md', 'ic_ token in prose', (s) =>
  `Ask Dana for access; until then use ${s.icToken(20)} on staging.\n`);

pos('ic-token', 'ic/py-header', 'jobs/nightly.py', 'ic_ token in a Bearer header', (s) =>
  `session.headers.update({"Authorization": "Bearer ${s.icToken(28)}"})\n`);

pos('ic-token', 'ic/go', 'pkg/support/token.go', 'ic_ token in Go', (s) =>
  `package support\n\nvar defaultKey = "${s.icToken(16)}"\n`);

pos('ic-token', 'ic/csv', 'exports/keys.csv', 'ic_ token in CSV', (s) =>
  `name,key\nsupport,${s.icToken(30)}\n`);

// ---- Context only: secret-like key beneath an intercom parent ----------------

pos('yaml-nesting', 'nest/yaml-token', 'config/services.yml', 'YAML intercom: > token: (generic path)', (s) =>
  `mailer:\n  host: smtp.example.com\nintercom:\n  token: ${s.highEntropy()}\n`);

pos('yaml-nesting', 'nest/yaml-deep-api-key', 'config/integrations.yaml', 'YAML integrations > intercom > api_key, parent two levels up', (s) =>
  `integrations:\n  slack:\n    channel: "#support"\n  intercom:\n    app_id: ${s.appId()}\n    region: eu\n    api_key: ${s.highEntropy()}\n`);

pos('yaml-nesting', 'nest/yaml-far-parent', 'config/production.yml', 'YAML secret: nine lines below intercom:', (s) =>
  `intercom:\n  enabled: true\n  region: us\n  api_base: https://api.intercom.io\n  version: "2.11"\n  timeout: 30\n  retries: 3\n  app_id: ${s.appId()}\n  # rotated 2024-04\n  secret: ${s.highEntropy()}\n`);

pos('yaml-nesting', 'nest/yaml-parent-committed', 'config/app.yml', 'YAML child line added under an intercom: parent already committed (parent not in the diff)', (s) =>
  `intercom:\n  app_id: ${s.shared('app', () => s.appId())}\n  access_token: ${s.highEntropy()}\n\nlogging:\n  level: info\n`,
(s) => `intercom:\n  app_id: ${s.shared('app', () => s.appId())}\n\nlogging:\n  level: info\n`);

pos('yaml-nesting', 'nest/yaml-helm-camel', 'charts/support/values.yaml', 'Helm values intercom > accessToken', (s) =>
  `replicaCount: 2\nintercom:\n  enabled: true\n  accessToken: ${s.highEntropy()}\n`);

pos('yaml-nesting', 'nest/yaml-list-item', 'config/workspaces.yaml', 'YAML list item under intercom:', (s) =>
  `intercom:\n  - name: eu\n    token: ${s.highEntropy()}\n  - name: us\n    token: ${s.highEntropy()}\n`);

pos('yaml-nesting', 'nest/yaml-rails-secrets', 'config/secrets.yml', 'Rails secrets.yml production > intercom > secret', (s) =>
  `production:\n  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>\n  intercom:\n    secret: "${s.highEntropy()}"\n`);

pos('yaml-nesting', 'nest/yaml-capitalised', 'deploy/settings.yml', 'YAML Intercom: parent (capitalised) > auth_token', (s) =>
  `Intercom:\n  auth_token: '${s.highEntropy()}'\n`);

pos('yaml-nesting', 'nest/yaml-client-secret', 'config/oauth.yaml', 'YAML intercom > client_secret (UUID-ish)', (s) =>
  `intercom:\n  client_id: ${s.uuid()}\n  client_secret: ${s.clientSecret()}\n`);

pos('yaml-nesting', 'nest/yaml-secret-key', 'config/messenger.yml', 'YAML intercom > secret_key (Identity Verification secret)', (s) =>
  `intercom:\n  app_id: ${s.appId()}\n  secret_key: ${s.identitySecret()}\n`);

pos('json-nesting', 'nest/json-token', 'src/config/default.json', 'JSON "intercom": { "token" } (generic path)', (s) =>
  `{\n  "port": 8080,\n  "intercom": {\n    "token": "${s.highEntropy()}"\n  }\n}\n`);

pos('json-nesting', 'nest/json-deep', 'config/services.json', 'JSON services > intercom > credentials > api_key', (s) =>
  `{\n  "services": {\n    "intercom": {\n      "credentials": {\n        "api_key": "${s.highEntropy()}"\n      }\n    }\n  }\n}\n`);

pos('json-nesting', 'nest/json-one-line', 'config/runtime.json', 'JSON intercom object on one line', (s) =>
  `{"intercom": {"region": "eu", "access_token": "${s.highEntropy()}"}}\n`);

pos('json-nesting', 'nest/json-parent-committed', 'config/local.json', 'JSON child added under an "intercom" object already committed', (s) =>
  `{\n  "intercom": {\n    "app_id": "${s.shared('app', () => s.appId())}",\n    "secret": "${s.highEntropy()}"\n  }\n}\n`,
(s) => `{\n  "intercom": {\n    "app_id": "${s.shared('app', () => s.appId())}"\n  }\n}\n`);

pos('json-nesting', 'nest/json-dotnet', 'src/Api/appsettings.json', '.NET appsettings "Intercom": { "ApiKey" }', (s) =>
  `{\n  "Logging": { "LogLevel": { "Default": "Information" } },\n  "Intercom": {\n    "ApiKey": "${s.highEntropy()}"\n  }\n}\n`);

pos('json-nesting', 'nest/json-far-parent', 'config/production.json', 'JSON "token" eight lines below "intercom"', (s) =>
  `{\n  "intercom": {\n    "enabled": true,\n    "region": "us",\n    "timeout": 30,\n    "retries": 3,\n    "app_id": "${s.appId()}",\n    "version": "2.11",\n    "token": "${s.highEntropy()}"\n  }\n}\n`);

// ---- Context only: generic names in the spec's file locations or intercom paths ----

pos('generic-spec-file', 'generic/env-token', '.env', 'spec location .env: TOKEN=', (s) =>
  `PORT=3000\nTOKEN=${s.highEntropy()}\n`);

pos('generic-spec-file', 'generic/env-api-key', '.env', 'spec location .env: API_KEY=', (s) =>
  `NODE_ENV=production\nAPI_KEY=${s.highEntropy(32)}\n`);

pos('generic-spec-file', 'generic/env-secret-quoted', 'services/worker/.env', 'spec location .env in a subfolder: SECRET="..."', (s) =>
  `SECRET="${s.highEntropy()}"\n`);

pos('generic-spec-file', 'generic/env-production', '.env.production', '.env variant: API_KEY=', (s) =>
  `API_KEY=${s.highEntropy()}\n`);

pos('generic-spec-file', 'generic/config-json-api-key', 'config.json', 'spec location config.json: "api_key"', (s) =>
  `{\n  "api_key": "${s.highEntropy()}"\n}\n`);

pos('generic-spec-file', 'generic/config-json-token', 'app/config.json', 'spec location config.json: top-level "token" next to other settings', (s) =>
  `{\n  "server": { "port": 8080 },\n  "token": "${s.highEntropy()}"\n}\n`);

pos('generic-spec-file', 'generic/settings-yaml-token', 'settings.yaml', 'spec location settings.yaml: token:', (s) =>
  `debug: false\ntoken: ${s.highEntropy()}\n`);

pos('generic-spec-file', 'generic/settings-yaml-secret', 'config/settings.yaml', 'spec location settings.yaml: secret: "..."', (s) =>
  `secret: "${s.highEntropy()}"\n`);

pos('generic-spec-file', 'generic/intercom-config-js-token', 'intercom_config.js', 'spec location intercom_config.js: const token', (s) =>
  `const token = '${s.highEntropy()}';\nmodule.exports = { token };\n`);

pos('generic-spec-file', 'generic/intercom-config-js-api-key', 'src/intercom_config.js', 'spec location intercom_config.js: api_key property', (s) =>
  `module.exports = {\n  api_key: "${s.highEntropy()}",\n  region: "us",\n};\n`);

pos('generic-spec-file', 'generic/credentials-py-api-key', 'credentials.py', 'spec location credentials.py: api_key =', (s) =>
  `api_key = "${s.highEntropy()}"\n`);

pos('generic-spec-file', 'generic/credentials-py-token', 'app/credentials.py', 'spec location credentials.py: TOKEN =', (s) =>
  `import os\n\nREGION = os.environ.get("REGION", "us")\nTOKEN = '${s.highEntropy()}'\n`);

pos('generic-spec-file', 'generic/credentials-py-secret', 'src/config/credentials.py', 'spec location credentials.py: secret =', (s) =>
  `secret = "${s.highEntropy(48)}"\n`);

pos('generic-intercom-path', 'path/rb-client', 'app/integrations/intercom/client.rb', 'path names intercom: Ruby TOKEN constant', (s) =>
  `module Integrations\n  module Intercom\n    TOKEN = "${s.highEntropy()}".freeze\n  end\nend\n`);

pos('generic-intercom-path', 'path/go', 'internal/intercom/intercom.go', 'path names intercom: Go const token', (s) =>
  `package intercom\n\nconst token = "${s.highEntropy()}"\n`);

pos('generic-intercom-path', 'path/yml', 'config/intercom.yml', 'path names intercom: top-level api_key:', (s) =>
  `api_key: ${s.highEntropy()}\nregion: eu\n`);

pos('generic-intercom-path', 'path/java', 'src/main/java/com/acme/IntercomService.java', 'path names intercom: Java API_KEY constant', (s) =>
  `package com.acme;\n\npublic class IntercomService {\n    private static final String API_KEY = "${s.highEntropy()}";\n}\n`);

pos('generic-intercom-path', 'path/tf', 'infra/intercom.tf', 'path names intercom: Terraform locals token', (s) =>
  `locals {\n  token = "${s.highEntropy()}"\n}\n`);

pos('generic-intercom-path', 'path/toml', 'intercom/settings.toml', 'path names intercom (folder): TOML secret', (s) =>
  `secret = "${s.highEntropy()}"\n`);

pos('generic-intercom-path', 'path/kt', 'app/src/main/java/com/acme/intercom/IntercomClient.kt', 'path names intercom: Kotlin apiKey', (s) =>
  `package com.acme.intercom\n\nobject IntercomClient {\n    const val apiKey = "${s.highEntropy()}"\n}\n`);

pos('generic-intercom-path', 'path/env-subproject', 'packages/intercom-sync/.env', 'path names intercom: .env TOKEN=', (s) =>
  `TOKEN=${s.highEntropy()}\n`);

pos('generic-intercom-path', 'path/php', 'app/Services/Intercom.php', 'path names intercom: PHP $secret', (s) =>
  `<?php\nnamespace App\\Services;\n\nclass Intercom {\n    private $secret = '${s.highEntropy()}';\n}\n`);

pos('generic-intercom-path', 'path/cs', 'src/Support/IntercomConfig.cs', 'path names intercom: C# Token constant', (s) =>
  `namespace Support;\n\npublic static class IntercomConfig {\n    public const string Token = "${s.highEntropy()}";\n}\n`);

pos('generic-intercom-path', 'path/sh', 'scripts/intercom_export.sh', 'path names intercom: shell TOKEN=', (s) =>
  `#!/usr/bin/env bash\nTOKEN="${s.highEntropy()}"\ncurl -H "Authorization: Bearer $TOKEN" https://api.intercom.io/contacts\n`);

pos('generic-intercom-path', 'path/ts', 'src/intercom.ts', 'path names intercom: exported secret', (s) =>
  `export const secret = "${s.highEntropy()}";\n`);

pos('generic-intercom-path', 'path/properties', 'src/main/resources/intercom.properties', 'path names intercom: api_key=', (s) =>
  `api_key=${s.highEntropy()}\n`);

pos('generic-intercom-path', 'path/swift', 'Sources/Support/Intercom.swift', 'path names intercom: Swift let token', (s) =>
  `enum IntercomKeys {\n    static let token = "${s.highEntropy()}"\n}\n`);

pos('generic-intercom-path', 'path/rs', 'src/intercom.rs', 'path names intercom: Rust API_KEY const', (s) =>
  `pub const API_KEY: &str = "${s.highEntropy()}";\n`);

pos('generic-intercom-path', 'path/ini', 'intercom/config.ini', 'path names intercom: INI token =', (s) =>
  `[auth]\ntoken = ${s.highEntropy()}\n`);

pos('generic-intercom-path', 'path/xml', 'src/main/resources/intercom.xml', 'path names intercom: XML <token> element', (s) =>
  `<?xml version="1.0"?>\n<config>\n  <token>${s.highEntropy()}</token>\n</config>\n`);

pos('generic-intercom-path', 'path/py-module', 'app/intercom/settings.py', 'path names intercom: Python api_key', (s) =>
  `api_key = "${s.highEntropy()}"\n`);

// ---- Named Identity Verification and OAuth client secrets ---------------------

pos('named-secret', 'named/env-secret-key', '.env', 'INTERCOM_SECRET_KEY (identity secret)', (s) =>
  `INTERCOM_APP_ID=${s.appId()}\nINTERCOM_SECRET_KEY=${s.identitySecret()}\n`);

pos('named-secret', 'named/yaml-identity', 'app.yaml', 'INTERCOM_IDENTITY_SECRET in App Engine env_variables', (s) =>
  `runtime: nodejs20\nenv_variables:\n  INTERCOM_IDENTITY_SECRET: "${s.identitySecret()}"\n`);

pos('named-secret', 'named/py-hmac', 'myproject/settings.py', 'INTERCOM_HMAC_SECRET in Django settings', (s) =>
  `INTERCOM_APP_ID = "${s.appId()}"\nINTERCOM_HMAC_SECRET = "${s.identitySecret()}"\n`);

pos('named-secret', 'named/js-secret-key', 'server/identity.js', 'INTERCOM_SECRET_KEY constant used for user_hash', (s) =>
  `const crypto = require('crypto');\nconst INTERCOM_SECRET_KEY = '${s.identitySecret()}';\nmodule.exports = (id) => crypto.createHmac('sha256', INTERCOM_SECRET_KEY).update(id).digest('hex');\n`);

pos('named-secret', 'named/php-define', 'wp-content/mu-plugins/support.php', "PHP define('INTERCOM_IDENTITY_SECRET', ...)", (s) =>
  `<?php\ndefine('INTERCOM_IDENTITY_SECRET', '${s.identitySecret()}');\n`);

pos('named-secret', 'named/dockerfile-hmac', 'docker/web/Dockerfile', 'Dockerfile ENV INTERCOM_HMAC_SECRET', (s) =>
  `FROM python:3.12-slim\nENV INTERCOM_HMAC_SECRET=${s.identitySecret()}\n`);

pos('named-secret', 'named/k8s-stringdata', 'k8s/messenger-secret.yaml', 'K8s stringData INTERCOM_SECRET_KEY', (s) =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: messenger\nstringData:\n  INTERCOM_SECRET_KEY: ${s.identitySecret()}\n`);

pos('named-secret', 'named/cs-setenv', 'Startup.cs', 'C# SetEnvironmentVariable("INTERCOM_HMAC_SECRET", ...)', (s) =>
  `Environment.SetEnvironmentVariable("INTERCOM_HMAC_SECRET", "${s.identitySecret()}");\n`);

pos('named-secret', 'named/properties-identity', 'src/main/resources/application-prod.properties', 'intercom.identity-secret property', (s) =>
  `intercom.app-id=${s.appId()}\nintercom.identity-secret=${s.identitySecret()}\n`);

pos('named-secret', 'named/env-client-secret', '.env', 'INTERCOM_CLIENT_SECRET (UUID-ish)', (s) =>
  `INTERCOM_CLIENT_ID=${s.uuid()}\nINTERCOM_CLIENT_SECRET=${s.clientSecret()}\n`);

pos('named-secret', 'named/yaml-ci-client-secret', '.circleci/config.yml', 'INTERCOM_CLIENT_SECRET in CI environment', (s) =>
  `jobs:\n  deploy:\n    environment:\n      INTERCOM_CLIENT_SECRET: "${s.clientSecret()}"\n`);

pos('named-secret', 'named/go-setenv', 'internal/oauth/setup_test.go', 'os.Setenv("INTERCOM_CLIENT_SECRET", ...)', (s) =>
  `package oauth\n\nfunc init() {\n\tos.Setenv("INTERCOM_CLIENT_SECRET", "${s.clientSecret()}")\n}\n`);

pos('named-secret', 'named/heroku-app-json', 'app.json', 'Heroku app.json: "INTERCOM_CLIENT_SECRET": { "value": ... }', (s) =>
  `{\n  "name": "support-app",\n  "env": {\n    "INTERCOM_CLIENT_SECRET": {\n      "description": "OAuth client secret",\n      "value": "${s.clientSecret()}"\n    }\n  }\n}\n`);

pos('named-secret', 'named/tf-lambda', 'infra/lambda.tf', 'Terraform Lambda environment INTERCOM_CLIENT_SECRET', (s) =>
  `resource "aws_lambda_function" "oauth" {\n  function_name = "oauth"\n  environment {\n    variables = {\n      INTERCOM_CLIENT_SECRET = "${s.clientSecret()}"\n    }\n  }\n}\n`);

pos('named-secret', 'named/rb-initializer', 'config/initializers/messenger.rb', 'Ruby intercom_identity_secret assignment', (s) =>
  `Rails.application.config.intercom_identity_secret = "${s.identitySecret()}"\n`);

pos('named-secret', 'named/json-hmac', 'config/secrets.json', '"INTERCOM_HMAC_SECRET" in JSON', (s) =>
  `{"INTERCOM_HMAC_SECRET": "${s.identitySecret()}"}\n`);

// ---- More combinations ----------------------------------------------------

pos('utf16', 'utf16/le-modified', 'tools/deploy.ps1', 'line added to a UTF-16LE file already committed', (s) =>
  utf16le(crlf(`# deploy\nWrite-Host "deploying"\n$env:SUPPORT_TOKEN = "${s.accessToken()}"\n`)),
(_s) => utf16le(crlf(`# deploy\nWrite-Host "deploying"\n`)));

pos('utf16', 'utf16/le-env-generic', '.env', 'UTF-16LE .env with a generic TOKEN= (spec location)', (s) =>
  utf16le(crlf(`PORT=3000\nTOKEN=${s.highEntropy()}\n`)));

pos('token-variant', 'variant/minified-1mb', 'public/assets/huge-91ab7c3e.js', 'minified bundle, one 1 MB line, token in the middle', (s) =>
  `${s.minifiedBundle(`"${s.accessTokenUnpadded()}"`, 1_000_000)}\n`);

pos('double-base64', 'double/docker-config-auth', '.docker/config.json', `Docker config auths.auth of "support:token" (alignment ${alignment('support:')})`, (s) =>
  `{\n  "auths": {\n    "registry.example.com": {\n      "auth": "${s.basicAuth('support', s.accessToken())}"\n    }\n  }\n}\n`);

pos('yaml-nesting', 'nest/yaml-flow-mapping', 'config/runtime.yaml', 'YAML flow mapping intercom: { token: ... }', (s) =>
  `intercom: { region: eu, token: ${s.highEntropy()} }\n`);

pos('json-nesting', 'nest/json-compact', 'public/runtime-config.json', 'compact JSON {"intercom":{"token":"..."}}', (s) =>
  `{"env":"prod","intercom":{"app_id":"${s.appId()}","token":"${s.highEntropy()}"}}\n`);

pos('generic-spec-file', 'generic/credentials-py-dict', 'credentials.py', 'spec location credentials.py: dict {"token": ...}', (s) =>
  `CREDENTIALS = {\n    "region": "us",\n    "token": "${s.highEntropy()}",\n}\n`);

// ---- Typed declarations and name/value pairs ----------------------------------

pos('named-secret', 'named/ts-typed', 'src/oauth/config.ts', 'typed TS const INTERCOM_CLIENT_SECRET: string = "..."', (s) =>
  `export const INTERCOM_CLIENT_SECRET: string = "${s.clientSecret()}";\n`);

pos('named-secret', 'named/kt-typed', 'app/src/main/java/com/acme/Messenger.kt', 'typed Kotlin val intercomSecretKey: String = "..."', (s) =>
  `object Messenger {\n    val intercomSecretKey: String = "${s.identitySecret()}"\n}\n`);

pos('named-secret', 'named/k8s-env-name-value', 'k8s/deployment.yaml', 'K8s env list: - name: INTERCOM_SECRET_KEY / value: ...', (s) =>
  `spec:\n  template:\n    spec:\n      containers:\n        - name: web\n          env:\n            - name: INTERCOM_SECRET_KEY\n              value: "${s.identitySecret()}"\n`);

pos('named-secret', 'named/ecs-name-value', 'deploy/task-definition.json', 'ECS task definition {"name": "INTERCOM_HMAC_SECRET", "value": ...} on one line', (s) =>
  `{\n  "containerDefinitions": [{\n    "name": "web",\n    "environment": [\n      { "name": "INTERCOM_HMAC_SECRET", "value": "${s.identitySecret()}" }\n    ]\n  }]\n}\n`);

pos('generic-intercom-path', 'path/swift-typed', 'Sources/Support/IntercomAuth.swift', 'path names intercom: typed Swift let token: String = "..."', (s) =>
  `struct IntercomAuth {\n    static let token: String = "${s.highEntropy()}"\n}\n`);

pos('generic-intercom-path', 'path/py-annotated', 'app/intercom/credentials_store.py', 'path names intercom: annotated Python api_key: str = "..."', (s) =>
  `api_key: str = "${s.highEntropy()}"\n`);

pos('generic-spec-file', 'generic/intercom-config-js-typed', 'src/intercom_config.ts', 'typed const token: string = "..." in intercom_config.ts (path names intercom)', (s) =>
  `export const token: string = '${s.highEntropy()}';\n`);

pos('named-secret', 'named/html-client-side-hmac', 'public/messenger.html', 'identity secret embedded in a page to compute user_hash client-side', (s) =>
  `<script>\n  const INTERCOM_SECRET_KEY = "${s.identitySecret()}";\n  window.intercomSettings = { app_id: "${s.appId()}", user_id: "4812" };\n</script>\n`);

// ======================================================================
// NEGATIVES
// ======================================================================

// ---- References and templates -----------------------------------------

neg('reference', 'ref/env-braces', '.env', '${VAR}', () =>
  `INTERCOM_TOKEN=\${INTERCOM_TOKEN}\nTOKEN=\${INTERCOM_TOKEN}\n`);

neg('reference', 'ref/compose-required', 'docker-compose.yml', '${VAR:?msg}', () =>
  `services:\n  web:\n    environment:\n      INTERCOM_TOKEN: \${INTERCOM_TOKEN:?set INTERCOM_TOKEN in your shell}\n      INTERCOM_CLIENT_SECRET: \${INTERCOM_CLIENT_SECRET:-}\n`);

neg('reference', 'ref/sh-command', 'scripts/deploy.sh', '$(cmd)', () =>
  `export INTERCOM_ACCESS_TOKEN=$(vault kv get -field=token secret/intercom)\nexport INTERCOM_SECRET_KEY="$(aws secretsmanager get-secret-value --secret-id prod/intercom/identity --query SecretString --output text)"\n`);

neg('reference', 'ref/js-process-env', 'src/intercom.js', 'process.env.X (path names intercom)', () =>
  `const intercomToken = process.env.INTERCOM_TOKEN;\nexport const client = { token: process.env.INTERCOM_ACCESS_TOKEN ?? '' };\n`);

neg('reference', 'ref/py-environ', 'credentials.py', 'os.environ in a spec file location', () =>
  `import os\n\nINTERCOM_TOKEN = os.environ["INTERCOM_TOKEN"]\napi_key = os.environ.get("INTERCOM_API_KEY")\n`);

neg('reference', 'ref/py-getenv', 'app/intercom/client.py', 'os.getenv under a path naming intercom', () =>
  `import os\n\ntoken = os.getenv("INTERCOM_ACCESS_TOKEN")\nsecret = os.getenv("INTERCOM_SECRET_KEY", "")\n`);

neg('reference', 'ref/rb-env-brackets', 'config/initializers/intercom.rb', 'ENV[...]', () =>
  `INTERCOM = Intercom::Client.new(token: ENV['INTERCOM_ACCESS_TOKEN'])\nINTERCOM_SECRET_KEY = ENV["INTERCOM_SECRET_KEY"]\n`);

neg('reference', 'ref/rb-env-fetch', 'config/intercom.rb', 'ENV.fetch', () =>
  `INTERCOM_TOKEN = ENV.fetch('INTERCOM_TOKEN')\nINTERCOM_CLIENT_SECRET = ENV.fetch("INTERCOM_CLIENT_SECRET") { raise "missing" }\n`);

neg('reference', 'ref/gha-secrets', '.github/workflows/deploy.yml', '${{ secrets.X }}', () =>
  `jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      INTERCOM_TOKEN: \${{ secrets.INTERCOM_TOKEN }}\n      INTERCOM_CLIENT_SECRET: \${{ secrets.INTERCOM_CLIENT_SECRET }}\n    steps:\n      - run: ./deploy.sh\n`);

neg('reference', 'ref/helm-values', 'charts/app/templates/secret.yaml', '{{ .Values.x }} in a K8s Secret template', () =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}-intercom\ndata:\n  INTERCOM_TOKEN: {{ .Values.intercom.token | b64enc | quote }}\n  token: {{ .Values.intercom.token | b64enc }}\n`);

neg('reference', 'ref/bat-percent', 'scripts/run.bat', '%VAR%', () =>
  crlf(`@echo off\nset INTERCOM_TOKEN=%INTERCOM_TOKEN%\nset INTERCOM_API_KEY=%CI_INTERCOM_API_KEY%\n`));

neg('reference', 'ref/yaml-nested-braces', 'settings.yaml', '${VAR} under intercom: in a spec file location', () =>
  `intercom:\n  token: \${INTERCOM_TOKEN}\n  secret: "\${INTERCOM_SECRET_KEY}"\n`);

neg('reference', 'ref/json-nested-braces', 'config.json', '${VAR} under "intercom" in config.json', () =>
  `{\n  "intercom": {\n    "token": "\${INTERCOM_TOKEN}",\n    "api_key": "\${INTERCOM_API_KEY}"\n  }\n}\n`);

neg('reference', 'ref/env-command-op', '.env', '$(op read op://...) in .env', () =>
  `API_KEY=$(op read op://Engineering/Intercom/api_key)\nSECRET=\${INTERCOM_SECRET_KEY}\n`);

neg('reference', 'ref/go-getenv', 'internal/intercom/config.go', 'os.Getenv', () =>
  `package intercom\n\nimport "os"\n\nvar token = os.Getenv("INTERCOM_ACCESS_TOKEN")\n`);

neg('reference', 'ref/java-getenv', 'src/main/java/com/acme/IntercomConfig.java', 'System.getenv', () =>
  `public class IntercomConfig {\n    private final String token = System.getenv("INTERCOM_TOKEN");\n}\n`);

neg('reference', 'ref/cs-getenv', 'Support/IntercomOptions.cs', 'Environment.GetEnvironmentVariable', () =>
  `public class IntercomOptions {\n    public string Token { get; } = Environment.GetEnvironmentVariable("INTERCOM_TOKEN");\n}\n`);

neg('reference', 'ref/php-laravel-env', 'config/services.php', "Laravel 'intercom' => ['token' => env(...)]", () =>
  `<?php\n\nreturn [\n    'intercom' => [\n        'token' => env('INTERCOM_TOKEN'),\n        'app_id' => env('INTERCOM_APP_ID'),\n    ],\n];\n`);

neg('reference', 'ref/tf-var', 'infra/intercom.tf', 'Terraform var reference in a file naming intercom', () =>
  `variable "intercom_token" {\n  type      = string\n  sensitive = true\n}\n\nlocals {\n  token = var.intercom_token\n}\n`);

neg('reference', 'ref/ipynb-environ', 'notebooks/intercom_export.ipynb', 'notebook reading os.environ', () =>
  notebook(['import os\n', 'token = os.environ["INTERCOM_TOKEN"]\n', 'print(len(token))'], ['60\n']));

neg('reference', 'ref/dockerfile-arg', 'Dockerfile', 'ARG without value, ENV from ${ARG}', () =>
  `FROM node:20\nARG INTERCOM_TOKEN\nENV INTERCOM_TOKEN=\${INTERCOM_TOKEN}\n`);

neg('reference', 'ref/toml-braces', 'config/intercom.toml', '${VAR} in TOML under [intercom]', () =>
  `[intercom]\ntoken = "\${INTERCOM_TOKEN}"\n`);

neg('reference', 'ref/swift-processinfo', 'Sources/App/IntercomSetup.swift', 'ProcessInfo environment', () =>
  `let intercomToken = ProcessInfo.processInfo.environment["INTERCOM_TOKEN"] ?? ""\n`);

neg('reference', 'ref/rs-env-var', 'src/intercom/mod.rs', 'std::env::var', () =>
  `pub fn token() -> String {\n    std::env::var("INTERCOM_TOKEN").expect("INTERCOM_TOKEN")\n}\n`);

neg('reference', 'ref/makefile-shell', 'Makefile', '$(shell ...) in a Makefile', () =>
  `INTERCOM_TOKEN ?= $(shell cat .intercom-token)\nsync:\n\tINTERCOM_TOKEN=$(INTERCOM_TOKEN) npm run sync\n`);

neg('reference', 'ref/k8s-external-secret', 'k8s/intercom-external-secret.yaml', 'ExternalSecret remoteRef to prod/intercom/token', () =>
  `apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: intercom\nspec:\n  data:\n    - secretKey: INTERCOM_TOKEN\n      remoteRef:\n        key: prod/intercom/token\n`);

neg('reference', 'ref/kt-buildconfig', 'app/build.gradle.kts', 'Gradle buildConfigField reading System.getenv', () =>
  `android {\n    defaultConfig {\n        buildConfigField("String", "INTERCOM_API_KEY", "\\"\${System.getenv("INTERCOM_API_KEY")}\\"")\n    }\n}\n`);

// ---- Placeholders -------------------------------------------------------

neg('placeholder', 'ph/your-token-here', '.env.example', 'your-intercom-token-here', () =>
  `INTERCOM_TOKEN=your-intercom-token-here\nINTERCOM_SECRET_KEY=your-intercom-secret-here\n`);

neg('placeholder', 'ph/angle-token', 'docs/api.md', '<token>', () =>
  `\`\`\`sh\ncurl https://api.intercom.io/me -H "Authorization: Bearer <token>"\nexport INTERCOM_TOKEN=<token>\n\`\`\`\n`);

neg('placeholder', 'ph/yaml-xxxx', 'settings.yaml', 'xxxx... under intercom: in a spec file location', () =>
  `intercom:\n  token: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n`);

neg('placeholder', 'ph/env-XXXX', '.env.sample', 'XXXX...', () =>
  `INTERCOM_ACCESS_TOKEN=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\nAPI_KEY=XXXXXXXXXXXXXXXXXXXXXXXX\n`);

neg('placeholder', 'ph/json-changeme', 'config.json', 'changeme under "intercom"', () =>
  `{\n  "intercom": {\n    "token": "changeme",\n    "secret": "changeme"\n  }\n}\n`);

neg('placeholder', 'ph/yaml-replace-me', 'config/intercom.yml', 'REPLACE_ME in a file naming intercom', () =>
  `api_key: REPLACE_ME\ntoken: REPLACE_ME\n`);

neg('placeholder', 'ph/masked-ic', 'docs/rotation.md', 'masked ic_****', () =>
  `The old key (ic_****************) was revoked on 2024-04-02.\nINTERCOM_TOKEN=ic_****\n`);

neg('placeholder', 'ph/spec-sequential', 'docs/secrets.md', 'the spec\'s own example ic_1234567890abcdef (sequential run)', () =>
  `export INTERCOM_TOKEN="ic_1234567890abcdef"\n\n{ "intercom": { "token": "ic_1234567890abcdef" } }\n\nconst intercomToken = "ic_1234567890abcdef";\n`);

neg('placeholder', 'ph/sequential-hex', 'test/fixtures/intercom.env', 'sequential 1234567890abcdef values', () =>
  `INTERCOM_TOKEN=1234567890abcdef1234567890abcdef\nINTERCOM_CLIENT_SECRET=abcdef1234567890\n`);

neg('placeholder', 'ph/truncated-token', 'docs/tokens.md', 'truncated example dG9r... of a token', (s) =>
  `Access tokens look like \`${s.truncatedToken(8)}\` (60 characters); an older one started ${s.truncatedToken(12, '…')}.\nINTERCOM_TOKEN=${s.truncatedToken(10)}\n`);

neg('placeholder', 'ph/tok-hex-not-uuid', 'test/fixtures/tokens.ts', 'base64 of tok: + 32 hex (not a UUID)', (s) =>
  `export const notAToken = '${s.tokNotUuid('hex32')}';\n`);

neg('placeholder', 'ph/tok-word-not-uuid', 'spec/fixtures/session.json', 'base64 of tok:session_... (not a UUID)', (s) =>
  `{"session": "${s.tokNotUuid('word')}"}\n`);

neg('placeholder', 'ph/tok-short-groups', 'test/token_shape_test.py', 'base64 of tok: + groups of the wrong lengths', (s) =>
  `BAD_SHAPE = "${s.tokNotUuid('short-groups')}"\n`);

neg('placeholder', 'ph/base64-token-word', 'src/oauth/parse.js', 'base64 that decodes to "token_type=..."', () =>
  `// ${base64('token_type=bearer&expires_in=3600&scope=read')}\nconst sample = atob('${base64('token_type=bearer&expires_in=3600&scope=read')}');\n`);

neg('placeholder', 'ph/env-generic-changeme', '.env', 'generic names in .env with placeholders', () =>
  `TOKEN=changeme\nAPI_KEY=your-api-key-here\nSECRET=\n`);

neg('placeholder', 'ph/credentials-py-angle', 'credentials.py', '<your api key> in credentials.py', () =>
  `api_key = "<your api key>"\ntoken = "REPLACE_ME"\n`);

neg('placeholder', 'ph/intercom-config-js-upper', 'intercom_config.js', 'YOUR_INTERCOM_TOKEN in intercom_config.js', () =>
  `module.exports = { token: 'YOUR_INTERCOM_TOKEN', secret: 'YOUR_IDENTITY_SECRET' };\n`);

neg('placeholder', 'ph/json-ic-xxxx', 'docs/config.example.json', 'ic_xxxx... in the spec nesting', () =>
  `{\n  "intercom": {\n    "token": "ic_xxxxxxxxxxxxxxxxxxxxxxxx"\n  }\n}\n`);

neg('placeholder', 'ph/named-angle', '.env.template', '<identity-verification-secret> and empty values', () =>
  `INTERCOM_SECRET_KEY=<identity-verification-secret>\nINTERCOM_CLIENT_SECRET=\nINTERCOM_HMAC_SECRET=""\n`);

neg('placeholder', 'ph/dots-bullets', 'docs/screenshots.md', 'masked with bullets', () =>
  `INTERCOM_TOKEN=••••••••••••••••\nINTERCOM_CLIENT_SECRET=****-****-****\n`);

neg('placeholder', 'ph/zeros', 'test/support/intercom_helper.rb', 'all zeros', () =>
  `INTERCOM_HMAC_SECRET = "0000000000000000000000000000000000000000000"\n`);

neg('placeholder', 'ph/abcdef-ic', 'README.md', 'ic_abcdef... sequential', () =>
  `# App\n\nSet \`INTERCOM_TOKEN=ic_abcdefghijklmnop1234\` in your shell.\n`);

// ---- Public Intercom values ---------------------------------------------

neg('public-value', 'pub/html-intercom-settings', 'templates/layout.html', 'intercomSettings app_id and api_base', (s) =>
  `<script>\n  window.intercomSettings = {\n    api_base: "https://api-iam.intercom.io",\n    app_id: "${s.appId()}",\n  };\n</script>\n`);

neg('public-value', 'pub/html-widget-url', 'public/index.html', 'widget URL with the app id', (s) =>
  `<script async src="https://widget.intercom.io/widget/${s.appId()}"></script>\n`);

neg('public-value', 'pub/js-loader', 'src/vendor/intercom-loader.js', 'official loader snippet with app_id', (s) => {
  const app = s.appId();
  return `var APP_ID = "${app}";\n(function(){var w=window;var ic=w.Intercom;if(typeof ic==="function"){ic('update',w.intercomSettings);}else{var d=document;var i=function(){i.c(arguments);};i.q=[];i.c=function(args){i.q.push(args);};w.Intercom=i;var l=function(){var s=d.createElement('script');s.type='text/javascript';s.async=true;s.src='https://widget.intercom.io/widget/' + APP_ID;var x=d.getElementsByTagName('script')[0];x.parentNode.insertBefore(s,x);};l();}})();\n`;
});

neg('public-value', 'pub/md-inbox-url', 'docs/support.md', 'inbox URL', (s) =>
  `Open [the inbox](https://app.intercom.com/a/apps/${s.appId()}/inbox/inbox/conversation/${180_000_000_000 + s.rng.int(9_000_000)}).\n`);

neg('public-value', 'pub/sh-version-header', 'scripts/list-contacts.sh', 'Intercom-Version header, token from env', () =>
  `curl -s https://api.intercom.io/contacts \\\n  -H "Authorization: Bearer $INTERCOM_TOKEN" \\\n  -H 'Intercom-Version: 2.14' \\\n  -H 'Accept: application/json'\n`);

neg('public-value', 'pub/env-base-region', '.env', 'API base, region, app id', (s) =>
  `INTERCOM_API_BASE=https://api.eu.intercom.io\nINTERCOM_REGION=eu\nINTERCOM_APP_ID=${s.appId()}\nINTERCOM_API_VERSION=2.14\n`);

neg('public-value', 'pub/yaml-region-ttl', 'settings.yaml', 'region, api_base, TTL under intercom:', (s) =>
  `intercom:\n  region: au\n  api_base: https://api.au.intercom.io\n  token_ttl: 3600\n  app_id: ${s.appId()}\n`);

neg('public-value', 'pub/json-contact', 'test/fixtures/intercom/contact.json', 'contact fixture: ids, workspace id', (s) =>
  `{\n  "type": "contact",\n  "id": "${s.contactId()}",\n  "workspace_id": "${s.appId()}",\n  "external_id": "${s.uuid()}",\n  "role": "user",\n  "email": "ada@example.com"\n}\n`);

neg('public-value', 'pub/env-admin-id', 'config/intercom.env', 'admin id, contact id', (s) =>
  `INTERCOM_ADMIN_ID=${s.adminId()}\nINTERCOM_DEFAULT_CONTACT_ID=${s.contactId()}\n`);

neg('public-value', 'pub/sm-path-sh', 'scripts/fetch-secret.sh', 'secret-manager path prod/intercom/token', () =>
  `aws secretsmanager get-secret-value --secret-id prod/intercom/token --query SecretString --output text\n`);

neg('public-value', 'pub/sm-path-yaml', 'config/intercom.yaml', 'secret-manager path as a value under a file naming intercom', () =>
  `token_secret_id: prod/intercom/token\nsecret_manager_path: arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/intercom/token-AbCdEf\n`);

neg('public-value', 'pub/op-ref', '.env', 'op:// reference', () =>
  `INTERCOM_TOKEN=op://Engineering/Intercom/credential\nTOKEN=op://Engineering/Intercom/credential\n`);

neg('public-value', 'pub/serverless-ssm', 'serverless.yml', '${ssm:...} reference', () =>
  `provider:\n  environment:\n    INTERCOM_TOKEN: \${ssm:/prod/intercom/token}\n`);

neg('public-value', 'pub/html-user-hash', 'views/layouts/app.html.erb', 'user_hash value in intercomSettings', (s) =>
  `<script>\n  window.intercomSettings = {\n    app_id: "${s.appId()}",\n    user_id: "4812",\n    user_hash: "${s.userHash()}"\n  };\n</script>\n`);

neg('public-value', 'pub/rb-user-hash-spec', 'spec/lib/intercom_identity_spec.rb', 'user_hash in a spec expectation', (s) =>
  `RSpec.describe IntercomIdentity do\n  it 'signs the user id' do\n    expect(described_class.user_hash('4812')).to eq('${s.userHash()}')\n  end\nend\n`);

neg('public-value', 'pub/webhook-signature', 'spec/fixtures/intercom_webhook.http', 'webhook X-Hub-Signature', (s) =>
  `POST /webhooks/intercom HTTP/1.1\nContent-Type: application/json\nX-Hub-Signature: sha1=${s.sha1()}\n\n{"type":"notification_event","topic":"conversation.user.created"}\n`);

neg('public-value', 'pub/js-webhook-test', 'test/intercom-webhook.test.js', 'webhook signature header in a test', (s) =>
  `const headers = { 'x-hub-signature': 'sha1=${s.sha1()}' };\nconst intercomSignature = 'sha1=${s.sha1()}';\n`);

neg('public-value', 'pub/request-id', 'test/fixtures/intercom/unauthorized.json', 'error.list with a request id', (s) =>
  `{"type":"error.list","request_id":"${s.requestId()}","errors":[{"code":"unauthorized","message":"Access Token Invalid"}]}\n`);

neg('public-value', 'pub/token-url', '.env', 'INTERCOM_TOKEN_URL is a URL, not a token', () =>
  `INTERCOM_TOKEN_URL=https://api.intercom.io/auth/eagle/token\nINTERCOM_AUTHORIZE_URL=https://app.intercom.com/oauth\n`);

neg('public-value', 'pub/ts-types', 'src/types/intercom.d.ts', 'type declarations intercomToken: string', () =>
  `export interface IntercomConfig {\n  intercomToken: string;\n  intercomAccessToken?: string | null;\n  secretKey?: string;\n  token: string;\n}\n`);

neg('public-value', 'pub/py-signature', 'app/intercom/client.py', 'type hints in a file naming intercom', () =>
  `class IntercomClient:\n    def __init__(self, intercom_token: str, api_key: str | None = None, token: str = "") -> None:\n        self.token = intercom_token\n`);

neg('public-value', 'pub/go-struct', 'internal/config/config.go', 'struct field tags', () =>
  `type Config struct {\n\tIntercomToken string \`env:"INTERCOM_TOKEN,required"\`\n\tIntercomSecretKey string \`env:"INTERCOM_SECRET_KEY"\`\n}\n`);

neg('public-value', 'pub/me-response', 'test/fixtures/intercom/me.json', '/me response with id_code', (s) =>
  `{\n  "type": "admin",\n  "id": "${s.adminId()}",\n  "email": "ops@example.com",\n  "app": {\n    "type": "app",\n    "id_code": "${s.appId()}",\n    "region": "US"\n  }\n}\n`);

neg('public-value', 'pub/csv-contacts', 'exports/intercom_contacts.csv', 'contact export in a file naming intercom', (s) =>
  `id,external_id,email,created_at\n${s.contactId()},${s.uuid()},ada@example.com,1712000000\n${s.contactId()},${s.uuid()},alan@example.com,1712000100\n`);

neg('public-value', 'pub/tf-app-id', 'infra/intercom_app.tf', 'app id in Terraform', (s) =>
  `locals {\n  intercom_app_id = "${s.appId()}"\n  intercom_region = "eu"\n}\n`);

neg('public-value', 'pub/properties', 'src/main/resources/application.properties', 'base URL and version', () =>
  `intercom.api.base-url=https://api.intercom.io\nintercom.api.version=2.14\nintercom.token-ttl=3600\n`);

neg('public-value', 'pub/android-manifest', 'app/src/main/AndroidManifest.xml', 'app id meta-data', (s) =>
  `<manifest xmlns:android="http://schemas.android.com/apk/res/android">\n  <application>\n    <meta-data android:name="intercom_app_id" android:value="${s.appId()}" />\n  </application>\n</manifest>\n`);

neg('public-value', 'pub/nginx-csp', 'deploy/nginx.conf', 'CSP with Intercom hosts', () =>
  `add_header Content-Security-Policy "script-src 'self' https://widget.intercom.io https://js.intercomcdn.com; connect-src https://api-iam.intercom.io wss://nexus-websocket-a.intercom.io";\n`);

neg('public-value', 'pub/toml-app', 'config/intercom.toml', 'app id and region in TOML', (s) =>
  `[intercom]\napp_id = "${s.appId()}"\nregion = "us"\ntoken_ttl = 3600\n`);

neg('public-value', 'pub/dockerfile-version', 'docker/api/Dockerfile', 'API version in a Dockerfile', () =>
  `FROM ruby:3.3\nENV INTERCOM_API_VERSION=2.14\nENV INTERCOM_REGION=eu\n`);

neg('public-value', 'pub/php-app-id', 'config/intercom.php', 'app id in PHP config', (s) =>
  `<?php\nreturn ['app_id' => '${s.appId()}', 'region' => 'eu', 'token' => getenv('INTERCOM_TOKEN')];\n`);

neg('public-value', 'pub/swift-app-id', 'Sources/App/IntercomSetup.swift', 'app id in Swift', (s) =>
  `let intercomAppId = "${s.appId()}"\nlet intercomRegion = "us"\n`);

neg('public-value', 'pub/ttl-expires', '.env', 'token TTL and expiry', () =>
  `INTERCOM_TOKEN_TTL=3600\nINTERCOM_TOKEN_EXPIRES_IN=86400\n`);

neg('public-value', 'pub/ipynb-ids', 'notebooks/intercom_admins.ipynb', 'notebook listing admin ids', (s) =>
  notebook(['admins = client.admins.list()\n', 'print([a.id for a in admins])'], [`['${s.adminId()}', '${s.adminId()}']\n`]));

// ---- Files that name intercom but hold hashes -------------------------------

neg('lock-vendored', 'lock/podfile', 'ios/Podfile.lock', 'Podfile.lock Intercom: <sha1>', (s) =>
  `PODS:\n  - Intercom (17.1.2)\n\nDEPENDENCIES:\n  - Intercom (~> 17.0)\n\nSPEC REPOS:\n  trunk:\n    - Intercom\n\nSPEC CHECKSUMS:\n  Intercom: ${s.sha1()}\n\nPODFILE CHECKSUM: ${s.sha1()}\n\nCOCOAPODS: 1.15.2\n`);

neg('lock-vendored', 'lock/pods-manifest', 'ios/Pods/Manifest.lock', 'Pods/Manifest.lock', (s) =>
  `PODS:\n  - Intercom (17.1.2)\n\nSPEC CHECKSUMS:\n  Intercom: ${s.sha1()}\n\nPODFILE CHECKSUM: ${s.sha1()}\n`);

neg('lock-vendored', 'lock/go-sum', 'go.sum', 'go.sum h1: hashes of intercom-go', (s) =>
  `github.com/intercom/intercom-go v2.0.0+incompatible ${s.goSumHash()}\ngithub.com/intercom/intercom-go v2.0.0+incompatible/go.mod ${s.goSumHash()}\ngopkg.in/intercom/intercom-go.v2 v2.0.0-20210223134436-1c3c5a4b2e56 ${s.goSumHash()}\n`);

neg('lock-vendored', 'lock/package-lock', 'package-lock.json', 'package-lock integrity of intercom-client', (s) =>
  `{\n  "name": "app",\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/intercom-client": {\n      "version": "6.0.0",\n      "resolved": "https://registry.npmjs.org/intercom-client/-/intercom-client-6.0.0.tgz",\n      "integrity": "${s.integrity(512)}"\n    }\n  }\n}\n`);

neg('lock-vendored', 'lock/yarn', 'yarn.lock', 'yarn.lock resolved#sha1 and integrity', (s) =>
  `intercom-client@^6.0.0:\n  version "6.0.0"\n  resolved "https://registry.yarnpkg.com/intercom-client/-/intercom-client-6.0.0.tgz#${s.sha1()}"\n  integrity ${s.integrity(512)}\n`);

neg('lock-vendored', 'lock/pnpm', 'pnpm-lock.yaml', 'pnpm-lock integrity', (s) =>
  `lockfileVersion: '9.0'\npackages:\n  intercom-client@6.0.0:\n    resolution: {integrity: ${s.integrity(512)}}\n    engines: {node: '>=18.0.0'}\n`);

neg('lock-vendored', 'lock/cargo', 'Cargo.lock', 'Cargo.lock checksum', (s) =>
  `[[package]]\nname = "intercom"\nversion = "0.4.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "${s.sha256Hex()}"\n`);

neg('lock-vendored', 'lock/composer', 'composer.lock', 'composer.lock reference and shasum', (s) =>
  `{\n  "packages": [\n    {\n      "name": "intercom/intercom-php",\n      "version": "v4.5.0",\n      "source": { "type": "git", "url": "https://github.com/intercom/intercom-php.git", "reference": "${s.sha1()}" },\n      "dist": { "type": "zip", "shasum": "${s.sha1()}" }\n    }\n  ]\n}\n`);

neg('lock-vendored', 'lock/package-resolved', 'App.xcworkspace/xcshareddata/swiftpm/Package.resolved', 'SwiftPM revision of intercom-ios-sp', (s) =>
  `{\n  "pins" : [\n    {\n      "identity" : "intercom-ios-sp",\n      "kind" : "remoteSourceControl",\n      "location" : "https://github.com/intercom/intercom-ios-sp",\n      "state" : {\n        "revision" : "${s.sha1()}",\n        "version" : "17.1.2"\n      }\n    }\n  ],\n  "version" : 2\n}\n`);

neg('lock-vendored', 'lock/poetry', 'poetry.lock', 'poetry.lock hashes of python-intercom', (s) =>
  `[[package]]\nname = "python-intercom"\nversion = "3.1.0"\nfiles = [\n    {file = "python_intercom-3.1.0-py3-none-any.whl", hash = "sha256:${s.sha256Hex()}"},\n    {file = "python-intercom-3.1.0.tar.gz", hash = "sha256:${s.sha256Hex()}"},\n]\n`);

neg('lock-vendored', 'lock/gemfile', 'Gemfile.lock', 'Gemfile.lock with CHECKSUMS', (s) =>
  `GEM\n  remote: https://rubygems.org/\n  specs:\n    intercom (4.2.1)\n\nCHECKSUMS\n  intercom (4.2.1) sha256=${s.sha256Hex()}\n`);

neg('lock-vendored', 'lock/requirements-hashes', 'requirements.txt', 'pip --hash for python-intercom', (s) =>
  `python-intercom==3.1.0 \\\n    --hash=sha256:${s.sha256Hex()} \\\n    --hash=sha256:${s.sha256Hex()}\n`);

neg('lock-vendored', 'lock/gradle-verification', 'gradle/verification-metadata.xml', 'Gradle verification sha256 of intercom-sdk', (s) =>
  `<verification-metadata>\n  <components>\n    <component group="io.intercom.android" name="intercom-sdk" version="15.1.0">\n      <artifact name="intercom-sdk-15.1.0.aar">\n        <sha256 value="${s.sha256Hex()}" origin="Generated by Gradle"/>\n      </artifact>\n    </component>\n  </components>\n</verification-metadata>\n`);

neg('lock-vendored', 'vendored/pods-coderesources', 'ios/Pods/Intercom/Intercom.xcframework/ios-arm64/Intercom.framework/_CodeSignature/CodeResources', 'vendored SDK code signature hashes', (s) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n\t<key>files</key>\n\t<dict>\n\t\t<key>Info.plist</key>\n\t\t<data>\n\t\t${s.rng.bytes(20).toString('base64')}\n\t\t</data>\n\t\t<key>Intercom.bundle/Assets.car</key>\n\t\t<data>\n\t\t${s.rng.bytes(20).toString('base64')}\n\t\t</data>\n\t</dict>\n\t<key>files2</key>\n\t<dict>\n\t\t<key>Headers/Intercom.h</key>\n\t\t<dict>\n\t\t\t<key>hash2</key>\n\t\t\t<data>\n\t\t\t${s.sha256Base64()}\n\t\t\t</data>\n\t\t</dict>\n\t</dict>\n</dict>\n</plist>\n`);

neg('lock-vendored', 'vendored/pods-header', 'ios/Pods/Intercom/Intercom.xcframework/ios-arm64/Intercom.framework/Headers/Intercom.h', 'vendored SDK header', () =>
  `//\n//  Intercom.h\n//  Intercom for iOS - Version 17.1.2\n//\n#import <Foundation/Foundation.h>\n+ (void)setApiKey:(NSString *)apiKey forAppId:(NSString *)appId;\n+ (void)setUserHash:(NSString *)userHash;\n`);

neg('lock-vendored', 'changelog/package', 'packages/intercom-sync/CHANGELOG.md', 'changelog citing commit ids', (s) =>
  `# intercom-sync\n\n## 2.3.1\n\n### Patch Changes\n\n- ${s.hex(7)}: Retry on 429 from the Intercom API\n- [${s.hex(7)}](https://github.com/acme/app/commit/${s.sha1()}) Bump intercom-client to 6.0.0\n`);

neg('lock-vendored', 'changelog/vendored-sdk', 'vendor/intercom/intercom-php/CHANGELOG.md', 'vendored SDK changelog with commit ids', (s) =>
  `## 4.5.0\n* Support API version 2.11 (${s.sha1()})\n* Fix token refresh (#${300 + s.rng.int(99)}, ${s.sha1()})\n`);

neg('lock-vendored', 'changelog/blame-ignore', '.git-blame-ignore-revs', 'commit ids in .git-blame-ignore-revs', (s) =>
  `# Reformat the intercom module\n${s.sha1()}\n# Rename intercom_token helpers\n${s.sha1()}\n`);

neg('lock-vendored', 'lock/sri', 'public/embed.html', 'SRI integrity of an Intercom script', (s) =>
  `<script src="https://js.intercomcdn.com/shim.latest.js" integrity="${s.integrity(384)}" crossorigin="anonymous"></script>\n`);

// ---- ic_ inside identifiers, JWTs, base64url blobs, hashed asset names --------

neg('ic-jwt-asset', 'icjwt/identifiers', 'src/lazy.js', 'ic_ inside longer identifiers', (s) =>
  `const dynamic_${s.alnum(18)} = lazy(() => import('./Panel'));\nexport const topic_${s.alnum(20)} = 'conversation.user.created';\nconst music_${s.alnum(16)} = null;\n`);

neg('ic-jwt-asset', 'icjwt/css-modules', 'dist/assets/app.css', 'CSS module class names ending in ic_...', (s) =>
  `.Topic_topic_${s.alnum(16)}{display:flex}.Basic_basic_${s.alnum(17)}{color:red}\n`);

neg('ic-jwt-asset', 'icjwt/jwt-signature-ic', 'test/fixtures/session.json', 'JWT whose signature starts with ic_', (s) =>
  `{"jwt": "${s.jwt({ signatureStart: `ic_${s.alnum(20)}-` })}"}\n`);

neg('ic-jwt-asset', 'icjwt/jwt-messenger', 'views/layouts/messenger.html', 'Messenger intercom_user_jwt (a JWT)', (s) =>
  `<script>window.intercomSettings = { app_id: "${s.appId()}", intercom_user_jwt: "${s.jwt()}" };</script>\n`);

neg('ic-jwt-asset', 'icjwt/jwt-env-test', '.env.test', 'JWT in a test env file', (s) =>
  `SESSION_JWT=${s.jwt()}\n`);

neg('ic-jwt-asset', 'icjwt/base64url-blob', 'docs/oauth-flow.md', 'base64url state parameter with -ic_ inside', (s) =>
  `https://app.intercom.com/oauth?client_id=${s.uuid()}&state=${s.base64urlChars(11)}-ic_${s.alnum(20)}-${s.base64urlChars(9)}\n`);

neg('ic-jwt-asset', 'icjwt/hashed-asset-html', 'public/index.html', 'hashed asset file names ic_<hash>.svg', (s) =>
  `<img src="/static/media/ic_${s.assetHash()}.svg" alt="">\n<link rel="icon" href="/ic_${s.assetHash(20)}.png">\n`);

neg('ic-jwt-asset', 'icjwt/asset-manifest', 'build/asset-manifest.json', 'webpack asset manifest with ic_<hash> names', (s) =>
  `{\n  "files": {\n    "ic_close.svg": "/static/media/ic_${s.assetHash()}.svg",\n    "ic_chat.webp": "/static/media/ic_${s.alnum(18)}.webp"\n  }\n}\n`);

neg('ic-jwt-asset', 'icjwt/data-uri', 'src/styles/icons.css', 'base64 data URI', (s) =>
  `.chat-icon{background:url(data:image/png;base64,${s.rng.bytes(600).toString('base64')})}\n`);

neg('ic-jwt-asset', 'icjwt/python-identifiers', 'app/music.py', 'ic_ inside Python identifiers', (s) =>
  `def basic_${s.alnum(16)}():\n    return generic_${s.alnum(20)}\n`);

// ---- Binary files -------------------------------------------------------

neg('binary', 'bin/png', 'assets/intercom-logo.png', 'PNG image', (s) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), s.rng.bytes(4000)]));

neg('binary', 'bin/woff2', 'assets/fonts/inter.woff2', 'font', (s) =>
  Buffer.concat([Buffer.from('wOF2'), Buffer.from([0, 1, 0, 0]), s.rng.bytes(3000)]));

neg('binary', 'bin/sqlite', 'db/development.sqlite3', 'SQLite database with Intercom ids', (s) =>
  Buffer.concat([Buffer.from('SQLite format 3\0'), s.rng.bytes(100), Buffer.from(`INTERCOM_APP_ID ${s.appId()}\0intercom_contact ${s.contactId()}\0`), Buffer.alloc(512)]));

neg('binary', 'bin/macho', 'ios/Pods/Intercom/Intercom.xcframework/ios-arm64/Intercom.framework/Intercom', 'vendored SDK binary with symbol names', (s) =>
  Buffer.concat([Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 0x0c, 0, 0, 0x01]), s.rng.bytes(2000), Buffer.from('\0setApiKey:forAppId:\0ic_chevron_right\0intercom_api_key\0userHash\0')]));

neg('binary', 'bin/pe-utf16-resources', 'tools/IntercomSync.exe', 'PE binary with UTF-16 version resources', (s) =>
  Buffer.concat([Buffer.from('MZ'), s.rng.bytes(1000), utf16le('CompanyName\0Acme\0ProductName\0Intercom Sync\0', { bom: false }), s.rng.bytes(500)]));

neg('binary', 'bin/tgz', 'vendor/cache/intercom-4.2.1.gem', 'packaged gem (tar)', (s) =>
  Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), s.rng.bytes(5000)]));

// ---- Allow markers ------------------------------------------------------

neg('allow-marker', 'allow/intercom-guard', 'test/fixtures/token.js', 'intercom-guard:allow', (s) =>
  `export const FIXTURE = "${s.accessToken()}"; // intercom-guard:allow\n`);

neg('allow-marker', 'allow/gitleaks', 'tests/test_tokens.py', 'gitleaks:allow', (s) =>
  `TOKEN = "${s.accessToken()}"  # gitleaks:allow\n`);

neg('allow-marker', 'allow/pragma', 'test/fixtures/intercom.yml', 'pragma: allowlist secret', (s) =>
  `intercom:\n  token: ${s.icToken()} # pragma: allowlist secret\n`);

neg('allow-marker', 'allow/trufflehog', 'scripts/demo-curl.sh', 'trufflehog:ignore', (s) =>
  `curl -H "Authorization: Bearer ${s.accessToken()}" https://api.intercom.io/me # trufflehog:ignore\n`);

neg('allow-marker', 'allow/nextline', '.env.test', 'pragma: allowlist nextline secret', (s) =>
  `# pragma: allowlist nextline secret\nINTERCOM_TOKEN=${s.accessToken()}\n`);

neg('allow-marker', 'allow/md-html-comment', 'docs/fixtures.md', 'marker in an HTML comment', (s) =>
  `Use \`${s.icToken()}\` in the sandbox. <!-- intercom-guard:allow -->\n`);

neg('allow-marker', 'allow/identity-secret', 'spec/support/intercom.rb', 'marker on a named identity secret', (s) =>
  `INTERCOM_SECRET_KEY = "${s.identitySecret()}" # intercom-guard:allow\n`);

neg('allow-marker', 'allow/context-only', 'config/intercom.test.yml', 'marker on a context-only value', (s) =>
  `intercom:\n  token: ${s.highEntropy()} # intercom-guard:allow\n`);

// ---- UTF-16 files without secrets -----------------------------------------

neg('utf16-clean', 'utf16c/reg', 'tools/intercom.reg', 'UTF-16LE .reg with the app id', (s) =>
  utf16le(crlf(`Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\Acme\\Intercom]\n"AppId"="${s.appId()}"\n`)));

neg('utf16-clean', 'utf16c/ps1-env', 'scripts/intercom.ps1', 'UTF-16LE PowerShell with a reference', () =>
  utf16le(crlf(`$env:INTERCOM_TOKEN = $env:CI_INTERCOM_TOKEN\nInvoke-RestMethod -Uri https://api.intercom.io/me -Headers @{ Authorization = "Bearer $env:INTERCOM_TOKEN" }\n`)));

neg('utf16-clean', 'utf16c/be-placeholder', 'docs/setup-utf16.txt', 'UTF-16BE with a placeholder', () =>
  utf16be(`INTERCOM_TOKEN=your-intercom-token-here\n`));

neg('utf16-clean', 'utf16c/csv', 'exports/contacts-utf16.csv', 'UTF-16LE CSV of contact ids', (s) =>
  utf16le(crlf(`id\temail\n${s.contactId()}\tada@example.com\n`)));

// ---- Big minified files without secrets ---------------------------------------

neg('minified-clean', 'min/bundle', 'public/assets/vendor-2c41e9aa.js', '150 KB bundle with app id, widget URL, base64 "token..." strings', (s) =>
  `${s.minifiedBundle(`{app_id:"${s.appId()}",src:"https://widget.intercom.io/widget/",t:atob("${base64('token_type=bearer&expires_in=3600&scope=read')}"),jwt:"${s.jwt()}"}`, 150_000)}\n`);

neg('minified-clean', 'min/sourcemap', 'public/assets/vendor-2c41e9aa.js.map', '140 KB source map', (s) =>
  `{"version":3,"sources":["node_modules/intercom-client/dist/index.js"],"names":["token","intercomToken"],"mappings":"${s.sourceMapMappings(140_000)}"}\n`);

neg('minified-clean', 'min/i18n', 'public/locales/en.json', '110 KB single-line JSON with hashes', (s) => {
  const entries: string[] = [];
  let length = 0;
  while (length < 110_000) {
    const entry = `"k_${s.hex(12)}":"${s.sha256Base64()}"`;
    entries.push(entry);
    length += entry.length + 1;
  }
  return `{${entries.join(',')}}\n`;
});

// ---- More negatives in the places context rules look at ------------------------

neg('reference', 'ref/yaml-helm-nested', 'charts/app/templates/configmap.yaml', '{{ .Values.x }} beneath intercom:', () =>
  `data:\n  config.yaml: |\n    intercom:\n      token: {{ .Values.intercom.token }}\n      secret: {{ .Values.intercom.secret | quote }}\n`);

neg('reference', 'ref/js-intercom-config-env', 'intercom_config.js', 'process.env in intercom_config.js', () =>
  `module.exports = {\n  token: process.env.INTERCOM_TOKEN,\n  api_key: process.env.INTERCOM_API_KEY || '',\n};\n`);

neg('reference', 'ref/percent-spec-file', 'settings.yaml', '%VAR% beneath intercom: in settings.yaml', () =>
  `intercom:\n  token: "%INTERCOM_TOKEN%"\n`);

neg('placeholder', 'ph/config-json-sequential', 'config.json', 'sequential placeholder under api_key in config.json', () =>
  `{\n  "api_key": "1234567890abcdef",\n  "token": "abcdef0123456789"\n}\n`);

neg('placeholder', 'ph/yaml-truncated', 'config/intercom.yml', 'truncated token under intercom > token', (s) =>
  `intercom:\n  token: ${s.truncatedToken(10)}\n  secret: "${s.truncatedToken(6, '…')}"\n`);

neg('placeholder', 'ph/yaml-masked', 'settings.yaml', 'masked ic_**** under intercom > token', () =>
  `intercom:\n  token: "ic_****"\n  api_key: "****************"\n`);

neg('placeholder', 'ph/k8s-placeholders', 'k8s/example-secret.yaml', 'K8s Secret example: data values are base64 of placeholders', () =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: example\ndata:\n  INTERCOM_TOKEN: ${base64('your-intercom-token-here')}\n  INTERCOM_SECRET_KEY: ${base64('changeme')}\n`);

neg('placeholder', 'ph/k8s-double-not-uuid', 'k8s/test-secret.yaml', 'K8s Secret data: base64 of base64(tok:<not a UUID>) under a neutral key', (s) =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: test\ndata:\n  session-fixture: ${base64(s.tokNotUuid('hex32'))}\n`);

neg('public-value', 'pub/k8s-secret-other-values', 'k8s/app-secret.yaml', 'K8s Secret data: base64 of a database URL and an app id', (s) =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ndata:\n  DATABASE_URL: ${base64('postgres://app@db.internal:5432/app')}\n  INTERCOM_APP_ID: ${base64(s.appId())}\n`);

neg('public-value', 'pub/yaml-user-hash', 'spec/fixtures/intercom.yml', 'user_hash and ids beneath intercom:', (s) =>
  `intercom:\n  app_id: ${s.appId()}\n  user_hash: ${s.userHash()}\n  admin_id: ${s.adminId()}\n  contact_id: ${s.contactId()}\n`);

neg('public-value', 'pub/json-signature', 'test/fixtures/intercom/webhook.json', 'webhook signature and request id beneath "intercom"', (s) =>
  `{\n  "intercom": {\n    "signature": "sha1=${s.sha1()}",\n    "request_id": "${s.requestId()}"\n  }\n}\n`);

neg('public-value', 'pub/yaml-token-url', 'settings.yaml', 'token_url, api_base and TTL beneath intercom:', () =>
  `intercom:\n  token_url: https://api.intercom.io/auth/eagle/token\n  api_base: https://api.intercom.io\n  token_ttl: 3600\n`);

neg('public-value', 'pub/sm-path-generic', 'settings.yaml', 'secret-manager paths under generic names in settings.yaml', () =>
  `intercom:\n  token: prod/intercom/token\n  secret: vault:secret/data/intercom#identity\n  api_key: op://Engineering/Intercom/api_key\n`);

neg('lock-vendored', 'lock/package-lock-subproject', 'packages/intercom-sync/package-lock.json', 'lock file in a path naming intercom', (s) =>
  `{\n  "name": "intercom-sync",\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/undici": {\n      "version": "6.19.8",\n      "integrity": "${s.integrity(512)}"\n    }\n  }\n}\n`);

neg('reference', 'ref/k8s-env-secretkeyref', 'k8s/web-deployment.yaml', 'K8s env valueFrom.secretKeyRef', () =>
  `env:\n  - name: INTERCOM_TOKEN\n    valueFrom:\n      secretKeyRef:\n        name: intercom\n        key: token\n  - name: INTERCOM_SECRET_KEY\n    valueFrom:\n      secretKeyRef: { name: intercom, key: identity-secret }\n`);

neg('public-value', 'pub/sm-arn-env', '.env', 'Secrets Manager ARN ending in :secret:prod/intercom/token-<suffix>', (s) =>
  `INTERCOM_TOKEN_ARN=arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/intercom/token-${s.alnum(6)}\n`);

neg('public-value', 'pub/sm-gcp-path', 'config/intercom.yaml', 'GCP Secret Manager resource names under intercom paths', () =>
  `token: projects/acme-prod/secrets/intercom-token/versions/latest\nsecret: projects/acme-prod/secrets/intercom-identity-secret/versions/3\n`);

neg('reference', 'ref/kt-buildconfig-use', 'app/src/main/java/com/acme/intercom/IntercomModule.kt', 'Kotlin reading BuildConfig in a path naming intercom', (s) =>
  `object IntercomModule {\n    val appId = "${s.appId()}"\n    val token = BuildConfig.INTERCOM_TOKEN\n    val apiKey: String = BuildConfig.INTERCOM_API_KEY\n}\n`);

neg('public-value', 'pub/kt-initialize', 'app/src/main/java/com/acme/MainApplication.kt', 'Kotlin SDK initialisation from BuildConfig', () =>
  `class MainApplication : Application() {\n    override fun onCreate() {\n        super.onCreate()\n        Intercom.initialize(this, BuildConfig.INTERCOM_API_KEY, BuildConfig.INTERCOM_APP_ID)\n    }\n}\n`);

neg('reference', 'ref/tox-ini', 'tox.ini', 'tox.ini passenv / {env:...} substitution', () =>
  `[testenv]\npassenv = INTERCOM_TOKEN\nsetenv =\n    INTERCOM_API_BASE = https://api.intercom.io\n    INTERCOM_ACCESS_TOKEN = {env:INTERCOM_TOKEN}\n`);

neg('public-value', 'pub/ini-intercom', 'config/intercom.ini', 'INI with app id, region, base URL in a file naming intercom', (s) =>
  `[intercom]\napp_id = ${s.appId()}\nregion = eu\napi_base = https://api.eu.intercom.io\ntoken_ttl = 3600\n`);

neg('public-value', 'pub/java-webhook-test', 'src/test/java/com/acme/IntercomWebhookVerifierTest.java', 'webhook signature in a Java test', (s) =>
  `class IntercomWebhookVerifierTest {\n    private static final String SIGNATURE = "sha1=${s.sha1()}";\n    private final String secret = System.getenv("INTERCOM_CLIENT_SECRET");\n}\n`);

neg('public-value', 'pub/cs-user-hash-test', 'tests/IntercomIdentityTests.cs', 'user_hash expectation in a C# test', (s) =>
  `public class IntercomIdentityTests {\n    [Fact]\n    public void Signs() => Assert.Equal("${s.userHash()}", Identity.UserHash("4812"));\n}\n`);

neg('reference', 'ref/spring-placeholder', 'src/main/resources/application-prod.properties', 'Spring ${VAR} placeholders', () =>
  `intercom.token=\${INTERCOM_TOKEN}\nintercom.client-secret=\${INTERCOM_CLIENT_SECRET:}\n`);

export const CASES: readonly CorpusCase[] = cases;
