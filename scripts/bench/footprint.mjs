// Benchmark 4: footprint. The npm tarball (size, files), runtime dependencies, and how long
// n8n takes to start with the package installed against without it: one user folder, the
// package moved in and out of `<folder>/.n8n/nodes/node_modules` between starts, so that
// nothing else differs.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8nClient } from '../lib/n8n-rest.mjs';
import { freePort, installPackage, packageRoot, PACKAGE_NAME } from '../lib/n8n-server.mjs';
import { OWNER, startBenchN8n, tempUserFolder } from './bench-stack.mjs';
import { alternate, fmt, list, median } from './stats.mjs';

/** `npm pack --dry-run` of `dir`: what would be published. */
function packInfo(dir) {
	const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
	return { size: packed.size, unpackedSize: packed.unpackedSize, entryCount: packed.entryCount, files: packed.files };
}

/**
 * The tarball as it is, and, when it carries files n8n does not load (`n8n-node build`
 * copies every *.png and *.svg of the project into dist/, screenshots included), the
 * tarball with `files` limited to what n8n loads, measured on a temporary copy.
 */
export function packageFootprint() {
	const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
	const asIs = packInfo(packageRoot);
	const loaded = /^dist\/(nodes|credentials|icons)\//;
	const extra = asIs.files.filter((file) => file.path.startsWith('dist/') && !loaded.test(file.path));
	let trimmed;
	if (extra.length > 0) {
		const copy = mkdtempSync(join(tmpdir(), 'wonotify-pack-trim-'));
		try {
			for (const entry of ['README.md', 'LICENSE', 'dist']) cpSync(join(packageRoot, entry), join(copy, entry), { recursive: true });
			writeFileSync(join(copy, 'package.json'), JSON.stringify({ ...manifest, files: ['dist/nodes', 'dist/credentials', 'dist/icons'] }, null, 2));
			trimmed = packInfo(copy);
		} finally {
			rmSync(copy, { recursive: true, force: true });
		}
	}
	return {
		asIs: { size: asIs.size, unpackedSize: asIs.unpackedSize, entryCount: asIs.entryCount },
		extraFiles: extra.map((file) => ({ path: file.path, size: file.size })),
		trimmed: trimmed && { size: trimmed.size, unpackedSize: trimmed.unpackedSize, entryCount: trimmed.entryCount },
		dependencies: Object.keys(manifest.dependencies ?? {}),
		peerDependencies: Object.keys(manifest.peerDependencies ?? {}),
	};
}

/** Time (ms since `started`) at which GET /rest/settings first answered n8n's JSON, polled every 20 ms. */
async function firstSettingsJson(url, started, signal) {
	while (!signal.aborted) {
		try {
			const response = await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(1000) });
			const at = performance.now() - started;
			if (response.ok && response.headers.get('content-type')?.includes('application/json') && (await response.json())?.data !== undefined) return at;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	return undefined;
}

const signedMs = (ms) => `${ms >= 0 ? '+' : '−'}${fmt(Math.abs(ms), 0)} ms`;

function rssMb(pid) {
	try {
		const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
		return Number(line.split(/\s+/)[1]) / 1024;
	} catch {
		return NaN;
	}
}

export async function startupBenchmark(cleanup, { rounds = 4, logFile, log = console.log } = {}) {
	const userFolder = tempUserFolder(cleanup, 'wonotify-bench-start-');
	const { installedDir } = installPackage(userFolder);
	const nodeModules = join(userFolder, '.n8n', 'nodes', 'node_modules');
	// What npm put next to the package (peer dependencies are left out, as n8n's installer does).
	const alongside = readdirSync(nodeModules).filter((name) => !name.startsWith('.') && name !== PACKAGE_NAME);
	const parked = join(userFolder, 'parked');
	mkdirSync(parked);
	const parkedDir = join(parked, PACKAGE_NAME);
	const setInstalled = (wanted) => {
		if (wanted) renameSync(parkedDir, installedDir);
		else renameSync(installedDir, parkedDir);
	};
	let installed = true;

	// The first start creates the database (migrations); it is reported, not compared.
	const timedStart = async () => {
		const port = await freePort();
		const brokerPort = await freePort();
		const started = performance.now();
		const stopPolling = new AbortController();
		const settingsJson = firstSettingsJson(`http://127.0.0.1:${port}`, started, stopPolling.signal);
		let n8n;
		try {
			n8n = await startBenchN8n(cleanup, { userFolder, logFile, port, brokerPort });
		} finally {
			stopPolling.abort();
		}
		const readyMs = performance.now() - started;
		const ms = (await settingsJson) ?? readyMs;
		const rss = rssMb(n8n.pid);
		const client = new N8nClient(n8n.url);
		await client.setupOrLogin(OWNER);
		const loaded = (await client.nodeTypeNames()).includes(`${PACKAGE_NAME}.wonotify`);
		await n8n.stop();
		if (loaded !== installed) throw new Error(`n8n ${loaded ? 'loaded' : 'did not load'} the package, but it was ${installed ? '' : 'not '}installed`);
		return { ms, readyMs, rssMb: rss };
	};
	const first = await timedStart();
	log(`  first start (creates the database, package installed): ${fmt(first.ms / 1000, 1)} s`);
	const variant = (wanted) => async () => {
		if (installed !== wanted) {
			setInstalled(wanted);
			installed = wanted;
		}
		return await timedStart();
	};
	const samples = await alternate(
		{ without: variant(false), with: variant(true) },
		{ rounds, warmup: 0, onSample: (name, i, s) => log(`  start ${i + 1} ${name} the package: REST up after ${fmt(s.ms / 1000, 2)} s (start-up over after ${fmt(s.readyMs / 1000, 2)} s), RSS ${fmt(s.rssMb, 0)} MB`) },
	);
	const medianOf = (name, field) => median(samples[name].map((s) => s[field]));
	return {
		rounds,
		alongside,
		first,
		samples,
		withMs: medianOf('with', 'ms'),
		withoutMs: medianOf('without', 'ms'),
		withRss: medianOf('with', 'rssMb'),
		withoutRss: medianOf('without', 'rssMb'),
	};
}

