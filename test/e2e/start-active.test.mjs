// `npm start -- --active ai-assistant` makes the AI assistant the workflow that holds the
// simulator instance's webhook (an instance has one), and a plain `npm start` on the same
// folder switches back to the auto-reply. Runs scripts/start.mjs as npm does, on free ports
// and a fresh folder, so it never touches a developer's `npm start`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { freePort, packageRoot } from '../../scripts/lib/n8n-server.mjs';

const CUSTOMER = '919812345678';
const READY = 'with n8n-nodes-wonotify is ready';
let devDir;
let env;
let simUrl;

before(async () => {
	devDir = mkdtempSync(join(tmpdir(), 'wonotify-start-active-'));
	const [n8nPort, brokerPort, simPort, modelPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
	simUrl = `http://127.0.0.1:${simPort}`;
	env = {
		...process.env,
		WONOTIFY_DEV_DIR: devDir,
		WONOTIFY_N8N_PORT: String(n8nPort),
		WONOTIFY_N8N_BROKER_PORT: String(brokerPort),
		WONOTIFY_SIM_PORT: String(simPort),
		WONOTIFY_MODEL_PORT: String(modelPort),
	};
});
after(() => {
	if (devDir) rmSync(devDir, { recursive: true, force: true });
});

/** Runs start.mjs until its banner, calls `use`, then stops it with SIGTERM; returns its output. */
async function whileStarted(args, use) {
	const child = spawn(process.execPath, ['scripts/start.mjs', ...args], { cwd: packageRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	try {
		const deadline = Date.now() + 240_000;
		while (!output.includes(READY)) {
			if (child.exitCode !== null || Date.now() > deadline) assert.fail(`start.mjs was not ready:\n${output}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		await use(output);
	} finally {
		child.kill('SIGTERM');
		await exited;
	}
	return output;
}

async function simulator(method, path, body) {
	const response = await fetch(`${simUrl}${path}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(10_000),
	});
	assert.equal(response.status, 200, `${method} ${path}`);
	return await response.json();
}

/** Sends an incoming text and waits (bounded) for `count` messages sent back to the customer. */
async function converse(text, count) {
	await simulator('POST', '/__sim/incoming', { from: CUSTOMER, text });
	const deadline = Date.now() + 30_000;
	for (;;) {
		const sent = (await simulator('GET', '/__sim/state')).lastMessagesSent.filter((message) => message.to.startsWith(CUSTOMER));
		if (sent.length >= count) return sent;
		if (Date.now() > deadline) assert.fail(`${sent.length} of ${count} messages came back: ${JSON.stringify(sent)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

describe('npm start --active', () => {
	it('makes the AI assistant the active example: a menu request is answered through the Wonotify tool', async () => {
		await whileStarted(['--active', 'ai-assistant'], async (banner) => {
			assert.match(banner, /Wonotify: AI assistant on WhatsApp \(active\)/);
			assert.doesNotMatch(banner, /auto-reply to WhatsApp messages \(active\)/);
			// The scripted model sends the menu with the tool, then says so in its answer.
			const sent = await converse('Please send me the menu', 2);
			assert.equal(sent.length, 2, JSON.stringify(sent));
			assert.match(JSON.stringify(sent), /menu/i);
		});
	});

	it('a plain start on the same folder switches back to the auto-reply', async () => {
		const output = await whileStarted([], async () => {
			const sent = await converse('Hi', 1);
			assert.match(JSON.stringify(sent.at(-1)), /You wrote: Hi/);
		});
		assert.match(output, /deactivated "Wonotify: AI assistant on WhatsApp"/);
		assert.match(output, /auto-reply to WhatsApp messages \(active\)/);
	});

	it('refuses an example that is not there, before it installs or starts anything', async () => {
		const child = spawn(process.execPath, ['scripts/start.mjs', '--active', 'no-such-example'], { cwd: packageRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stderr.on('data', (chunk) => (output += chunk));
		const code = await new Promise((resolve) => child.once('exit', resolve));
		assert.equal(code, 1);
		// Every example with a Wonotify Trigger is a choice, read from the folder so a new example needs no edit here.
		const choices = readdirSync(join(packageRoot, 'examples'))
			.filter((file) => file.endsWith('.json'))
			.filter((file) => JSON.parse(readFileSync(join(packageRoot, 'examples', file), 'utf8')).nodes.some((node) => /wonotifyTrigger$/.test(node.type)))
			.map((file) => file.replace(/\.json$/, ''))
			.sort();
		assert.ok(choices.includes('auto-reply') && choices.includes('ai-assistant'), `examples with a trigger: ${choices.join(', ')}`);
		assert.ok(output.includes(`--active takes one of: ${choices.join(', ')} (got no-such-example)`), output);
	});
});
