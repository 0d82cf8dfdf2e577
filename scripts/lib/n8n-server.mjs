// Runs a real n8n (a pinned release n8n-install.mjs caches: 2.x unless told otherwise) with this
// package installed the way users install a community node by hand: `npm pack`, then `npm install <tarball>` in
// `<user folder>/.n8n/nodes`. `npm start`, the end-to-end tests and the benchmarks share it.
import { execFileSync, spawn } from 'node:child_process';
import {
	appendFileSync,
	closeSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	readSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { N8N_2X } from './n8n-install.mjs';

export const packageRoot = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const PACKAGE_NAME = 'n8n-nodes-wonotify';
/**
 * A workflow JSON whose nodes of this package use the given Wonotify API credential (the
 * examples name theirs; the ones built in tests have none yet).
 */
export function withWonotifyCredential(workflow, credential) {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type.startsWith(`${PACKAGE_NAME}.`)
				? { ...node, credentials: { ...node.credentials, wonotifyApi: { id: credential.id, name: credential.name } } }
				: node,
		),
	};
}

/** A workflow JSON whose nodes that name a credential of `type` use the given one (e.g. openAiApi). */
export function withCredentialOfType(workflow, type, credential) {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.credentials?.[type] ? { ...node, credentials: { ...node.credentials, [type]: { id: credential.id, name: credential.name } } } : node,
		),
	};
}

/**
 * A workflow JSON whose Wonotify nodes allow media downloads from the simulator at `simulatorUrl`
 * (the examples name the default port, 127.0.0.1:5680; the simulator serves its media itself).
 */
export function withSimulatorMediaHost(workflow, simulatorUrl) {
	const host = new URL(simulatorUrl).host;
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type.startsWith(`${PACKAGE_NAME}.`) && node.parameters?.options?.allowedMediaHosts !== undefined
				? { ...node, parameters: { ...node.parameters, options: { ...node.parameters.options, allowedMediaHosts: host } } }
				: node,
		),
	};
}

/** Fixed, so that a user folder (and the credentials encrypted in it) can be reused by any run. */
export const ENCRYPTION_KEY = 'wonotify-local-dev-encryption-key';
const HOST = '127.0.0.1';
const LOG_LINES_KEPT = 2000;

/**
 * Installs the package into `<userFolder>/.n8n/nodes` from a fresh `npm pack` of
 * `packageDir` (build it first), and the packages of the `alongside` folders with it. The
 * previous copies are removed first, so code changes always show up. One `npm install` for
 * all: with `--no-save`, npm removes every package it is not given. Peer dependencies are
 * left out (`--legacy-peer-deps`), as n8n's own installer does: otherwise npm puts a second
 * n8n-workflow (≈ 160 packages) next to the package.
 * @returns {{ tarball: string, installedDir: string, seconds: number }} of `packageDir`'s package
 */
export function installPackage(userFolder, { packageDir = packageRoot, alongside = [], quiet = true } = {}) {
	const started = Date.now();
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	const manifest = join(nodesDir, 'package.json');
	if (!existsSync(manifest)) {
		writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2) + '\n');
	}
	const packDir = mkdtempSync(join(tmpdir(), 'wonotify-pack-'));
	try {
		const packed = [packageDir, ...alongside].map((dir) => packFolder(dir, packDir, nodesDir));
		execFileSync(
			'npm',
			[
				'install',
				...packed.map(({ tarball }) => tarball),
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
				'--legacy-peer-deps',
				// The tarballs live in a temp folder: keep their paths out of package.json and the lock.
				'--no-save',
				'--package-lock=false',
			],
			{ cwd: nodesDir, encoding: 'utf8', stdio: ['ignore', quiet ? 'pipe' : 'inherit', 'pipe'] },
		);
		for (const { installedDir } of packed) {
			if (!existsSync(join(installedDir, 'package.json'))) throw new Error(`npm install did not create ${installedDir}`);
		}
		const [main] = packed;
		return { tarball: basename(main.tarball), installedDir: main.installedDir, seconds: (Date.now() - started) / 1000 };
	} catch (error) {
		const details = [error.stderr, error.stdout].filter(Boolean).join('\n').trim();
		throw new Error(`Installing the package into ${nodesDir} failed: ${error.message}${details ? `\n${details}` : ''}`);
	} finally {
		rmSync(packDir, { recursive: true, force: true });
	}
}