export function footprintReport(pack, start) {
	const kb = (bytes) => `${fmt(bytes / 1024, 1)} KB`;
	const summary = [
		{ metric: '4. npm pack size (as built)', value: `${kb(pack.asIs.size)} (${pack.asIs.entryCount} files)`, target: '≤ 60 KB', pass: pack.asIs.size <= 60 * 1024 },
	];
	if (pack.trimmed) summary.push({ metric: '4. npm pack size, files limited to what n8n loads', value: `${kb(pack.trimmed.size)} (${pack.trimmed.entryCount} files)`, target: '≤ 60 KB', pass: pack.trimmed.size <= 60 * 1024 });
	summary.push({ metric: '4. Runtime dependencies', value: `${pack.dependencies.length} (installed alongside: ${start ? start.alongside.length : 'n/a'})`, target: '0', pass: pack.dependencies.length === 0 && (!start || start.alongside.length === 0) });
	if (start) {
		summary.push({ metric: '4. n8n start-up until REST answers, without / with the package (median)', value: `${fmt(start.withoutMs / 1000, 2)} s / ${fmt(start.withMs / 1000, 2)} s (${signedMs(start.withMs - start.withoutMs)})`, target: '' });
	}
	const lines = [
		`Tarball (\`npm pack\` of the fresh build): ${kb(pack.asIs.size)} packed, ${kb(pack.asIs.unpackedSize)} unpacked, ${pack.asIs.entryCount} files. Runtime dependencies: ${pack.dependencies.length}${pack.dependencies.length ? ` (${pack.dependencies.join(', ')})` : ''}; peer dependencies: ${pack.peerDependencies.join(', ') || 'none'} (n8n provides it).`,
	];
	if (pack.extraFiles.length > 0) {
		lines.push(
			'',
			`Files in the tarball that n8n never loads (\`n8n-node build\` copies every \`*.png\`/\`*.svg\` of the project into \`dist/\`): ${pack.extraFiles.map((f) => `\`${f.path}\` (${kb(f.size)})`).join(', ')}. With \`files\` limited to \`dist/nodes\`, \`dist/credentials\`, \`dist/icons\` (measured on a temporary copy): ${kb(pack.trimmed.size)} packed, ${kb(pack.trimmed.unpackedSize)} unpacked, ${pack.trimmed.entryCount} files.`,
		);
	}
	if (start) {
		const row = (name) => {
			const samples = start.samples[name];
			return `| ${name} the package | ${fmt(median(samples.map((s) => s.ms)) / 1000, 2)} | ${list(samples.map((s) => s.ms / 1000), 2)} | ${fmt(median(samples.map((s) => s.readyMs)) / 1000, 2)} | ${fmt(median(samples.map((s) => s.rssMb)), 0)} |`;
		};
		const readyDiff = median(start.samples.with.map((s) => s.readyMs)) - median(start.samples.without.map((s) => s.readyMs));
		lines.push(
			'',
			`n8n start-up, same user folder, package moved in and out of \`.n8n/nodes/node_modules\`, ${start.rounds} starts each, alternated. *REST up*: time from spawning \`n8n start\` until \`GET /rest/settings\` first answers n8n's JSON (polled every 20 ms). *Start-up over*: until the start helper also saw n8n's "Editor is now accessible" line (polled every 250 ms, hence its steps). After each start the loaded node types were checked (package loaded exactly when installed). npm installed ${start.alongside.length} other packages next to it. The first start of the folder, which creates the database, took ${fmt(start.first.ms / 1000, 1)} s and is not counted.`,
			'',
			'| | REST up, median s | starts s | start-up over, median s | RSS after start, median MB |',
			'|---|---|---|---|---|',
			row('without'),
			row('with'),
			`| **difference** | **${fmt((start.withMs - start.withoutMs) / 1000, 2)}** | | ${fmt(readyDiff / 1000, 2)} | ${fmt(start.withRss - start.withoutRss, 0)} |`,
		);
	}
	return { summary, details: lines.join('\n') };
}
