// `npm test`: the whole suite, in the order a failure is cheapest to find.
//   build → lint → package checks → unit + integration (n8n's engine + simulator)
//   → end-to-end (a real n8n 2.x with the package installed, the editor in Chromium, and a
//   smoke run on the last n8n 1.x) → the README's table of tested versions matches the run.
// `npm test -- --no-e2e` stops before the real n8n (quick loop while coding).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { ensureEngine1x } from './lib/n8n-engine-1x-install.mjs';
import { N8N_1X_RELEASE, N8N_2X } from './lib/n8n-install.mjs';
import { stopTree } from './lib/process-tree.mjs';
import { missingSystemTools } from './lib/system-tools.mjs';

const skipEndToEnd = process.argv.includes('--no-e2e');
// `--e2e <files>`: only those end-to-end files (what test/e2e/stop-on-signal.test.mjs stops).
const onlyEndToEnd = process.argv.includes('--e2e') ? process.argv.slice(process.argv.indexOf('--e2e') + 1) : undefined;
const root = new URL('..', import.meta.url).pathname;

// Ctrl-C, or a SIGTERM from a script or `timeout`: everything the running step started
// (n8n, the simulator, Redis, Chromium) stops too, then this exits as the signal asks.
let stopping = false;
for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15]]) {
	process.on(signal, async () => {
		if (stopping) return;
		stopping = true;
		console.error(`\n=== [test] ${signal}: stopping everything the tests started …`);
		await stopTree(process.pid);
		process.exit(128 + number);
	});
}

async function step(label, command, args) {
	const started = Date.now();
	console.log(`\n=== [test] ${label}`);
	const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
	const status = await new Promise((resolve) => {
		child.once('error', () => resolve(1));
		child.once('close', (code) => resolve(code ?? 1));
	});
	if (stopping) return new Promise(() => {}); // the signal handler exits
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (status !== 0) {
		console.error(`=== [test] ✗ ${label} failed after ${seconds} s`);
		process.exit(status);
	}
	console.log(`=== [test] ✓ ${label} (${seconds} s)`);
}

if (!skipEndToEnd) {
	const missing = missingSystemTools();
	if (missing.length > 0) {
		console.error(`[test] the end-to-end tests need programs that are not here:\n  ${missing.join('\n  ')}\n` +
			'(Debian/Ubuntu: apt-get install chromium redis-server.) Or run `npm test -- --no-e2e` for everything else.');
		process.exit(1);
	}
}

const bin = (name) => `${root}node_modules/.bin/${name}`;

if (onlyEndToEnd === undefined) {
	await step('build', bin('n8n-node'), ['build']);
	await step('lint (n8n community rules)', bin('n8n-node'), ['lint']);
	await step('package: contents, dependencies, n8n scanner', 'node', ['scripts/check-package.mjs']);
	await step('GitHub workflows: schema, publishing with provenance', 'node', ['scripts/check-workflows.mjs']);
	await step('release fields: repository, homepage, bugs, changelog', 'node', ['scripts/check-release-fields.mjs']);
	// ts-jest compiles each test file alone (fast) without type-checking: the compiler does it here.
	await step('type-check the tests', bin('tsc'), ['--noEmit', '-p', 'tsconfig.test.json']);
	// The integration tests run twice: on n8n 2.x's engine and on the last n8n 1.x's (jest.config.js).
	ensureEngine1x();
	await step('unit + integration tests (n8n 2.x and 1.x engines)', bin('jest'), ['--selectProjects', 'unit', 'integration', 'integration-n8n-1.x']);
}
if (!skipEndToEnd) {
	// `--e2e <files>` installs only the n8n those files run on.
	const releases = onlyEndToEnd === undefined || onlyEndToEnd.some((file) => file.includes('n8n-1x')) ? [N8N_2X, N8N_1X_RELEASE] : [N8N_2X];
	for (const release of releases) {
		try {
			await release.ensureN8n();
		} catch (error) {
			console.error(error.message);
			process.exit(1);
		}
	}
	mkdirSync(`${root}test-results`, { recursive: true });
	// node:test, not jest: the end-to-end code shares its ES modules with `npm start`. The second
	// reporter notes which suites passed on which n8n, for the README's table.
	await step('end-to-end tests in a real n8n (2.x, and the 1.x smoke run)', 'node', [
		'--test',
		'--test-concurrency=1',
		'--test-reporter=spec',
		'--test-reporter-destination=stdout',
		// A part run (`--e2e`, as keeps-to-itself.test.mjs does inside the whole run) leaves the table's record alone.
		...(onlyEndToEnd === undefined ? ['--test-reporter=./test/e2e/versions-reporter.mjs', '--test-reporter-destination=test-results/tested-versions.json'] : []),
		...(onlyEndToEnd ?? ['test/e2e/']),
	]);
	if (onlyEndToEnd === undefined) await step("README's table of tested versions matches this run", 'node', ['scripts/tested-versions.mjs']);
}
console.log('\n=== [test] ✓ all passed');
