// One simulator per test file, back to its seeded state after every test.
// Test code, never shipped: closedPort() needs a socket.
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports
import { createServer } from 'node:net';

import { SEEDED_INSTANCE, SEEDED_TOKEN, startSimulator } from '../../scripts/lib/simulator';

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;
export { SEEDED_INSTANCE, SEEDED_TOKEN };

export function useSimulator(): { readonly sim: Simulator } {
	const holder: { sim?: Simulator } = {};
	beforeAll(async () => {
		holder.sim = await startSimulator();
	});
	afterEach(() => holder.sim?.reset());
	afterAll(async () => {
		await holder.sim?.close();
	});
	return {
		get sim() {
			if (!holder.sim) throw new Error('simulator not started');
			return holder.sim;
		},
	};
}

/** A port on 127.0.0.1 that nothing listens on (briefly bound, then released): connections to it are refused. */
export async function closedPort(): Promise<number> {
	return await new Promise<number>((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

export function credentialsFor(sim: Simulator, overrides: Record<string, string> = {}) {
	return { accessToken: SEEDED_TOKEN, baseUrl: sim.baseUrl, instanceId: '', ...overrides };
}

/**
 * Everything reachable from a value, own non-enumerable properties too (an Error's message,
 * stack and cause), as one string: where a leaked token would show up.
 */
export function deepText(value: unknown): string {
	const seen = new WeakSet<object>();
	const parts: string[] = [];
	const visit = (current: unknown, depth: number) => {
		if (depth > 30) return;
		if (typeof current === 'string') parts.push(current);
		else if (typeof current === 'number' || typeof current === 'boolean') parts.push(String(current));
		else if (typeof current === 'object' && current !== null) {
			if (seen.has(current)) return;
			seen.add(current);
			for (const key of Object.getOwnPropertyNames(current)) {
				parts.push(key);
				visit((current as Record<string, unknown>)[key], depth + 1);
			}
		}
	};
	visit(value, 0);
	return parts.join('\n');
}
