#!/usr/bin/env node
// `npm start`: try the Wonotify nodes in a real n8n without a Wonotify account.
// Builds the package, starts the Wonotify simulator and the pinned n8n (installed on first
// use) with this package installed as a community node, signs in (creating the owner the
// first time), points a "Wonotify API" credential at the simulator and imports the example
// workflows (the auto-reply one active; `npm start -- --active ai-assistant` makes another
// example the active one). State lives in ~/.cache/n8n-nodes-wonotify/dev/ (delete
// it to start over): outside the repository, because n8n copies its editor's assets (≈ 700
// JavaScript files) into its user folder, which `n8n-node lint` would then lint too.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureN8n, N8N_VERSION } from './lib/n8n-install.mjs';
import { N8nClient } from './lib/n8n-rest.mjs';
import { startModelServer } from './lib/model-server.mjs';
import {
	installPackage,
	isPortFree,
	packageRoot,
	startN8n,
	withCredentialOfType,
	withSimulatorMediaHost,
	withWonotifyCredential,
} from './lib/n8n-server.mjs';

const require = createRequire(import.meta.url);
const { startSimulator, SEEDED_INSTANCE, SEEDED_TOKEN } = require('./lib/simulator/index.js');
const { CACHE_ROOT, DEFAULT_PORTS, SettingError, portFromEnv, simulatorPort } = require('./lib/settings.cjs');

const DEFAULT_SIM_PORT = DEFAULT_PORTS.simulator;
const CREDENTIAL_NAME = 'Wonotify (simulator)';
const CREDENTIAL_TYPE = 'wonotifyApi';
const OPENAI_CREDENTIAL_NAME = 'OpenAI (local model server)';
const AUTO_REPLY_FILE = 'auto-reply.json';
const TRIGGER_TYPE = 'n8n-nodes-wonotify.wonotifyTrigger';

class StartError extends Error {}

const n8nPort = portFromEnv('WONOTIFY_N8N_PORT', DEFAULT_PORTS.n8n);
const simPort = simulatorPort();
const modelPort = portFromEnv('WONOTIFY_MODEL_PORT', DEFAULT_PORTS.modelServer);
// n8n's task-runner broker needs a port of its own (n8n's default, 5679, next to 5678).
const brokerPort = portFromEnv('WONOTIFY_N8N_BROKER_PORT', n8nPort + 1 === simPort ? n8nPort + 2 : n8nPort + 1);
const devDir = process.env.WONOTIFY_DEV_DIR || join(CACHE_ROOT, 'dev');
const logFile = join(devDir, 'n8n.log');
const login = {
	email: process.env.WONOTIFY_N8N_EMAIL ?? 'dev@wonotify.test',
	password: process.env.WONOTIFY_N8N_PASSWORD ?? 'Wonotify-dev-1',
	firstName: 'Local',
	lastName: 'Developer',
};

// `npm start` notes when it began (package.json), before ensure-dependencies' `npm ci`: the
// banner's time is what the user waited. Run directly, this script's own start counts.
const npmStartedAt = Number(process.env.WONOTIFY_NPM_START_SECONDS) * 1000;
const startedAt = npmStartedAt > 0 && npmStartedAt <= Date.now() ? npmStartedAt : Date.now();
const since = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
const say = (line) => console.log(`[start] ${line}`);

let sim;
let model;
let n8n;
let showSimulatorLog = false;
let shuttingDown = false;

async function shutdown(reason, exitCode = 0) {
	if (shuttingDown) return;
	shuttingDown = true;
	showSimulatorLog = false;
	if (reason) console.log(`\n[start] ${reason}: stopping n8n and the simulator…`);
	const t = Date.now();
	await n8n?.stop();
	await sim?.close();
	await model?.close();
	if (reason) say(`stopped in ${since(t)}. Your workflows and login are kept in ${devDir}.`);
	process.exit(exitCode);
}

