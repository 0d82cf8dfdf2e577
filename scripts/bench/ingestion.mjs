// Benchmark 3: webhook ingestion of the Wonotify Trigger against n8n's plain Webhook node.
// The same messages.upsert envelopes (as the gateway sends them) are POSTed at a fixed
// concurrency to an active trigger-only workflow and to an active Webhook-only workflow
// (responds on receipt) in the same n8n, alternated. A third workflow holds the control:
// the smallest community trigger there is (scripts/bench/probe-trigger), which n8n handles
// exactly as it handles ours, so trigger / probe is what our trigger's own work costs.
// Then events the trigger filters out (own messages, receipts) are posted, and the
// execution count must not move.
import { randomBytes, randomUUID } from 'node:crypto';

import { alternate, fmt, list, median, ratio, shown } from './stats.mjs';
import { chain, countExecutions, createActive, finishedCount, probeTriggerNode, waitForFinished, waitForWebhook, webhookNode, wonotifyTriggerNode } from './workflows.mjs';

const envelope = (instanceId, event, data) => JSON.stringify({ instance_id: instanceId, data: { event, data } });
const messageId = () => `3A${randomBytes(9).toString('hex').toUpperCase()}`;

/** A text typed by a contact, as the gateway posts it. */
function incomingText(instanceId, index) {
	return envelope(instanceId, 'messages.upsert', {
		type: 'notify',
		messages: [
			{
				key: { remoteJid: `${919700000000 + index}@s.whatsapp.net`, fromMe: false, id: messageId() },
				messageTimestamp: Math.floor(Date.now() / 1000),
				pushName: `Contact ${index}`,
				broadcast: false,
				message: { conversation: `Benchmark incoming message ${index}` },
			},
		],
	});
}

/** Half own messages (fromMe, as the gateway echoes API sends), half delivery receipts. */
function filteredOut(instanceId, index) {
	const remoteJid = `${919700000000 + index}@s.whatsapp.net`;
	if (index % 2 === 0) {
		return envelope(instanceId, 'messages.upsert', {
			type: 'append',
			messages: [{ key: { remoteJid, fromMe: true, id: `3EB0${randomBytes(8).toString('hex').toUpperCase()}` }, message: { conversation: 'our own reply' }, messageTimestamp: Math.floor(Date.now() / 1000), status: 'PENDING' }],
		});
	}
	return envelope(instanceId, 'messages.update', [{ key: { remoteJid, fromMe: true, id: `3EB0${randomBytes(8).toString('hex').toUpperCase()}` }, update: { status: 3 } }]);
}

/** POSTs every body to `url`, `concurrency` at a time; resolves with the time and the statuses. */
async function postAll(url, bodies, concurrency) {
	let next = 0;
	const statuses = {};
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < bodies.length) {
				const body = bodies[next++];
				const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(60_000) });
				await response.arrayBuffer();
				statuses[response.status] = (statuses[response.status] ?? 0) + 1;
			}
		}),
	);
	return { ms: performance.now() - started, statuses };
}

