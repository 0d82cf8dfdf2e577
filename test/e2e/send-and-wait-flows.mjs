// What the Send and Wait end-to-end tests share (plain n8n and queue mode): a workflow
// Webhook → Wonotify Send and Wait for Response, started and waiting, with the answer links (and
// buttons) of the message the simulator received.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { webhookNode } from '../../scripts/bench/workflows.mjs';
import { withWonotifyCredential } from '../../scripts/lib/n8n-server.mjs';
import { INSTANCE, waitUntil } from './e2e-stack.mjs';

export const NODE = 'Ask on WhatsApp';

/** Saves and activates Webhook → Send and Wait, starts one execution and waits until it waits. */
export async function startWaiting(stack, parameters, { webhookBase = `${stack.n8n.url}/` } = {}) {
	const path = `saw-${randomUUID()}`;
	const workflow = withWonotifyCredential(
		{
			name: `e2e send and wait ${parameters.responseType}`,
			nodes: [
				webhookNode('Webhook', { path, responseMode: 'onReceived' }),
				{
					id: randomUUID(),
					name: NODE,
					type: 'n8n-nodes-wonotify.wonotify',
					typeVersion: 1,
					position: [260, 0],
					parameters: { resource: 'message', operation: 'sendAndWait', instanceId: INSTANCE, chatId: '919812345678', ...parameters },
				},
			],
			connections: { Webhook: { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
		},
		stack.credential,
	);
	const { client, sim } = stack;
	const { id: workflowId } = await client.createWorkflow(workflow);
	await client.activate(workflowId);
	const sendsBefore = sim.requestsTo('/send').length;
	const buttonSendsBefore = sim.requestsTo('/send_template').length;
	await waitUntil(async () => (await fetch(`${webhookBase}webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status !== 404, {
		what: 'the webhook to go live',
	});
	const [execution] = await waitUntil(async () => {
		const waiting = (await client.executions({ workflowId })).filter((e) => e.status === 'waiting');
		return waiting.length > 0 ? waiting : undefined;
	}, { what: 'the execution to wait', timeoutMs: 20_000 });
	// A question with quick-reply buttons (Buttons in the Chat) goes out through send_template.
	const sends = [...sim.requestsTo('/send').slice(sendsBefore), ...sim.requestsTo('/send_template').slice(buttonSendsBefore)];
	assert.equal(sends.length, 1, 'the question is sent once');
	const sent = sends[0].body;
	const text = typeof sent.message === 'string' ? sent.message : sent.message.text;
	const buttons = (typeof sent.message === 'string' ? [] : sent.message.interactiveButtons).map((button) => JSON.parse(button.buttonParamsJson));
	const links = Object.fromEntries([...text.matchAll(/^(.+): (http\S+)$/gm)].map(([, label, url]) => [label, url]));
	return { workflowId, executionId: execution.id, text, links, buttons, sendsBefore };
}

export async function finishedExecution(stack, executionId) {
	return await waitUntil(async () => {
		const execution = await stack.client.execution(executionId);
		return ['success', 'error', 'crashed'].includes(execution.status) ? execution : undefined;
	}, { what: `execution ${executionId} to finish`, timeoutMs: 90_000 });
}

export const outputOf = (execution) => execution.data.resultData.runData[NODE].at(-1).data.main[0][0].json;
export const statusOf = async (stack, executionId) => (await stack.client.execution(executionId)).status;
