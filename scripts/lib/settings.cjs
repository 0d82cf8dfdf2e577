// The environment variables every script reads (npm start, npm test, npm run bench,
// npm run simulator), in one place, so that a moved port or cache works the same for all of
// them. The README's "Environment variables" table lists them. CommonJS, so that
// jest.config.js (through n8n-1x.cjs) reads the same cache folder as the ES-module scripts.
const { homedir } = require('node:os');
const { join } = require('node:path');

/** Where the pinned n8n, Node 24, n8n 1.x's engine and npm start's n8n data live. */
const CACHE_ROOT = process.env.WONOTIFY_CACHE_DIR || join(homedir(), '.cache', 'n8n-nodes-wonotify');

const DEFAULT_PORTS = { n8n: 5678, simulator: 5680, modelServer: 5681 };

/** A setting that cannot be used, in a sentence that names the variable. */
class SettingError extends Error {}

/** The port in environment variable `name`, or `fallback` when it is unset or empty. */
function portFromEnv(name, fallback) {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 1 || port > 65535) throw new SettingError(`${name} must be a port number, got "${raw}"`);
	return port;
}

/** The simulator's port: npm start and npm run simulator must agree on it. */
function simulatorPort() {
	return portFromEnv('WONOTIFY_SIM_PORT', DEFAULT_PORTS.simulator);
}

module.exports = { CACHE_ROOT, DEFAULT_PORTS, SettingError, portFromEnv, simulatorPort };