/** `npm pack` of `dir` into `packDir`, checked to hold the files its n8n section declares; removes the installed copy. */
function packFolder(dir, packDir, nodesDir) {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
	);
	const manifestOfPackage = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
	const declared = [...(manifestOfPackage.n8n?.nodes ?? []), ...(manifestOfPackage.n8n?.credentials ?? [])];
	const missing = declared.filter((file) => !packed.files.some((entry) => entry.path === file));
	if (missing.length > 0) throw new Error(`the tarball of ${dir} lacks ${missing.join(', ')}: build the package first (npm run build)`);
	const installedDir = join(nodesDir, 'node_modules', packed.name);
	rmSync(installedDir, { recursive: true, force: true });
	return { tarball: join(packDir, packed.filename), installedDir };
}

export function isPortFree(port) {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, HOST, () => server.close(() => resolve(true)));
	});
}

/** A free TCP port on 127.0.0.1 (for tests that run several n8n processes). */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, HOST, () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

// n8n settings from the caller's shell (a DB_TYPE=postgresdb, an N8N_PORT…) would make the
// run depend on the machine: only what is set here, plus options.env, reaches n8n.
const INHERITED_N8N_SETTINGS = /^(N8N_|DB_|WEBHOOK_URL$|EXECUTIONS_|QUEUE_|GENERIC_TIMEZONE$)/;

/** The environment n8n runs with: local only, quiet, nothing phoning home. */
export function n8nEnv({ userFolder, port, brokerPort, webhookUrl, env = {}, release = N8N_2X }) {
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !INHERITED_N8N_SETTINGS.test(name)));
	return {
		...release.nodeEnv(inherited),
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: HOST,
		N8N_HOST: HOST,
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://${HOST}:${port}/`,
		// WEBHOOK_URL works too, but 2.41 logs it as deprecated.
		N8N_WEBHOOK_URL: webhookUrl,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: HOST,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		...env,
	};
}

/** What each n8n command prints once it is ready (queue mode runs `worker` and `webhook` too). */
const READY_LINES = {
	start: 'Editor is now accessible via',
	worker: 'n8n worker is now ready',
	webhook: 'Webhook listener waiting for requests.',
};

/**
 * Starts `n8n <command>` (default `start`) and resolves once it is ready: for `start`, once its
 * REST API answers and its start-up is over; for `worker` and `webhook` (queue mode), once it
 * says so in its log.
 * Workflows that were active are re-activated in the background right after: poll for them.
 * Rejects (after stopping the process) when n8n exits early or is not up within `timeoutMs`,
 * with the tail of n8n's log in the message.
 * @param {object} options
 * @param {string} options.userFolder N8N_USER_FOLDER: n8n keeps everything in `<it>/.n8n`
 * @param {number} options.port editor / REST / webhook port
 * @param {number} options.brokerPort N8N_RUNNERS_BROKER_PORT: distinct for every n8n process
 * @param {string} [options.webhookUrl] defaults to `http://127.0.0.1:<port>/`
 * @param {Record<string, string>} [options.env] extra environment (wins over the defaults)
 * @param {string} [options.logFile] where n8n's output is appended (default `<userFolder>/n8n.log`)
 * @param {(line: string) => void} [options.onLine] every line n8n prints
 * @param {number} [options.timeoutMs] default 120 s
 * @param {'start' | 'worker' | 'webhook'} [options.command] default `start`
 * @param {ReturnType<import('./n8n-install.mjs').n8nRelease>} [options.release] default n8n 2.x
 * @returns {Promise<{ url: string, webhookUrl: string, pid: number, logFile: string,
 *   process: import('node:child_process').ChildProcess, exited: Promise<number | null>,
 *   stop: () => Promise<void>, logText: () => string }>} logText: n8n's output since this start (the last 2000 lines)
 */
