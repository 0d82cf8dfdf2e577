// The benchmarks' stacks: the shared one (scripts/lib/stack.mjs) registered with the clean-up,
// and the bare n8n start the footprint benchmark times.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, startN8n } from '../lib/n8n-server.mjs';
import { startStack } from '../lib/stack.mjs';

const require = createRequire(import.meta.url);
const { SEEDED_INSTANCE, SEEDED_TOKEN } = require('../lib/simulator/index.js');

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

/** The shared stack with the simulator's seeded instance and token; alongside: more package folders. */
export async function startBenchStack(cleanup, { logFile, env, alongside = [] }) {
	const stack = await startStack({ token: SEEDED_TOKEN, owner: OWNER, credentialName: 'Wonotify (benchmark simulator)', logFile, env, alongside, label: 'bench' });
	const stopStack = stack.stop;
	return Object.assign(stack, { instanceId: SEEDED_INSTANCE.id, stop: cleanup.add('stop the benchmark stack', stopStack) });
}
