// Benchmark 1: per-item overhead of the Wonotify node against n8n's own HTTP Request node.
// The same batch of text sends to the simulator (no latency), through the same
// Webhook → Split Out upstream, alternated round by round in the same n8n.
import { createBatchWorkflow, SENDER, textBatch } from './batch.mjs';
import { httpRequestSendNode, wonotifySendTextNode } from './workflows.mjs';
import { alternate, fmt, list, median, ratio, shown } from './stats.mjs';

export async function perItemBenchmark(stack, { items = 500, rounds = 5, warmup = 2, log = console.log } = {}) {
	const { sim, instanceId, token, credential } = stack;
	sim.setLatency(0);
	const wonotify = await createBatchWorkflow(stack, {
		name: 'bench 1: Wonotify Send Text',
		sender: wonotifySendTextNode(SENDER, { instanceId, credential }),
		sentOk: (json) => typeof json.messageId === 'string' && json.messageId !== '',
	});
	const httpRequest = await createBatchWorkflow(stack, {
		name: 'bench 1: HTTP Request POST /send',
		sender: httpRequestSendNode(SENDER, { baseUrl: sim.baseUrl, instanceId, token }),
		sentOk: (json) => json.status === 'success' && typeof json.message?.key?.id === 'string',
	});
	const batch = textBatch(items);
	const requestsBefore = sim.snapshot().requestCount;
	const samples = await alternate(
		{ wonotify: () => wonotify.run(batch), httpRequest: () => httpRequest.run(batch) },
		{
			rounds,
			warmup,
			onSample: (name, round, s) =>
				log(`  ${round < 0 ? 'warm-up' : `round ${round + 1}`} ${name}: node ${s.nodeMs} ms, execution ${s.executionMs} ms, HTTP ${fmt(s.httpMs, 0)} ms`),
		},
	);
	const sends = sim.snapshot().requestCount - requestsBefore;
	await wonotify.deactivate();
	await httpRequest.deactivate();

	const pick = (name, field) => samples[name].map((s) => s[field]);
	const medians = (name) => ({
		nodeMs: median(pick(name, 'nodeMs')),
		executionMs: median(pick(name, 'executionMs')),
		httpMs: median(pick(name, 'httpMs')),
	});
	const w = medians('wonotify');
	const h = medians('httpRequest');
	return { items, rounds, warmup, samples, sendsSeen: sends, medians: { wonotify: w, httpRequest: h }, nodeRatio: ratio(w.nodeMs, h.nodeMs), executionRatio: ratio(w.executionMs, h.executionMs) };
}

export function perItemReport(r) {
	const perItem = (ms) => fmt(ms / r.items, 2);
	const summary = [
		{ metric: `1. Wonotify node, ${r.items} sends (median node time)`, value: `${fmt(r.medians.wonotify.nodeMs, 0)} ms = ${perItem(r.medians.wonotify.nodeMs)} ms/item`, target: '' },
		{ metric: `1. HTTP Request node, ${r.items} sends (median node time)`, value: `${fmt(r.medians.httpRequest.nodeMs, 0)} ms = ${perItem(r.medians.httpRequest.nodeMs)} ms/item`, target: '' },
		{ metric: '1. Wonotify / HTTP Request, node time', value: fmt(r.nodeRatio, 2), target: '≤ 1.0', pass: shown(r.nodeRatio) <= 1.0 },
		{ metric: '1. Wonotify / HTTP Request, whole execution', value: fmt(r.executionRatio, 2), target: '', pass: undefined },
	];
	const row = (name, label) => {
		const m = r.medians[name];
		return `| ${label} | ${fmt(m.nodeMs, 0)} (${perItem(m.nodeMs)}/item) | ${fmt(m.executionMs, 0)} | ${fmt(m.httpMs, 0)} |`;
	};
	const raw = (name) => ['nodeMs', 'executionMs', 'httpMs'].map((field) => `${field}: ${list(r.samples[name].map((s) => s[field]), 0)}`).join('; ');
	const details = [
		`${r.items} text sends per run, ${r.rounds} measured rounds per variant after ${r.warmup} unrecorded warm-up rounds each, alternated (which variant goes first switches every round); simulator latency 0 ms. Every run checked: ${r.items} of ${r.items} items sent (${r.sendsSeen} requests reached the simulator in the measured and warm-up runs).`,
		'',
		'| variant | sending node, median ms | whole execution, median ms | webhook call (client), median ms |',
		'|---|---|---|---|',
		row('wonotify', 'Wonotify node (Send Text)'),
		row('httpRequest', 'HTTP Request node (POST /send)'),
		`| **ratio Wonotify / HTTP Request** | **${fmt(r.nodeRatio, 2)}** | **${fmt(r.executionRatio, 2)}** | ${fmt(r.medians.wonotify.httpMs / r.medians.httpRequest.httpMs, 2)} |`,
		'',
		`Raw rounds, Wonotify: ${raw('wonotify')}.`,
		'',
		`Raw rounds, HTTP Request: ${raw('httpRequest')}.`,
	].join('\n');
	return { summary, details };
}