export async function startN8n({
	userFolder,
	port,
	brokerPort,
	webhookUrl = `http://${HOST}:${port}/`,
	env = {},
	logFile,
	onLine,
	timeoutMs = 120_000,
	command = 'start',
	release = N8N_2X,
}) {
	if (!userFolder || !port || !brokerPort) throw new TypeError('startN8n needs userFolder, port and brokerPort');
	const readyLine = READY_LINES[command];
	if (readyLine === undefined) throw new TypeError(`startN8n: unknown command ${command}`);
	if (port === brokerPort) throw new Error(`n8n's port and its task-runner broker port must differ (both ${port})`);
	for (const [what, p, variable] of [
		['n8n', port, 'WONOTIFY_N8N_PORT'],
		["n8n's task-runner broker", brokerPort, 'N8N_RUNNERS_BROKER_PORT'],
	]) {
		if (!(await isPortFree(p))) {
			throw new Error(`Port ${p} (for ${what}) is already in use on ${HOST}: is another n8n still running? Pick another port (${variable}).`);
		}
	}
	mkdirSync(userFolder, { recursive: true });
	const url = `http://${HOST}:${port}`;

	// n8n writes straight into the log file, not into pipes: an n8n whose parent died (a
	// killed test runner) then keeps working and still stops on SIGTERM, where one writing
	// into a broken pipe spins on EPIPE. The file is followed here for logText() and onLine.
	const logPath = logFile ?? join(userFolder, 'n8n.log');
	mkdirSync(dirname(logPath), { recursive: true });
	appendFileSync(logPath, `\n===== n8n ${command} ${new Date().toISOString()} (port ${port}) =====\n`);
	const logFd = openSync(logPath, 'a');
	let readFrom = statSync(logPath).size;

	const lines = [];
	let partial = '';
	// n8n mounts its API early (answering "n8n is starting up" until then), and prints this
	// line at the end of its start-up. Active workflows are re-published in the background
	// (n8n 2.41's publication queue), so their triggers may go live a moment later.
	let startupDone = false;
	const take = (text) => {
		const parts = (partial + text).split('\n');
		partial = parts.pop();
		for (const line of parts) {
			lines.push(line);
			if (lines.length > LOG_LINES_KEPT) lines.shift();
			if (line.trim().startsWith(readyLine)) startupDone = true;
			onLine?.(line);
		}
	};
	const follow = () => {
		const size = statSync(logPath).size;
		if (size <= readFrom) return;
		const buffer = Buffer.alloc(size - readFrom);
		const fd = openSync(logPath, 'r');
		try {
			readSync(fd, buffer, 0, buffer.length, readFrom);
		} finally {
			closeSync(fd);
		}
		readFrom = size;
		take(buffer.toString('utf8'));
	};
	const logText = () => {
		follow();
		return [...lines, partial].join('\n');
	};

	// Its own process group, so that stop() also ends the task runners n8n starts.
	const child = spawn(join(release.nodeBin, 'node'), [release.n8nBin, command], {
		cwd: userFolder,
		env: n8nEnv({ userFolder, port, brokerPort, webhookUrl, env, release }),
		stdio: ['ignore', logFd, logFd],
		detached: true,
	});
	closeSync(logFd);
	const follower = setInterval(follow, 100);
	follower.unref();
	let exitCode;
	const exited = new Promise((resolve) => {
		child.once('exit', (code, signal) => {
			exitCode = code ?? signal;
			resolve(code);
		});
		child.once('error', (error) => {
			appendFileSync(logPath, `spawn error: ${error.message}\n`);
			exitCode = 'spawn-error';
			resolve(null);
		});
	});
	const signalGroup = (signal) => {
		try {
			process.kill(-child.pid, signal);
		} catch {
			// already gone
		}
	};
	// Safety net: n8n runs in its own process group, so it would outlive a crash of this process.
	const killOnExit = () => signalGroup('SIGKILL');
	process.once('exit', killOnExit);
	void exited.then(() => {
		clearInterval(follower);
		follow();
		process.off('exit', killOnExit);
	});

	let stopping;
	const stop = () => {
		stopping ??= (async () => {
			if (exitCode === undefined) {
				signalGroup('SIGTERM');
				const timer = setTimeout(() => signalGroup('SIGKILL'), 15_000);
				await exited;
				clearTimeout(timer);
			}
			// Task runners left behind by a crash of the main process.
			signalGroup('SIGKILL');
		})();
		return stopping;
	};

	const deadline = Date.now() + timeoutMs;
	const tail = () => logText().split('\n').slice(-40).join('\n');
	while (true) {
		if (exitCode !== undefined) {
			await stop();
			throw new Error(`n8n exited (${exitCode}) before it was ready. Last lines of its log:\n${tail()}`);
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n was not ready within ${timeoutMs / 1000} s. Last lines of its log:\n${tail()}`);
		}
		follow();
		if (startupDone && (command !== 'start' || (await isReady(url)))) break;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return { url, webhookUrl, pid: child.pid, logFile: logPath, process: child, exited, stop, logText };
}

/**
 * /healthz answers as soon as the HTTP server listens, during the migrations too, and until
 * the API is mounted every other path answers 200 "n8n is starting up. Please wait" (text):
 * ready means /healthz/readiness is OK and /rest/settings answers JSON.
 */
async function isReady(url) {
	try {
		const health = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
		if (!health.ok) return false;
		const settings = await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(2000) });
		if (!settings.ok || !settings.headers.get('content-type')?.includes('application/json')) return false;
		return (await settings.json())?.data !== undefined;
	} catch {
		return false;
	}
}

/**
 * Runs a saved workflow once with `n8n execute --id <id> --rawOutput` in a separate process
 * (≈ 2.5 s), as n8n's CLI does: it starts from the workflow's Manual Trigger. Works while a
 * server uses the same user folder, given another broker port.
 * @returns {Promise<{ code: number | null, run: object | undefined, output: string }>} run: the
 *   printed run data (`data.resultData.runData[...]`), undefined when n8n printed no JSON
 */
export async function executeWorkflowCli({ userFolder, workflowId, brokerPort, env = {}, timeoutMs = 120_000, release = N8N_2X }) {
	if (!userFolder || !workflowId || !brokerPort) throw new TypeError('executeWorkflowCli needs userFolder, workflowId and brokerPort');
	const child = spawn(join(release.nodeBin, 'node'), [release.n8nBin, 'execute', '--id', workflowId, '--rawOutput'], {
		cwd: userFolder,
		// N8N_PORT is not used by `execute`, but must not clash with a running server's settings.
		env: n8nEnv({ userFolder, port: 0, brokerPort, webhookUrl: 'http://127.0.0.1/', env, release }),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
	const code = await new Promise((resolve) => child.once('close', resolve));
	clearTimeout(timer);
	// --rawOutput prints the run as pretty-printed JSON, from a line that is just "{" to the
	// last "}"; n8n's own messages (task broker, licence) come before it.
	let run;
	const start = output.startsWith('{\n') ? 0 : output.indexOf('\n{\n') + 1;
	if (start > 0 || output.startsWith('{\n')) {
		try {
			run = JSON.parse(output.slice(start, output.lastIndexOf('}') + 1));
		} catch {
			// no run printed (n8n reported an error instead): see output
		}
	}
	return { code, run, output };
}
