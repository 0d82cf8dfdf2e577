// The machine a benchmark ran on, for the report.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

import { N8N_2X, N8N_VERSION } from '../lib/n8n-install.mjs';

export function describeMachine() {
	let cpuModel = os.cpus()[0]?.model ?? 'unknown';
	try {
		cpuModel = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpuModel;
	} catch {
		// not Linux
	}
	let n8nNode = 'unknown';
	try {
		n8nNode = execFileSync(join(N8N_2X.nodeBin, 'node'), ['--version'], { encoding: 'utf8' }).trim();
	} catch {
		// n8n not installed yet
	}
	return {
		date: new Date().toISOString(),
		cpus: os.availableParallelism?.() ?? os.cpus().length,
		cpuModel,
		ramGb: os.totalmem() / 1024 ** 3,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		benchNode: process.version,
		n8nNode,
		n8nVersion: N8N_VERSION,
		loadAverageAtStart: os.loadavg()[0],
	};
}

export function machineMarkdown(m) {
	return [
		`- Date: ${m.date}`,
		`- CPUs (nproc): ${m.cpus}, model: ${m.cpuModel}`,
		`- RAM: ${m.ramGb.toFixed(1)} GB`,
		`- OS: ${m.os}`,
		`- n8n ${m.n8nVersion} (SQLite, regular mode, default settings) on Node ${m.n8nNode}; benchmark script and simulator on Node ${m.benchNode}`,
		`- 1-minute load average before the run: ${m.loadAverageAtStart.toFixed(2)}; when each benchmark started: ${Object.entries(m.loadAverages ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([name, load]) => `${name} ${load.toFixed(2)}`).join(', ')} (our own n8n counts in these)`,
	].join('\n');
}