function onSignal(signal) {
	if (shuttingDown) {
		// A second Ctrl-C: do not wait for n8n's graceful shutdown.
		console.log('[start] forcing n8n to stop');
		try {
			if (n8n) process.kill(-n8n.pid, 'SIGKILL');
		} catch {
			// gone already
		}
		process.exit(1);
	}
	void shutdown(signal, 0);
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

function build() {
	const t = Date.now();
	say('building the package (n8n-node build)…');
	const result = spawnSync(join(packageRoot, 'node_modules', '.bin', 'n8n-node'), ['build'], {
		cwd: packageRoot,
		encoding: 'utf8',
	});
	if (result.error?.code === 'ENOENT') throw new StartError('n8n-node is missing: run `npm ci` first.');
	if (result.status !== 0) {
		console.error(result.stdout, result.stderr);
		throw new StartError('the build failed (see above).');
	}
	say(`built in ${since(t)}`);
}

async function checkPorts() {
	const wanted = [
		[n8nPort, 'n8n', 'WONOTIFY_N8N_PORT'],
		[brokerPort, "n8n's task-runner broker", 'WONOTIFY_N8N_BROKER_PORT'],
		[simPort, 'the Wonotify simulator', 'WONOTIFY_SIM_PORT'],
		[modelPort, 'the local model server', 'WONOTIFY_MODEL_PORT'],
	];
	const distinct = new Set(wanted.map(([port]) => port));
	if (distinct.size !== wanted.length) {
		throw new StartError(`n8n, its broker, the simulator and the model server need four different ports, got ${wanted.map(([p]) => p).join(', ')}`);
	}
	for (const [port, what, variable] of wanted) {
		if (!(await isPortFree(port))) {
			throw new StartError(
				`port ${port} (for ${what}) is in use on 127.0.0.1. Is \`npm start\` (or another n8n / simulator) already running? ` +
					`Stop it, or pick another port, e.g. ${variable}=${port + 10} npm start`,
			);
		}
	}
}

function examples() {
	const dir = join(packageRoot, 'examples');
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(dir, file), 'utf8')) }));
}

/**
 * A credential the examples name, created or pointed again at `target` (rewritten every time:
 * the simulator's or the model server's port may have changed since the last run).
 */
async function ensureCredential(client, { name, type, data, target }) {
	const existing = (await client.listCredentials()).find((c) => c.name === name && c.type === type);
	if (existing) {
		await client.updateCredential(existing.id, { name, type, data });
		say(`credential "${name}" is there (id ${existing.id}), pointed at ${target}`);
		return existing;
	}
	const created = await client.createCredential({ name, type, data });
	say(`created the credential "${name}" (id ${created.id}) → ${target}`);
	return created;
}

/** The examples with a Wonotify Trigger: one of them at a time can hold the simulator instance's webhook. */
function triggerExamples() {
	return examples().filter(({ workflow }) => workflow.nodes.some((node) => node.type === TRIGGER_TYPE));
}

/** `--active <example>` (the file name without .json); the auto-reply example by default. */
function activeExampleFile(args) {
	const index = args.indexOf('--active');
	if (index === -1) return AUTO_REPLY_FILE;
	const choices = triggerExamples().map(({ file }) => file.replace(/\.json$/, ''));
	const chosen = args[index + 1];
	if (!choices.includes(chosen)) throw new StartError(`--active takes one of: ${choices.join(', ')} (got ${chosen ?? 'nothing'})`);
	return `${chosen}.json`;
}

/**
 * Imports the examples that are not there yet (by name) and makes `activeFile` the active
 * one. The others with a trigger are deactivated first: deactivating a trigger turns the
 * instance's webhook off, which must not happen after the chosen one registered it.
 */
