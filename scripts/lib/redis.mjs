// A throw-away Redis on 127.0.0.1 for n8n's queue mode (Debian's redis-server; .ci/run
// installs it): no persistence, stopped with the test.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

import { REDIS_SERVER } from './system-tools.mjs';

/** @returns {Promise<{ port: number, stop: () => Promise<void> }>} */
export async function startRedis({ port, timeoutMs = 15_000 }) {
	if (!existsSync(REDIS_SERVER)) {
		throw new Error(`${REDIS_SERVER} is missing: install Debian's redis-server (apt-get install redis-server), as .ci/run does, or set REDIS_SERVER_PATH`);
	}
	const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
		await exited;
	};
	process.once('exit', () => child.kill('SIGKILL'));
	let output = '';
	const ready = new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`redis-server was not ready within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
		child.stdout.on('data', (chunk) => {
			output += chunk;
			if (output.includes('Ready to accept connections')) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.stderr.on('data', (chunk) => (output += chunk));
		void exited.then((code) => {
			clearTimeout(timer);
			reject(new Error(`redis-server exited (${code}):\n${output}`));
		});
	});
	try {
		await ready;
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, stop };
}
