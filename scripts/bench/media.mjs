// Benchmark 5: a 50 MB incoming video, downloaded and decrypted by the Wonotify node's
// Download Media operation, against the same 50 MB unencrypted, downloaded as a file by n8n's
// HTTP Request node from the same simulator, in the same n8n, alternated round by round.
// Time: the node's execution time n8n stores. Memory: the growth of the n8n process's peak
// resident set (VmHWM, reset before each download through /proc/<pid>/clear_refs) over its
// resident set before the download.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

import { withSimulatorMediaHost } from '../lib/n8n-server.mjs';
import { chain, createActive, waitForFinished, waitForWebhook, webhookNode } from './workflows.mjs';
import { alternate, fmt, list, median, ratio, shown } from './stats.mjs';

const NODE = 'Download';
const MB = 1_000_000;

/** Peak-RSS bookkeeping of one process, in bytes (Linux /proc). */
function memoryOf(pid) {
	const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) * 1024;
	return {
		/** Resets the peak to the current resident set (writing 5 to clear_refs). */
		resetPeak: () => writeFileSync(`/proc/${pid}/clear_refs`, '5'),
		rss: () => kib('VmRSS'),
		peak: () => kib('VmHWM'),
	};
}

async function createDownloadWorkflow(stack, name, downloader) {
	const path = `bench-${randomUUID()}`;
	const workflow = chain(name, [webhookNode('Webhook', { path, responseMode: 'lastNode', responseData: 'noData' }), downloader]);
	const id = await createActive(stack.client, withSimulatorMediaHost(workflow, stack.sim.url));
	const url = `${stack.n8n.url}/webhook/${path}`;
	await waitForWebhook(url, (status) => status !== 404, { body: '{"warmup":true}' });
	await waitForFinished(stack.client, id, 1);
	let runs = 1;
	return {
		async run(body, expectedBytes) {
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(300_000) });
			await response.text();
			runs += 1;
			await waitForFinished(stack.client, id, runs, { timeoutMs: 300_000 });
			const [latest] = (await stack.client.request('GET', '/executions', undefined, { filter: { workflowId: id }, limit: '1' })).results;
			const execution = await stack.client.execution(latest.id);
			if (execution.status !== 'success') throw new Error(`${name}: execution ${latest.id} ended ${execution.status}`);
			const run = execution.data.resultData.runData[NODE][0];
			const binary = run.data.main[0][0].binary?.data;
			if (binary?.bytes !== expectedBytes) {
				throw new Error(`${name}: stored ${binary?.bytes} bytes, not ${expectedBytes}: ${JSON.stringify(run.data.main[0][0].json).slice(0, 300)}`);
			}
			return run.executionTime;
		},
		deactivate: () => stack.client.deactivate(id),
	};
}

export async function mediaBenchmark(stack, { megabytes = 50, rounds = 9, warmup = 1, log = console.log } = {}) {
	const { sim, instanceId, credential } = stack;
	const file = randomBytes(megabytes * MB);
	const { id, message } = sim.media.add(sim.url, { kind: 'video', file, mimetype: 'video/mp4' });
	const plainUrl = `${sim.url}/v/t62.7118-24/${id}.plain`;
	const incoming = { key: { remoteJid: '919812345678@s.whatsapp.net', fromMe: false, id: '3ABENCHVIDEO' }, message };

	const wonotify = await createDownloadWorkflow(stack, 'bench 5: Wonotify Download Media', {
		id: randomUUID(),
		name: NODE,
		type: 'n8n-nodes-wonotify.wonotify',
		typeVersion: 1,
		position: [0, 0],
		parameters: {
			resource: 'message',
			operation: 'downloadMedia',
			instanceId,
			// The call that checks the webhook is live carries no media: an input error, no request.
			incomingMessage: '={{ $json.body }}',
			binaryPropertyName: 'data',
			options: { allowedMediaHosts: '127.0.0.1:5680', maxMediaSizeMb: megabytes * 2 },
		},
		credentials: { wonotifyApi: { id: credential.id, name: credential.name } },
		onError: 'continueRegularOutput',
	});
	const httpRequest = await createDownloadWorkflow(stack, 'bench 5: HTTP Request file download', {
		id: randomUUID(),
		name: NODE,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [0, 0],
		parameters: {
			method: 'GET',
			url: `={{ $json.body.warmup ? '${sim.url}/__sim/state' : '${plainUrl}' }}`,
			options: { response: { response: { responseFormat: 'file' } } },
		},
	});

	const memory = memoryOf(stack.n8n.pid);
	const measured = (run) => async () => {
		const before = memory.rss();
		memory.resetPeak();
		const nodeMs = await run();
		return { nodeMs, peakGrowth: memory.peak() - before };
	};
	const samples = await alternate(
		{
			wonotify: measured(() => wonotify.run(incoming, file.length)),
			httpRequest: measured(() => httpRequest.run({ warmup: false }, file.length)),
		},
		{
			rounds,
			warmup,
			onSample: (name, round, s) => log(`  ${round < 0 ? 'warm-up' : `round ${round + 1}`} ${name}: node ${s.nodeMs} ms, peak memory growth ${fmt(s.peakGrowth / MB, 0)} MB`),
		},
	);
	await wonotify.deactivate();
	await httpRequest.deactivate();
	const pick = (name, field) => samples[name].map((s) => s[field]);
	const w = { nodeMs: median(pick('wonotify', 'nodeMs')), peakGrowth: Math.max(...pick('wonotify', 'peakGrowth')) };
	const h = { nodeMs: median(pick('httpRequest', 'nodeMs')), peakGrowth: Math.max(...pick('httpRequest', 'peakGrowth')) };
	return { megabytes, fileBytes: file.length, rounds, warmup, samples, wonotify: w, httpRequest: h, timeRatio: ratio(w.nodeMs, h.nodeMs), memoryPerFile: w.peakGrowth / file.length };
}

