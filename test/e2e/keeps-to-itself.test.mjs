// `npm test` keeps to itself: with HOME pointing at an empty folder, n8n's engine (jest) and a
// real n8n leave that folder empty (every n8n gets a user folder of its own); and a SIGTERM to
// scripts/test.mjs, as `timeout` or a script sends it, stops the n8n and everything else the
// tests had started. Waits for state (a process appears, processes are gone), never for time.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { createRequire } from 'node:module';

import { packageRoot } from '../../scripts/lib/n8n-server.mjs';
import { descendantsOf } from '../../scripts/lib/process-tree.mjs';

const require = createRequire(import.meta.url);
const { CACHE_ROOT } = require('../../scripts/lib/settings.cjs');

let home;
let scratch;
let env;

before(() => {
	home = mkdtempSync(join(tmpdir(), 'wonotify-empty-home-'));
	scratch = mkdtempSync(join(tmpdir(), 'wonotify-scratch-'));
	// The caches stay where they are (WONOTIFY_CACHE_DIR); npm's own cache (~/.npm, written by
	// the npm pack and npm install that install the package into n8n) goes to the temp folder.
	// NODE_TEST_CONTEXT would make the inner node --test skip its files (it thinks it is nested).
	const { N8N_USER_FOLDER, NODE_TEST_CONTEXT, ...inherited } = process.env;
	env = { ...inherited, HOME: home, WONOTIFY_CACHE_DIR: CACHE_ROOT, npm_config_cache: join(scratch, 'npm-cache') };
});
after(() => {
	rmSync(home, { recursive: true, force: true });
	rmSync(scratch, { recursive: true, force: true });
});

const commandOf = (pid) => spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();

it("n8n's engine in the integration tests writes nothing into HOME", () => {
	const jest = join(packageRoot, 'node_modules', '.bin', 'jest');
	const run = spawnSync(jest, ['--selectProjects', 'integration', 'test/integration/send-and-wait-answers.test.ts'], {
		cwd: packageRoot,
		env,
		encoding: 'utf8',
		timeout: 300_000,
	});
	assert.equal(run.status, 0, run.stderr.slice(-3000));
	assert.deepEqual(readdirSync(home), []);
});

it('a SIGTERM to npm test stops the real n8n it started, and HOME stays empty', async () => {
	const test = spawn('node', ['scripts/test.mjs', '--e2e', 'test/e2e/real-n8n.test.mjs'], { cwd: packageRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	test.stdout.on('data', (chunk) => (output += chunk));
	test.stderr.on('data', (chunk) => (output += chunk));
	const exited = new Promise((resolve) => test.once('close', (code, signal) => resolve({ code, signal })));

	// Until n8n runs (bounded: 300 s at 0.5 s steps), then what runs below npm test.
	let started = [];
	for (let tries = 0; tries < 600 && !started.some((pid) => /\bn8n\b.*\bstart\b|bin\/n8n/.test(commandOf(pid))); tries++) {
		assert.equal(test.exitCode, null, `scripts/test.mjs ended before n8n started:\n${output.slice(-3000)}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
		started = descendantsOf(test.pid);
	}
	const n8n = started.filter((pid) => /n8n/.test(commandOf(pid)));
	assert.ok(n8n.length > 0, `no n8n process appeared:\n${output.slice(-3000)}`);

	test.kill('SIGTERM');
	const { code } = await exited;
	assert.equal(code, 128 + 15, output.slice(-3000));
	// Every process npm test had started is gone (they had until scripts/test.mjs exited).
	const alive = started.filter((pid) => spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim().replace(/^Z.*/, '') !== '');
	assert.deepEqual(alive.map((pid) => `${pid} ${commandOf(pid)}`), []);
	assert.deepEqual(readdirSync(home), []);
});