export async function ingestionBenchmark(stack, { events = 1000, concurrency = 20, rounds = 2, warmupEvents = 200, log = console.log } = {}) {
	const { sim, client, n8n, credential, token } = stack;
	// An instance of its own, so that benchmarks 1 and 2's sends are not echoed to this trigger.
	const instanceId = sim.addInstance({ token, connected: true }).id;
	const triggerId = await createActive(client, chain('bench 3: Wonotify Trigger', [wonotifyTriggerNode('Wonotify Trigger', { instanceId, credential })]));
	const triggerUrl = sim.getInstance(instanceId).webhookUrl;
	if (!triggerUrl?.includes('secret=')) throw new Error(`The trigger did not register a webhook URL with a secret: ${triggerUrl}`);
	const withoutSecret = triggerUrl.replace(/\?.*$/, '');
	await waitForWebhook(withoutSecret, (status) => status === 403);

	const path = `bench-ingest-${randomUUID()}`;
	const webhookId = await createActive(client, chain('bench 3: Webhook node', [webhookNode('Webhook', { path, responseMode: 'onReceived' })]));
	const webhookUrl = `${n8n.url}/webhook/${path}`;

	const probe = probeTriggerNode('Bench Probe Trigger', { credential });
	const probeId = await createActive(client, chain('bench 3: probe trigger (control)', [probe]));
	const probeUrl = `${n8n.url}/webhook/${probe.webhookId}/webhook`;

	const targets = {
		trigger: { workflowId: triggerId, url: triggerUrl },
		webhook: { workflowId: webhookId, url: webhookUrl },
		probe: { workflowId: probeId, url: probeUrl },
	};
	// Warm-up: a just-activated webhook's first calls may still hit n8n's 404 (not registered yet).
	for (const [name, target] of Object.entries(targets)) {
		const bodies = Array.from({ length: warmupEvents }, (_, i) => incomingText(instanceId, i));
		if (name !== 'trigger') await waitForWebhook(target.url, (status) => status === 200, { body: bodies[0] });
		await postAll(target.url, bodies, concurrency);
		await settle(client, target.workflowId);
	}

	let offset = 0;
	const round = (name) => async () => {
		const target = targets[name];
		const bodies = Array.from({ length: events }, (_, i) => incomingText(instanceId, offset + i));
		offset += events;
		const before = await countExecutions(client, target.workflowId);
		const posted = await postAll(target.url, bodies, concurrency);
		const drainedMs = posted.ms + (await waitForFinished(client, target.workflowId, before.total + events, { timeoutMs: 300_000 }));
		const after = await settle(client, target.workflowId);
		const added = after.total - before.total;
		const succeeded = (after.byStatus.success ?? 0) - (before.byStatus.success ?? 0);
		return { postMs: posted.ms, eventsPerSecond: events / (posted.ms / 1000), drainedMs, executionsPerSecond: events / (drainedMs / 1000), statuses: posted.statuses, added, succeeded };
	};
	const samples = await alternate(
		{ trigger: round('trigger'), webhook: round('webhook'), probe: round('probe') },
		{
			rounds,
			warmup: 0,
			onSample: (name, i, s) =>
				log(`  round ${i + 1} ${name}: ${fmt(s.eventsPerSecond, 0)} events/s accepted, all ${events} executions done after ${fmt(s.drainedMs / 1000, 1)} s, ${s.added} executions recorded (${s.succeeded} success), HTTP ${JSON.stringify(s.statuses)}`),
		},
	);

	// Events the trigger filters out: answered, but no execution.
	const beforeFiltered = await countExecutions(client, triggerId);
	const ignoredBodies = Array.from({ length: events }, (_, i) => filteredOut(instanceId, i));
	// The first one alone, to show the trigger's answer; then the rest.
	const first = await fetch(triggerUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: ignoredBodies[0] });
	const sample = await first.text();
	const filteredPost = await postAll(triggerUrl, ignoredBodies.slice(1), concurrency);
	filteredPost.statuses[first.status] = (filteredPost.statuses[first.status] ?? 0) + 1;
	await new Promise((resolve) => setTimeout(resolve, 3000));
	const afterFiltered = await settle(client, triggerId);
	log(`  ${events} filtered-out events: ${fmt((events - 1) / (filteredPost.ms / 1000), 0)} events/s, executions ${beforeFiltered.total} → ${afterFiltered.total}`);

	await client.deactivate(triggerId);
	await client.deactivate(webhookId);
	await client.deactivate(probeId);
	const medianOf = (name, field) => median(samples[name].map((s) => s[field]));
	return {
		events,
		concurrency,
		rounds,
		warmupEvents,
		samples,
		triggerEventsPerSecond: medianOf('trigger', 'eventsPerSecond'),
		webhookEventsPerSecond: medianOf('webhook', 'eventsPerSecond'),
		probeEventsPerSecond: medianOf('probe', 'eventsPerSecond'),
		probeExecutionsPerSecond: medianOf('probe', 'executionsPerSecond'),
		triggerExecutionsPerSecond: medianOf('trigger', 'executionsPerSecond'),
		webhookExecutionsPerSecond: medianOf('webhook', 'executionsPerSecond'),
		eventsRatio: ratio(medianOf('trigger', 'eventsPerSecond'), medianOf('webhook', 'eventsPerSecond')),
		executionsRatio: ratio(medianOf('trigger', 'executionsPerSecond'), medianOf('webhook', 'executionsPerSecond')),
		triggerToProbeRatio: ratio(medianOf('trigger', 'eventsPerSecond'), medianOf('probe', 'eventsPerSecond')),
		probeToWebhookRatio: ratio(medianOf('probe', 'eventsPerSecond'), medianOf('webhook', 'eventsPerSecond')),
		filtered: {
			events,
			eventsPerSecond: (events - 1) / (filteredPost.ms / 1000),
			statuses: filteredPost.statuses,
			sampleAnswer: sample,
			before: beforeFiltered.total,
			after: afterFiltered.total,
		},
	};
}

/** Waits until no execution of the workflow is still running, then counts them all. */
async function settle(client, workflowId) {
	const deadline = Date.now() + 120_000;
	let previous = -1;
	while (Date.now() < deadline) {
		const counted = await countExecutions(client, workflowId);
		const running = (counted.byStatus.running ?? 0) + (counted.byStatus.new ?? 0);
		const finished = await finishedCount(client, workflowId);
		if (running === 0 && finished === counted.total && finished === previous) return counted;
		previous = finished;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`Workflow ${workflowId} still has running executions after 120 s`);
}

