#!/usr/bin/env node
// Runs before `npm start`, `npm test` and `npm run bench` (see package.json), so that both
// README commands work on a fresh clone: installs the dev tooling with `npm ci` when
// node_modules is missing or older than package-lock.json (after a pull that changed it).
// Node built-ins only: nothing else exists yet when this runs.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const lockFile = join(root, 'package-lock.json');
// npm writes this copy of the lock on every install: its age tells whether node_modules is current.
const installedLock = join(root, 'node_modules', '.package-lock.json');

const upToDate = existsSync(installedLock) && statSync(installedLock).mtimeMs >= statSync(lockFile).mtimeMs;
if (!upToDate) {
	console.log(`[setup] ${existsSync(installedLock) ? 'package-lock.json changed' : 'first run'}: installing the dev tooling (npm ci, ≈ 2 min on a 2-core machine)…`);
	const started = Date.now();
	// npm ci prints nothing for minutes when output is not a terminal: say that it is still going.
	const progress = setInterval(() => console.log(`[setup] npm ci still working, ${Math.round((Date.now() - started) / 1000)} s so far`), 20_000);
	const status = await new Promise((resolve) => {
		const child = spawn('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
		child.once('error', () => resolve(1));
		child.once('close', (code) => resolve(code ?? 1));
	});
	clearInterval(progress);
	if (status !== 0) {
		console.error('[setup] npm ci failed (see above); fix that and run the command again.');
		process.exit(status);
	}
	console.log(`[setup] npm ci done in ${Math.round((Date.now() - started) / 1000)} s`);
}
