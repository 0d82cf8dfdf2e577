// A batch-sending workflow: Webhook (answers when the last node is done) → Split Out (one
// item per element of the posted JSON array) → the sending node. Benchmarks 1 and 2 run
// the same shape and only swap the sending node, so that only the sender differs.
import { randomUUID } from 'node:crypto';

import { chain, createActive, splitOutNode, waitForFinished, waitForWebhook, webhookNode } from './workflows.mjs';

export const SENDER = 'Send';

/** `count` messages to `count` different phone numbers. */
export function textBatch(count) {
	return Array.from({ length: count }, (_, index) => ({ number: String(919800000000 + index), text: `Benchmark message ${index + 1}` }));
}

/**
 * @param {object} stack
 * @param {{ name: string, sender: object, sentOk: (json: object) => boolean }} options sender: a node named SENDER
 */
export async function createBatchWorkflow(stack, { name, sender, sentOk }) {
	const { client, n8n } = stack;
	const path = `bench-${randomUUID()}`;
	const workflow = chain(name, [
		webhookNode('Webhook', { path, responseMode: 'lastNode', responseData: 'noData' }),
		splitOutNode('Split Out'),
		sender,
	]);
	const id = await createActive(client, workflow);
	const url = `${n8n.url}/webhook/${path}`;
	// An empty array runs the workflow without sending anything.
	await waitForWebhook(url, (status) => status !== 404, { body: '[]' });
	let runs = await waitForFinished(client, id, 1).then(() => 1);

	return {
		id,
		/** POSTs the batch, then reads the stored execution. Times in ms. */
		async run(batch) {
			const started = performance.now();
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(batch),
				signal: AbortSignal.timeout(300_000),
			});
			await response.text();
			const httpMs = performance.now() - started;
			if (!response.ok) throw new Error(`${name}: the webhook answered HTTP ${response.status}`);
			runs += 1;
			await waitForFinished(client, id, runs, { timeoutMs: 60_000 });
			const [latest] = (await client.request('GET', '/executions', undefined, { filter: { workflowId: id }, limit: '1' })).results;
			const execution = await client.execution(latest.id);
			if (execution.status !== 'success') throw new Error(`${name}: execution ${latest.id} ended ${execution.status}`);
			const senderRun = execution.data.resultData.runData[SENDER][0];
			const output = senderRun.data.main[0].map((item) => item.json);
			const sent = output.filter(sentOk).length;
			if (sent !== batch.length) throw new Error(`${name}: ${sent} of ${batch.length} items were sent`);
			return {
				nodeMs: senderRun.executionTime,
				executionMs: Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt),
				httpMs,
				sent,
			};
		},
		async deactivate() {
			await client.deactivate(id);
		},
	};
}