async function ensureWorkflows(client, credential, openAiCredential, activeFile) {
	const present = (await client.listWorkflows()).filter((w) => !w.isArchived);
	const triggered = new Set(triggerExamples().map(({ file }) => file));
	const result = [];
	for (const { file, workflow } of examples()) {
		let found = present.find((w) => w.name === workflow.name);
		if (found) {
			say(`workflow "${workflow.name}" is there (id ${found.id})`);
		} else {
			const prepared = withCredentialOfType(withWonotifyCredential(workflow, credential), 'openAiApi', openAiCredential);
			found = await client.createWorkflow(withSimulatorMediaHost(prepared, sim.url));
			say(`imported examples/${file} as "${workflow.name}" (id ${found.id})`);
		}
		if (found.active && triggered.has(file) && file !== activeFile) {
			await client.deactivate(found.id);
			found = { ...found, active: false };
			say(`deactivated "${workflow.name}": one trigger per instance, and --active chose another example`);
		}
		result.push({ file, id: found.id, name: workflow.name, active: found.active });
	}
	const chosen = result.find((w) => w.file === activeFile);
	Object.assign(chosen, { active: (await ensureActive(client, chosen)).active });
	return result;
}

/** Whether the simulator's instance posts its events to this n8n. */
function simulatorPostsHere() {
	const instance = sim.getInstance(SEEDED_INSTANCE.id);
	return Boolean(instance?.webhookEnabled && instance.webhookUrl?.startsWith(n8n.webhookUrl));
}

async function waitFor(condition, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (condition()) return true;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return condition();
}

/**
 * The simulator forgets its webhooks when it stops, and n8n 2.41 does not call a webhook
 * trigger's create again when it restarts (the webhook stays in its database): after a
 * restart, the workflow is deactivated and activated again so that the trigger registers
 * with this simulator.
 */
async function ensureActive(client, workflow) {
	if (workflow.active && simulatorPostsHere()) {
		say(`"${workflow.name}" is active; the simulator posts incoming messages to n8n`);
		return workflow;
	}
	const t = Date.now();
	if (workflow.active) await client.deactivate(workflow.id);
	// Resolves once the trigger has registered its webhook, or throws with the trigger's error.
	const activated = await client.activate(workflow.id);
	if (!(await waitFor(simulatorPostsHere, 5_000))) {
		throw new StartError(`"${workflow.name}" is active but did not register its webhook with the simulator. See ${logFile}.`);
	}
	say(`activated "${workflow.name}" in ${since(t)}; the simulator posts incoming messages to n8n`);
	return activated;
}

async function checkNodesLoaded(client) {
	const wanted = ['n8n-nodes-wonotify.wonotify', 'n8n-nodes-wonotify.wonotifyTrigger'];
	const names = new Set(await client.nodeTypeNames());
	const missing = wanted.filter((name) => !names.has(name));
	if (missing.length > 0) {
		const tail = n8n.logText().split('\n').filter((line) => /wonotify|\.n8n\/nodes|custom nodes|community package/i.test(line)).slice(-20).join('\n');
		throw new StartError(`n8n did not load ${missing.join(', ')} from ${devDir}/.n8n/nodes. Its log says:\n${tail}`);
	}
}

function banner(workflows) {
	const url = n8n.url;
	const portFlag = simPort === DEFAULT_SIM_PORT ? '' : ` --port ${simPort}`;
	const active = workflows.find((w) => w.active);
	const others = workflows.filter((w) => w !== active);
	const aiAssistant = workflows.find((w) => w.file === 'ai-assistant.json');
	const approval = workflows.find((w) => w.file === 'approval-over-whatsapp.json');
	const sendMessage = workflows.find((w) => w.file === 'send-message.json');
	console.log(`
────────────────────────────────────────────────────────────────────────────
 n8n ${N8N_VERSION} with n8n-nodes-wonotify is ready (${since(startedAt)})

   Editor     ${url}
   Email      ${login.email}
   Password   ${login.password}

 Wonotify simulator (stands in for the Wonotify gateway, nothing reaches WhatsApp):
   ${sim.baseUrl}   token ${SEEDED_TOKEN}, instance ${SEEDED_INSTANCE.id}
   n8n credential "${CREDENTIAL_NAME}" points at it.

 Workflows:
${active ? `   ${url}/workflow/${active.id}   ${active.name} (active)\n` : ''}${others.map((w) => `   ${url}/workflow/${w.id}   ${w.name}`).join('\n')}
${sendMessage ? `\n Send a WhatsApp message from a workflow: open "${sendMessage.name}" (examples/send-message.json)\n and click Execute workflow; npm run simulator -- state${portFlag} shows it arrived.\n` : ''}
 Send a fake incoming WhatsApp message to the active trigger (another terminal):
   npm run simulator -- incoming --from 919812345678 --text "Hi"${portFlag}
 then see the run under Executions in the editor, and the reply with:
   npm run simulator -- state${portFlag}

 AI assistant example${aiAssistant?.active ? ' (active)' : ': npm start -- --active ai-assistant (one trigger per instance)'};
 it talks to ${model.baseUrl} (scripted answers: ask for "the menu" to see it use the
 Wonotify tool; --media voice or image work too).

 Approval example${approval?.active ? ' (active)' : ': npm start -- --active approval-over-whatsapp'}: a message goes to the
 owner with buttons; answer it with
   npm run simulator -- tap --from 919800000001 --button Approve${portFlag}

 n8n's log: ${logFile}
 Start over: stop, delete ${devDir}, npm start.   Stop: Ctrl+C
────────────────────────────────────────────────────────────────────────────
`);
}

