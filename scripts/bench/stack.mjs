// The benchmarks' own stack: the Wonotify simulator and a real n8n (the pinned version) with
// the freshly packed package installed in a temporary user folder, an owner account and a
// Wonotify API credential pointing at the simulator. Free ports on 127.0.0.1 only.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8nClient } from '../lib/n8n-rest.mjs';
import { freePort, installPackage, startN8n } from '../lib/n8n-server.mjs';

const require = createRequire(import.meta.url);
const { SEEDED_INSTANCE, SEEDED_TOKEN, startSimulator } = require('../../test/simulator/index.js');

export const OWNER = { email: 'bench@example.com', password: 'Bench-Password-1', firstName: 'Bench', lastName: 'Mark' };

/** A fresh temporary user folder, deleted by the cleanup. */
export function tempUserFolder(cleanup, prefix) {
	const folder = mkdtempSync(join(tmpdir(), prefix));
	cleanup.add(`delete ${folder}`, () => rmSync(folder, { recursive: true, force: true }));
	return folder;
}

/** Starts n8n (on free ports unless given); stopping it is registered with the cleanup. */
export async function startBenchN8n(cleanup, { userFolder, logFile, env, port, brokerPort }) {
	const n8n = await startN8n({ userFolder, port: port ?? (await freePort()), brokerPort: brokerPort ?? (await freePort()), logFile, env });
	const stop = cleanup.add(`stop n8n ${n8n.pid}`, () => n8n.stop());
	return { ...n8n, stop };
}

/** packageDir: the package to install (default: this one, built); alongside: more package folders. */
export async function startBenchStack(cleanup, { logFile, env, packageDir, alongside = [] }) {
	const sim = await startSimulator({ tokens: [SEEDED_TOKEN] });
	const closeSim = cleanup.add('close the simulator', () => sim.close());
	const userFolder = tempUserFolder(cleanup, 'wonotify-bench-');
	installPackage(userFolder, { ...(packageDir && { packageDir }), alongside });
	const n8n = await startBenchN8n(cleanup, { userFolder, logFile, env });
	const client = new N8nClient(n8n.url);
	await client.setupOrLogin(OWNER);
	const credential = await client.createCredential({
		name: 'Wonotify (benchmark simulator)',
		type: 'wonotifyApi',
		data: { accessToken: SEEDED_TOKEN, baseUrl: sim.baseUrl, instanceId: '' },
	});
	return {
		sim,
		n8n,
		client,
		credential,
		instanceId: SEEDED_INSTANCE.id,
		token: SEEDED_TOKEN,
		async stop() {
			await n8n.stop();
			await closeSim();
		},
	};
}