/** tag: the benchmark's number in the summary, e.g. `3.` */
export function ingestionReport(r, { tag = '3.' } = {}) {
	const workflows = Object.keys(r.samples);
	const recorded = (name) => r.samples[name].map((s) => s.added);
	const allRecorded = workflows.every((name) => recorded(name).every((added) => added === r.events));
	const hasProbe = workflows.includes('probe');
	const summary = [
		{ metric: `${tag} Wonotify Trigger, ${r.events} events at concurrency ${r.concurrency} (median)`, value: `${fmt(r.triggerEventsPerSecond, 0)} events/s`, target: '' },
		{ metric: `${tag} Webhook node, same events (median)`, value: `${fmt(r.webhookEventsPerSecond, 0)} events/s`, target: '' },
		{ metric: `${tag} Trigger / Webhook, events/s`, value: fmt(r.eventsRatio, 2), target: '≥ 0.95', pass: shown(r.eventsRatio) >= 0.95 },
		{ metric: `${tag} Trigger / Webhook, executions finished/s`, value: fmt(r.executionsRatio, 2), target: '' },
		...(hasProbe
			? [
					{ metric: `${tag} Probe trigger (control: a do-nothing community trigger), same events (median)`, value: `${fmt(r.probeEventsPerSecond, 0)} events/s`, target: '' },
					{ metric: `${tag} Trigger / probe, events/s: what the Wonotify Trigger's own work costs`, value: fmt(r.triggerToProbeRatio, 2), target: '≥ 0.95', pass: shown(r.triggerToProbeRatio) >= 0.95 },
					{ metric: `${tag} Probe / Webhook, events/s: what n8n charges any community trigger`, value: fmt(r.probeToWebhookRatio, 2), target: '' },
				]
			: []),
		{ metric: `${tag} Executions recorded per ${r.events} events (each round)`, value: workflows.map((name) => `${name} ${recorded(name).join(', ')}`).join('; '), target: `${r.events}`, pass: allRecorded },
		{ metric: `${tag} ${r.filtered.events} filtered-out events: executions before → after`, value: `${r.filtered.before} → ${r.filtered.after}`, target: 'unchanged', pass: r.filtered.before === r.filtered.after },
	];
	const rows = (name, label) => {
		const s = r.samples[name];
		return `| ${label} | ${fmt(median(s.map((x) => x.eventsPerSecond)), 0)} | ${list(s.map((x) => x.eventsPerSecond), 0)} | ${fmt(median(s.map((x) => x.executionsPerSecond)), 0)} | ${list(s.map((x) => x.executionsPerSecond), 0)} | ${s.map((x) => `${x.added} (${x.succeeded} success)`).join(', ')} | ${s.map((x) => JSON.stringify(x.statuses)).join(', ')} |`;
	};
	const details = [
		`${r.events} \`messages.upsert\` events (a contact's text, each with its own chat and message ID) per round, POSTed ${r.concurrency} at a time; ${r.rounds} rounds per workflow, alternated, after ${r.warmupEvents} warm-up events each. *Accepted* = events / time until the last POST was answered (all answer on receipt, before their execution ends). *Finished* = events / time until n8n counted all ${r.events} new executions as finished. Counts read back through n8n's REST API (\`GET /rest/executions\` filtered by workflow, 100 a page, following \`nextCursor\`).${hasProbe ? ' The probe trigger is the control: a community trigger node whose webhook only hands the body on (scripts/bench/probe-trigger), installed for the benchmark alone.' : ''}`,
		'',
		'| workflow | accepted events/s, median | rounds | finished executions/s, median | rounds | executions recorded (per round) | HTTP answers |',
		'|---|---|---|---|---|---|---|',
		rows('trigger', 'Wonotify Trigger (only node)'),
		rows('webhook', 'Webhook node (only node, respond on receipt)'),
		...(hasProbe ? [rows('probe', 'Probe trigger, control (only node)')] : []),
		`| **ratio trigger / webhook** | **${fmt(r.eventsRatio, 2)}** | | **${fmt(r.executionsRatio, 2)}** | | | |`,
		...(hasProbe
			? [
					`| **ratio trigger / probe** | **${fmt(r.triggerToProbeRatio, 2)}** | | ${fmt(ratio(r.triggerExecutionsPerSecond, r.probeExecutionsPerSecond), 2)} | | | |`,
					`| ratio probe / webhook | ${fmt(r.probeToWebhookRatio, 2)} | | ${fmt(ratio(r.probeExecutionsPerSecond, r.webhookExecutionsPerSecond), 2)} | | | |`,
				]
			: []),
		'',
		`Filtered out: ${r.filtered.events} events to the trigger (half own messages \`fromMe: true\`, half \`messages.update\` receipts) at ${fmt(r.filtered.eventsPerSecond, 0)} events/s, HTTP ${JSON.stringify(r.filtered.statuses)}; the trigger answered e.g. \`${r.filtered.sampleAnswer}\`. Executions of the trigger workflow: ${r.filtered.before} before, ${r.filtered.after} three seconds after the last one.`,
	].join('\n');
	return { summary, details };
}
