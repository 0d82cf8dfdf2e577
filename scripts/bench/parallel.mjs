// Benchmark 2: Parallel Sends. The same 200 text sends to 200 different chats, with the
// simulator answering each request after 50 ms, at Parallel Sends 8 and 1, alternated.
// The simulator's in-flight gauge shows how many requests overlapped, overall and per chat.
import { createBatchWorkflow, SENDER, textBatch } from './batch.mjs';
import { wonotifySendTextNode } from './workflows.mjs';
import { alternate, fmt, list, median, ratio, shown } from './stats.mjs';

export async function parallelBenchmark(stack, { items = 200, latencyMs = 50, parallel = 8, rounds = 3, log = console.log } = {}) {
	const { sim, instanceId, credential } = stack;
	const sentOk = (json) => typeof json.messageId === 'string' && json.messageId !== '';
	const workflow = (parallelSends) =>
		createBatchWorkflow(stack, {
			name: `bench 2: Wonotify Send Text, Parallel Sends ${parallelSends}`,
			sender: wonotifySendTextNode(SENDER, { instanceId, credential, options: { parallelSends } }),
			sentOk,
		});
	const wide = await workflow(parallel);
	const single = await workflow(1);
	const batch = textBatch(items);
	// reset() zeroes the in-flight gauge (and the rest of the simulator, which this stack does
	// not rely on between runs); the latency is set again after it.
	const measured = (run) => async () => {
		sim.reset();
		sim.setLatency(latencyMs);
		const result = await run(batch);
		return { ...result, maxInFlight: sim.maxInFlight, requests: sim.requestsTo('/send').length };
	};
	const samples = await alternate(
		{ [`parallel${parallel}`]: measured(wide.run), parallel1: measured(single.run) },
		{
			rounds,
			warmup: 0,
			onSample: (name, round, s) =>
				log(`  round ${round + 1} ${name}: node ${s.nodeMs} ms, in flight at most ${s.maxInFlight.overall} (per chat ${s.maxInFlight.perChat})`),
		},
	);
	sim.reset();
	await wide.deactivate();
	await single.deactivate();

	const wideSamples = samples[`parallel${parallel}`];
	const medianWide = median(wideSamples.map((s) => s.nodeMs));
	const medianSingle = median(samples.parallel1.map((s) => s.nodeMs));
	return {
		items,
		latencyMs,
		parallel,
		rounds,
		samples,
		medianWide,
		medianSingle,
		speedUp: ratio(medianSingle, medianWide),
		maxInFlightWide: {
			overall: Math.max(...wideSamples.map((s) => s.maxInFlight.overall)),
			perChat: Math.max(...wideSamples.map((s) => s.maxInFlight.perChat)),
		},
		maxInFlightSingle: Math.max(...samples.parallel1.map((s) => s.maxInFlight.overall)),
	};
}

export function parallelReport(r) {
	const wide = r.samples[`parallel${r.parallel}`];
	const summary = [
		{ metric: `2. Parallel Sends ${r.parallel}, ${r.items} sends at ${r.latencyMs} ms (median)`, value: `${fmt(r.medianWide, 0)} ms`, target: '' },
		{ metric: `2. Parallel Sends 1, ${r.items} sends at ${r.latencyMs} ms (median)`, value: `${fmt(r.medianSingle, 0)} ms`, target: '' },
		{ metric: `2. Speed-up ${r.parallel} vs 1`, value: `${fmt(r.speedUp, 2)}×`, target: '≥ 6×', pass: shown(r.speedUp) >= 6 },
		{
			metric: `2. Simulator maxInFlight at ${r.parallel}: overall / per chat`,
			value: `${r.maxInFlightWide.overall} / ${r.maxInFlightWide.perChat}`,
			target: `${r.parallel} / 1`,
			pass: r.maxInFlightWide.overall === r.parallel && r.maxInFlightWide.perChat === 1,
		},
	];
	const lowerBound = (parallelSends) => Math.ceil(r.items / parallelSends) * r.latencyMs;
	const details = [
		`${r.items} text sends to ${r.items} different chats per run, simulator latency ${r.latencyMs} ms per request, ${r.rounds} rounds per setting, alternated (no warm-up round: benchmark 1 ran just before in the same n8n). Time = the Wonotify node's own execution time in n8n's stored execution; every run checked: ${r.items} of ${r.items} sent.`,
		'',
		'| Parallel Sends | median ms | lower bound (latency only) ms | rounds ms | simulator maxInFlight overall / per chat |',
		'|---|---|---|---|---|',
		`| ${r.parallel} | ${fmt(r.medianWide, 0)} | ${lowerBound(r.parallel)} | ${list(wide.map((s) => s.nodeMs), 0)} | ${wide.map((s) => `${s.maxInFlight.overall} / ${s.maxInFlight.perChat}`).join(', ')} |`,
		`| 1 | ${fmt(r.medianSingle, 0)} | ${lowerBound(1)} | ${list(r.samples.parallel1.map((s) => s.nodeMs), 0)} | ${r.samples.parallel1.map((s) => `${s.maxInFlight.overall} / ${s.maxInFlight.perChat}`).join(', ')} |`,
		'',
		`Speed-up (median at 1 / median at ${r.parallel}): **${fmt(r.speedUp, 2)}×** (the ideal, latency only, is ${r.parallel}×).`,
	].join('\n');
	return { summary, details };
}
