// Installs (once) and checks (every time) n8n 1.x's execution engine, n8n-core and
// n8n-workflow at the versions the last n8n 1.x ships, into a cache folder outside the repo:
// the jest project `integration-n8n-1.x` runs the integration tests on it.
//
// Scripts stay off (as in the repo): n8n-workflow 1.x pulls isolated-vm 6, whose build is
// not needed by these tests. The versions are checked on what node loads, not on what npm said.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { installEnv } from './n8n-install.mjs';

const require = createRequire(import.meta.url);
const { N8N_1X, engineDir } = require('./n8n-1x.cjs');

const ENGINE_PACKAGES = ['n8n-core', 'n8n-workflow'];
const say = (line) => console.log(`[n8n-engine-1.x] ${line}`);

/** The engine packages that do not load at their pinned version, in words (empty when all do). */
export function engineProblems() {
	return ENGINE_PACKAGES.flatMap((name) => {
		const script = `const p = require(${JSON.stringify(join(engineDir, 'node_modules', name, 'package.json'))});` +
			`require(${JSON.stringify(join(engineDir, 'node_modules', name))});` +
			`if (p.version !== ${JSON.stringify(N8N_1X[name])}) throw new Error('version ' + p.version);`;
		const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
		if (result.status === 0) return [];
		const why = `${result.stderr}`.split('\n').find((line) => /Error/.test(line)) ?? `exit ${result.status ?? result.signal}`;
		return [`${name}@${N8N_1X[name]}: ${why.trim()}`];
	});
}

export function ensureEngine1x() {
	if (engineProblems().length === 0) return;
	const started = Date.now();
	say(`installing n8n-core ${N8N_1X['n8n-core']} and n8n-workflow ${N8N_1X['n8n-workflow']} (n8n ${N8N_1X.n8n}) into ${engineDir} (≈ 30 s, ≈ 250 MB)`);
	mkdirSync(engineDir, { recursive: true });
	if (!existsSync(join(engineDir, 'package.json'))) writeFileSync(join(engineDir, 'package.json'), '{"private":true}\n');
	const specs = ENGINE_PACKAGES.map((name) => `${name}@${N8N_1X[name]}`);
	const result = spawnSync('npm', ['install', '--ignore-scripts', ...specs], { cwd: engineDir, stdio: 'inherit', env: installEnv() });
	const problems = engineProblems();
	if (result.status !== 0 || problems.length > 0) {
		throw new Error(`[n8n-engine-1.x] the install into ${engineDir} failed (npm exit ${result.status}; ${problems.join('; ') || 'no load problem'}). ` +
			'Delete that folder and run the command again.');
	}
	say(`ready and checked (${Math.round((Date.now() - started) / 1000)} s)`);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureEngine1x();
