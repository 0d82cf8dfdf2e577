// A real n8n (the pinned version) with this package installed the way users install a
// community node, the Wonotify simulator, an owner account and a Wonotify API credential
// pointing at the simulator; free ports on 127.0.0.1. The end-to-end suites and the
// benchmarks both run on it.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8N_2X } from './n8n-install.mjs';
import { clientFor } from './n8n-rest-1x.mjs';
import { freePort, installPackage, startN8n } from './n8n-server.mjs';

const require = createRequire(import.meta.url);
const { startSimulator } = require('./simulator/index.js');

/**
 * token: the access token the simulator accepts and the credential holds; owner: the n8n
 * account; logFile: n8n's output; env: extra environment for n8n; alongside: more package
 * folders to install next to this one; label: names the temporary user folder; webhookUrl:
 * n8n's public webhook address (default: n8n's own port); release: which n8n (default 2.x).
 * If any step fails, what was already started is stopped again.
 */
export async function startStack({ token, owner, credentialName, logFile, env = {}, alongside = [], label = 'stack', webhookUrl, release = N8N_2X }) {
	const sim = await startSimulator({ tokens: [token] });
	const userFolder = mkdtempSync(join(tmpdir(), `wonotify-${label}-`));
	const ports = { port: await freePort(), brokerPort: await freePort() };

	const stack = {
		sim,
		userFolder,
		logFile,
		token,
		release,
		/** @type {Awaited<ReturnType<typeof startN8n>> | undefined} */
		n8n: undefined,
		/** @type {import('./n8n-rest.mjs').N8nClient | undefined} */
		client: undefined,
		credential: undefined,
		/** Everything n8n printed, across restarts. */
		logs: [],

		async startN8n() {
			stack.n8n = await startN8n({ userFolder, ...ports, logFile, env, release, ...(webhookUrl && { webhookUrl }) });
			stack.client = clientFor(release, stack.n8n.url);
			await stack.client.setupOrLogin(owner);
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

		/** Stops n8n and the simulator and deletes the user folder; safe to call twice. */
		async stop() {
			if (stack.stopped) return;
			stack.stopped = true;
			stack.logs.push(stack.n8n?.logText() ?? '');
			await stack.n8n?.stop();
			await sim.close();
			rmSync(userFolder, { recursive: true, force: true });
		},
	};

	try {
		installPackage(userFolder, { alongside });
		await stack.startN8n();
		stack.credential = await stack.client.createCredential({
			name: credentialName,
			type: 'wonotifyApi',
			data: { accessToken: token, baseUrl: sim.baseUrl, instanceId: '' },
		});
		return stack;
	} catch (error) {
		await stack.stop().catch(() => {});
		throw error;
	}
}
