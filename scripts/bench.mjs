#!/usr/bin/env node
// `npm run bench`: benchmarks of the Wonotify nodes inside a real n8n (the pinned version),
// against the Wonotify simulator, everything on 127.0.0.1 and on free ports. Builds the
// package, installs n8n on first use, runs the benchmarks of scripts/bench/, prints a
// summary, writes the raw results to test-results/bench.json and, for a complete run, the
// results part of docs/benchmarks.md. Ctrl-C (or the time limit) stops n8n and the simulator and deletes
// the temporary folders.
//
//   npm run bench                              everything (≈ 13 min once n8n is installed)
//   npm run bench -- --only=per-item,parallel  some benchmarks (docs/benchmarks.md is left alone)
//   npm run bench -- --n8n-cpu-prof            n8n writes V8 CPU profiles into test-results/cpu-prof/
//                                              (read them with scripts/bench/cpu-profile.mjs)
//   npm run bench -- --report-only             summary (and this file) again from test-results/bench.json
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

import { ensureN8n } from './lib/n8n-install.mjs';
import { packageRoot } from './lib/n8n-server.mjs';
import { createCleanup } from './bench/cleanup.mjs';
import { footprintReport, packageFootprint, startupBenchmark } from './bench/footprint.mjs';
import { ingestionBenchmark, ingestionReport } from './bench/ingestion.mjs';
import { mediaBenchmark, mediaReport } from './bench/media.mjs';
import { describeMachine, machineMarkdown } from './bench/machine.mjs';
import { parallelBenchmark, parallelReport } from './bench/parallel.mjs';
import { perItemBenchmark, perItemReport } from './bench/per-item.mjs';
import { printSummary, summaryMarkdown, writeResults } from './bench/report.mjs';
import { startBenchStack } from './bench/bench-stack.mjs';
import { PROBE_PACKAGE_DIR } from './bench/workflows.mjs';

const BENCHMARKS = ['per-item', 'parallel', 'ingestion', 'media', 'footprint'];
const LEGACY_ENGINE = { N8N_EXPRESSION_ENGINE: 'legacy' };
const LEGACY_ENGINE_NOTE = 'N8N_EXPRESSION_ENGINE=legacy';
const TIME_LIMIT_MINUTES = Number(process.env.WONOTIFY_BENCH_TIME_LIMIT_MIN ?? 25);
const resultsDir = join(packageRoot, 'test-results');
const logFile = join(resultsDir, 'bench-n8n.log');
const docFile = join(packageRoot, 'docs', 'benchmarks.md');
const resultsFile = join(resultsDir, 'bench.json');

const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const selected = onlyArg ? onlyArg.slice('--only='.length).split(',') : BENCHMARKS;
const unknown = selected.filter((name) => !BENCHMARKS.includes(name));
if (unknown.length > 0) {
	console.error(`[bench] unknown benchmark ${unknown.join(', ')}; choose from ${BENCHMARKS.join(', ')}`);
	process.exit(2);
}
const wants = (name) => selected.includes(name);
const cpuProfileDir = join(resultsDir, 'cpu-prof');
const n8nEnv = process.argv.includes('--n8n-cpu-prof') ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${cpuProfileDir}` } : {};

const say = (line) => console.log(`[bench] ${line}`);
const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(0)} s`;
const cleanup = createCleanup();

let stopping = false;
async function stop(reason, code) {
	if (stopping) {
		process.exit(code);
	}
	stopping = true;
	if (reason) console.error(`\n[bench] ${reason}: stopping n8n and the simulator…`);
	await cleanup.runAll();
	process.exit(code);
}
process.on('SIGINT', () => void stop('interrupted', 130));
process.on('SIGTERM', () => void stop('terminated', 143));
setTimeout(() => void stop(`time limit of ${TIME_LIMIT_MINUTES} min reached (WONOTIFY_BENCH_TIME_LIMIT_MIN)`, 1), TIME_LIMIT_MINUTES * 60_000).unref();

function build() {
	say('building the package (n8n-node build)…');
	const result = spawnSync(join(packageRoot, 'node_modules', '.bin', 'n8n-node'), ['build'], { cwd: packageRoot, encoding: 'utf8' });
	if (result.error?.code === 'ENOENT') throw new Error('n8n-node is missing: run `npm ci` first.');
	if (result.status !== 0) throw new Error(`the build failed:\n${result.stdout}\n${result.stderr}`);
}