export function mediaReport(r) {
	const summary = [
		{ metric: `5. Download Media, ${r.megabytes} MB video (median node time)`, value: `${fmt(r.wonotify.nodeMs, 0)} ms`, target: '' },
		{ metric: `5. HTTP Request file download, ${r.megabytes} MB unencrypted (median)`, value: `${fmt(r.httpRequest.nodeMs, 0)} ms`, target: '' },
		{ metric: '5. Download Media / HTTP Request, node time', value: fmt(r.timeRatio, 2), target: '≤ 1.3', pass: shown(r.timeRatio) <= 1.3 },
		{ metric: '5. n8n peak memory growth during Download Media / file size', value: fmt(r.memoryPerFile, 2), target: '≤ 2', pass: shown(r.memoryPerFile) <= 2 },
	];
	const details = [
		`One ${r.megabytes} MB file of random bytes (${r.fileBytes} bytes), served by the simulator on 127.0.0.1: encrypted as WhatsApp does it for the Wonotify node (Download Media from the message, MAC and both hashes checked, decrypted, stored as binary data), and unencrypted for n8n's HTTP Request node (response format File). Webhook → the downloading node, in the same n8n (binary data mode: n8n's default, filesystem), ${r.rounds} measured rounds per variant after ${r.warmup} warm-up round, alternated. Every run checked: the node stored exactly ${r.fileBytes} bytes.`,
		'',
		'Memory: before each download the n8n process\'s peak resident set is reset to its current size (`/proc/<pid>/clear_refs`); the growth is the peak during the run (`VmHWM`) minus the resident set before it. The table shows the largest growth of the rounds.',
		'',
		'| variant | node time, median ms | peak memory growth, max MB | growth / file size |',
		'|---|---|---|---|',
		`| Wonotify Download Media (decrypts) | ${fmt(r.wonotify.nodeMs, 0)} | ${fmt(r.wonotify.peakGrowth / MB, 0)} | ${fmt(r.wonotify.peakGrowth / r.fileBytes, 2)} |`,
		`| HTTP Request, file (plain) | ${fmt(r.httpRequest.nodeMs, 0)} | ${fmt(r.httpRequest.peakGrowth / MB, 0)} | ${fmt(r.httpRequest.peakGrowth / r.fileBytes, 2)} |`,
		`| **ratio** | **${fmt(r.timeRatio, 2)}** | | |`,
		'',
		`Raw rounds, Wonotify: node ms ${list(r.samples.wonotify.map((s) => s.nodeMs), 0)}; peak growth MB ${list(r.samples.wonotify.map((s) => s.peakGrowth / MB), 0)}.`,
		'',
		`Raw rounds, HTTP Request: node ms ${list(r.samples.httpRequest.map((s) => s.nodeMs), 0)}; peak growth MB ${list(r.samples.httpRequest.map((s) => s.peakGrowth / MB), 0)}.`,
	].join('\n');
	return { summary, details };
}
