// The end-to-end stack: the Wonotify simulator and a real n8n (the pinned version) with this
// package installed the way users install a community node, an owner account and a Wonotify
// API credential pointing at the simulator. Ports are free ones picked at start.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8nClient } from '../../scripts/lib/n8n-rest.mjs';
import { freePort, installPackage, startN8n } from '../../scripts/lib/n8n-server.mjs';

const require = createRequire(import.meta.url);
const { SEEDED_INSTANCE, startSimulator } = require('../simulator');

export const INSTANCE = SEEDED_INSTANCE.id;
// Distinctive, so that finding it anywhere (log, executions, errors) can only mean a leak.
export const ACCESS_TOKEN = 'e2e-tok-7c41d9a0b3f25e86c1d04a9f';
export const OWNER = { email: 'owner@example.com', password: 'E2e-Password-1', firstName: 'End', lastName: 'ToEnd' };
export const CREDENTIAL_NAME = 'Wonotify (simulator)';

export async function startStack() {
	const sim = await startSimulator({ tokens: [ACCESS_TOKEN] });
	const userFolder = mkdtempSync(join(tmpdir(), 'wonotify-e2e-'));
	const logFile = join(process.cwd(), 'test-results', 'e2e-n8n.log');
	installPackage(userFolder);
	const ports = { port: await freePort(), brokerPort: await freePort() };

	const stack = {
		sim,
		userFolder,
		logFile,
		/** @type {Awaited<ReturnType<typeof startN8n>>} */
		n8n: undefined,
		/** @type {N8nClient} */
		client: undefined,
		credential: undefined,
		/** Everything n8n printed, across restarts. */
		logs: [],

		async startN8n() {
			stack.n8n = await startN8n({ userFolder, ...ports, logFile });
			stack.client = new N8nClient(stack.n8n.url);
			await stack.client.setupOrLogin(OWNER);
		},

		/** Stops n8n and starts it again on the same data, as a server restart would. */
		async restartN8n() {
			stack.logs.push(stack.n8n.logText());
			await stack.n8n.stop();
			await stack.startN8n();
		},

		allLogs() {
			return [...stack.logs, stack.n8n?.logText() ?? ''].join('\n');
		},

		async stop() {
			stack.logs.push(stack.n8n?.logText() ?? '');
			await stack.n8n?.stop();
			await sim.close();
			rmSync(userFolder, { recursive: true, force: true });
		},
	};

	await stack.startN8n();
	stack.credential = await stack.client.createCredential({
		name: CREDENTIAL_NAME,
		type: 'wonotifyApi',
		data: { accessToken: ACCESS_TOKEN, baseUrl: sim.baseUrl, instanceId: '' },
	});
	return stack;
}

export async function waitUntil(condition, { timeoutMs = 10_000, intervalMs = 100, what = 'condition' } = {}) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await condition();
		if (value) return value;
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
	throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}