async function main() {
	const activeFile = activeExampleFile(process.argv.slice(2));
	say(`n8n-nodes-wonotify: local n8n ${N8N_VERSION} + Wonotify simulator (state in ${devDir})`);
	await checkPorts();
	build();
	await ensureN8n();
	mkdirSync(devDir, { recursive: true });

	const installed = installPackage(devDir);
	say(`installed ${installed.tarball} into ${devDir}/.n8n/nodes (npm pack + npm install, ${installed.seconds.toFixed(1)} s)`);

	sim = await startSimulator({
		port: simPort,
		log: (line) => {
			if (showSimulatorLog) console.log(`[simulator] ${line}`);
		},
	});
	say(`Wonotify simulator on ${sim.baseUrl}`);
	model = await startModelServer({ port: modelPort });
	say(`local OpenAI-compatible model server (scripted, for the AI assistant example) on ${model.baseUrl}`);

	const t = Date.now();
	say(`starting n8n on http://127.0.0.1:${n8nPort} (log: ${logFile})…`);
	n8n = await startN8n({ userFolder: devDir, port: n8nPort, brokerPort, logFile });
	say(`n8n is up in ${since(t)}`);
	void n8n.exited.then((code) => {
		if (shuttingDown) return;
		console.error(`\n[start] n8n stopped on its own (exit ${code}). Last lines of its log:\n${n8n.logText().split('\n').slice(-30).join('\n')}`);
		void shutdown(undefined, 1);
	});

	const client = new N8nClient(n8n.url);
	const { created } = await client.setupOrLogin(login).catch((error) => {
		if (error.status === 401) {
			throw new StartError(
				`n8n refused the login ${login.email} (${error.message}). ${devDir} has an owner with another password: ` +
					'set WONOTIFY_N8N_EMAIL / WONOTIFY_N8N_PASSWORD, or delete the folder to start over.',
			);
		}
		throw error;
	});
	say(created ? `created the owner account ${login.email}` : `signed in as ${login.email}`);
	await checkNodesLoaded(client);
	const credential = await ensureCredential(client, {
		name: CREDENTIAL_NAME,
		type: CREDENTIAL_TYPE,
		data: { accessToken: SEEDED_TOKEN, baseUrl: sim.baseUrl, instanceId: SEEDED_INSTANCE.id },
		target: sim.baseUrl,
	});
	const openAiCredential = await ensureCredential(client, {
		name: OPENAI_CREDENTIAL_NAME,
		type: 'openAiApi',
		data: { apiKey: 'local-model-server', url: model.baseUrl },
		target: model.baseUrl,
	});
	const workflows = await ensureWorkflows(client, credential, openAiCredential, activeFile);

	banner(workflows);
	showSimulatorLog = true;
}

main().catch(async (error) => {
	console.error(`\n[start] ✗ ${error instanceof StartError || error instanceof SettingError ? error.message : (error.stack ?? error)}`);
	await shutdown(undefined, 1);
});
