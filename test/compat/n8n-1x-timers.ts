// Jest setup of the `integration-n8n-1.x` project. n8n-core 1.x starts a one-minute
// interval when a credential test first asks for its SSH client manager, and does not unref
// it (2.x does): in n8n that runs for the life of the process; in a test file it would keep
// jest from exiting. Stopped after each file, as n8n's shutdown would.
// Test code, never shipped: it reaches into the cached engine's files.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { join } from 'node:path';

declare const N8N_ENGINE: { dir: string };

afterAll(() => {
	const modules = join(N8N_ENGINE.dir, 'node_modules');
	const { Container } = jest.requireActual(join(modules, '@n8n', 'di'));
	const { SSHClientsManager } = jest.requireActual(join(modules, 'n8n-core', 'dist', 'execution-engine', 'ssh-clients-manager'));
	if (Container.has(SSHClientsManager)) clearInterval(Container.get(SSHClientsManager).cleanupTimer);
});
