// Stopping a run and everything it started: n8n runs in a process group of its own (so that
// it can be stopped with its task runners), so a signal to our child alone would leave n8n,
// Redis or Chromium running with parent PID 1. `ps` lists the whole tree first, by parent
// PID, before anything in it is stopped and its children are re-parented.
import { spawnSync } from 'node:child_process';

/** Every process below `pid` (children, their children, …), on Linux and macOS. */
export function descendantsOf(pid) {
	const result = spawnSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
	const children = new Map();
	for (const line of (result.stdout ?? '').split('\n')) {
		const [child, parent] = line.trim().split(/\s+/).map(Number);
		if (!Number.isInteger(child) || !Number.isInteger(parent)) continue;
		children.set(parent, [...(children.get(parent) ?? []), child]);
	}
	const found = [];
	const queue = [pid];
	while (queue.length > 0 && found.length < 10_000) {
		for (const child of children.get(queue.shift()) ?? []) {
			found.push(child);
			queue.push(child);
		}
	}
	return found;
}

const isAlive = (pid) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

/** SIGTERM to every process below `pid`, then SIGKILL to what is still there after `graceMs`. */
export async function stopTree(pid, { graceMs = 10_000 } = {}) {
	const processes = descendantsOf(pid);
	for (const each of processes) if (isAlive(each)) process.kill(each, 'SIGTERM');
	const deadline = Date.now() + graceMs;
	while (processes.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
	for (const each of processes) if (isAlive(each)) process.kill(each, 'SIGKILL');
}