async function main() {
	const loadBefore = os.loadavg()[0];
	build();
	await ensureN8n();
	mkdirSync(resultsDir, { recursive: true });
	rmSync(logFile, { force: true });
	const machine = { ...describeMachine(), loadAverageAtStart: loadBefore };
	say(`${machine.cpus} CPUs (${machine.cpuModel}), ${machine.ramGb.toFixed(1)} GB RAM, n8n ${machine.n8nVersion} on Node ${machine.n8nNode}; n8n's log: ${logFile}`);
	if (machine.loadAverageAtStart > machine.cpus / 2) {
		say(`warning: the machine is busy already (1-minute load average ${machine.loadAverageAtStart.toFixed(2)} on ${machine.cpus} CPUs): expect noisy numbers`);
	}
	machine.loadAverages = {};
	const noteLoad = (name) => (machine.loadAverages[name] = os.loadavg()[0]);
	const results = { machine, code: codeVersion() };

	if (['per-item', 'parallel', 'ingestion', 'media'].some(wants)) {
		say(`starting the simulator and n8n… (${elapsed()})`);
		const stack = await startBenchStack(cleanup, { logFile, env: n8nEnv, alongside: [PROBE_PACKAGE_DIR] });
		say(`n8n is up at ${stack.n8n.url} (${elapsed()})`);
		if (wants('per-item')) {
			say('1. per-item overhead: Wonotify node vs HTTP Request node');
			noteLoad('1');
			results.perItem = await perItemBenchmark(stack);
		}
		if (wants('parallel')) {
			say(`2. parallel sends (${elapsed()})`);
			noteLoad('2');
			results.parallel = await parallelBenchmark(stack);
		}
		if (wants('ingestion')) {
			say(`3. trigger ingestion vs Webhook node, n8n's default settings (${elapsed()})`);
			noteLoad('3');
			results.ingestion = await ingestionBenchmark(stack, { rounds: 3 });
		}
		if (wants('media')) {
			say(`5. a 50 MB incoming video: Download Media vs HTTP Request file download (${elapsed()})`);
			noteLoad('5');
			results.media = await mediaBenchmark(stack);
		}
		await stack.stop();
	}
	if (wants('ingestion')) {
		// n8n 2.41 runs expressions in an isolated-vm isolate by default, and takes that isolate
		// for the webhook phase of every trigger except its own Webhook node: the same
		// comparison once more with the in-process engine shows what the trigger itself costs.
		say(`3b. the same with ${LEGACY_ENGINE_NOTE}: starting another n8n… (${elapsed()})`);
		noteLoad('3b');
		const legacy = await startBenchStack(cleanup, { logFile, env: { ...n8nEnv, ...LEGACY_ENGINE }, alongside: [PROBE_PACKAGE_DIR] });
		results.ingestionLegacyEngine = await ingestionBenchmark(legacy, { rounds: 3 });
		await legacy.stop();
	}
	if (wants('footprint')) {
		say(`4. footprint: package, n8n start-up with and without it (${elapsed()})`);
		noteLoad('4');
		results.pack = packageFootprint();
		results.startup = await startupBenchmark(cleanup, { logFile });
	}
	results.totalSeconds = (Date.now() - startedAt) / 1000;
	writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
	say(`raw results: ${resultsFile}`);
	if (report(results)) say(`results written to ${docFile}`);
	say(`done in ${elapsed()}`);
}

/** Prints the summary; for a complete run, also rewrites the results part of docs/benchmarks.md. */
function report(results) {
	const sections = [];
	if (results.perItem) sections.push(["1. Per-item overhead: Wonotify node vs n8n's HTTP Request node", perItemReport(results.perItem)]);
	if (results.parallel) sections.push(['2. Parallel Sends', parallelReport(results.parallel)]);
	if (results.ingestion) sections.push(["3. Trigger ingestion vs the Webhook node (n8n's default settings)", ingestionReport(results.ingestion)]);
	if (results.ingestionLegacyEngine) {
		sections.push([`3b. The same with ${LEGACY_ENGINE_NOTE}`, ingestionReport(results.ingestionLegacyEngine, { tag: '3b.' })]);
	}
	if (results.pack) sections.push(['4. Footprint', footprintReport(results.pack, results.startup)]);
	if (results.media) sections.push(['5. Incoming media: a 50 MB video, Download Media vs HTTP Request', mediaReport(results.media)]);
	const summary = sections.flatMap(([, section]) => section.summary);
	printSummary(summary);
	if (sections.length < 6) return false;
	const { machine, code } = results;
	writeResults(
		docFile,
		[
			`Measured ${machine.date.slice(0, 10)} with \`npm run bench\` (${(results.totalSeconds / 60).toFixed(1)} min in all, build included), on commit ${code.commit}${code.changed ? ' with uncommitted changes to the nodes or credentials' : ''}.`,
			'',
			'### Machine',
			'',
			machineMarkdown(machine),
			'',
			'### Summary',
			'',
			summaryMarkdown(summary),
			...sections.flatMap(([title, section]) => ['', `### ${title}`, '', section.details]),
		].join('\n'),
	);
	return true;
}

/** Which code was measured. */
function codeVersion() {
	const git = (...args) => spawnSync('git', args, { cwd: packageRoot, encoding: 'utf8' }).stdout?.trim() ?? '';
	return { commit: git('rev-parse', '--short', 'HEAD') || 'unknown', changed: git('status', '--porcelain', '--', 'nodes', 'credentials') !== '' };
}

if (process.argv.includes('--report-only')) {
	report(JSON.parse(readFileSync(resultsFile, 'utf8')));
	process.exit(0);
}

try {
	await main();
	await stop(undefined, 0);
} catch (error) {
	console.error(`[bench] ${error.stack ?? error.message}`);
	await stop('failed', 1);
}
