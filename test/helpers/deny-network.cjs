// Preloaded into the scanner by the no-network test (NODE_OPTIONS=--require ...):
// every way Node can reach the network records an attempt in INTERCOM_GUARD_NET_LOG
// and fails, so a test can prove a command touched no network at all.
const fs = require('node:fs');
const net = require('node:net');
const tls = require('node:tls');
const http = require('node:http');
const https = require('node:https');
const dns = require('node:dns');

const log = process.env.INTERCOM_GUARD_NET_LOG;
function attempt(what) {
  if (log) fs.appendFileSync(log, `${what}\n`);
  throw new Error(`network access denied in this test: ${what}`);
}
net.Socket.prototype.connect = function connect() {
  attempt('net.Socket.connect');
};
net.connect = net.createConnection = () => attempt('net.connect');
tls.connect = () => attempt('tls.connect');
http.request = http.get = () => attempt('http.request');
https.request = https.get = () => attempt('https.request');
dns.lookup = () => attempt('dns.lookup');
dns.promises.lookup = async () => attempt('dns.promises.lookup');
globalThis.fetch = async () => attempt('fetch');
