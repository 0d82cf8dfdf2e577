// The end-to-end stack (scripts/lib/stack.mjs): the simulator and a real n8n with the packed
// package installed, an owner account and a Wonotify API credential, with this suite's names.
import { join } from 'node:path';
import { createRequire } from 'node:module';

import { startStack as startSharedStack } from '../../scripts/lib/stack.mjs';

const require = createRequire(import.meta.url);
const { SEEDED_INSTANCE } = require('../../scripts/lib/simulator');

export const INSTANCE = SEEDED_INSTANCE.id;
// Distinctive, so that finding it anywhere (log, executions, errors) can only mean a leak.
export const ACCESS_TOKEN = 'e2e-tok-7c41d9a0b3f25e86c1d04a9f';
export const OWNER = { email: 'owner@example.com', password: 'E2e-Password-1', firstName: 'End', lastName: 'ToEnd' };
export const CREDENTIAL_NAME = 'Wonotify (simulator)';

/** release: the n8n to run (scripts/lib/n8n-install.mjs), 2.x by default. */
export async function startStack({ release } = {}) {
	const major = release?.version.split('.')[0];
	return await startSharedStack({
		token: ACCESS_TOKEN,
		owner: OWNER,
		credentialName: CREDENTIAL_NAME,
		logFile: join(process.cwd(), 'test-results', major === '1' ? 'e2e-n8n-1.x.log' : 'e2e-n8n.log'),
		label: major === '1' ? 'e2e-n8n1' : 'e2e',
		release,
	});
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
