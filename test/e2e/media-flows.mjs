// What the media end-to-end tests share (plain n8n and queue mode): a workflow that starts
// on incoming media, run against the simulator, and the files n8n stored, read back through
// n8n's own binary-data endpoint.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { packageRoot, withSimulatorMediaHost, withWonotifyCredential } from '../../scripts/lib/n8n-server.mjs';
import { INSTANCE, waitUntil } from './e2e-stack.mjs';

/** The media example: Download Media on in the trigger, a confirmation on WhatsApp. */
export function mediaExample() {
	return JSON.parse(readFileSync(join(packageRoot, 'examples', 'media-reply.json'), 'utf8'));
}

/** Wonotify Trigger without the option → Wonotify Download Media. */
export function downloadLaterWorkflow() {
	return {
		name: 'e2e download media later',
		nodes: [
			{
				id: randomUUID(),
				name: 'Wonotify Trigger',
				type: 'n8n-nodes-wonotify.wonotifyTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { events: ['messageReceived'], simplify: true, options: {} },
			},
			{
				id: randomUUID(),
				name: 'Download Media',
				type: 'n8n-nodes-wonotify.wonotify',
				typeVersion: 1,
				position: [260, 0],
				parameters: {
					resource: 'message',
					operation: 'downloadMedia',
					incomingMessage: '={{ $json }}',
					binaryPropertyName: 'data',
					options: { allowedMediaHosts: '127.0.0.1:5680' },
				},
			},
		],
		connections: { 'Wonotify Trigger': { main: [[{ node: 'Download Media', type: 'main', index: 0 }]] } },
	};
}

/**
 * Wonotify Trigger with Download Media on → n8n's Crypto node hashing the file (SHA-256, hex,
 * into `sha256`): proves which bytes the next node got, where n8n's binary-data endpoint
 * cannot serve a file (queue mode keeps a trigger's files in the database under a temporary
 * execution that the endpoint refuses).
 */
export function hashedDownloadWorkflow() {
	return {
		name: 'e2e download media and hash it',
		nodes: [
			{ ...mediaExample().nodes[0], id: randomUUID(), webhookId: randomUUID() },
			{
				id: randomUUID(),
				name: 'File SHA-256',
				type: 'n8n-nodes-base.crypto',
				typeVersion: 2,
				position: [260, 0],
				parameters: { action: 'hash', type: 'SHA256', binaryData: true, binaryPropertyName: 'data', dataPropertyName: 'sha256', encoding: 'hex' },
			},
		],
		connections: { 'Wonotify Trigger': { main: [[{ node: 'File SHA-256', type: 'main', index: 0 }]] } },
	};
}

/**
 * The binary data a node stored for its first output item, as bytes from n8n's endpoint (or,
 * with n8n 1.x's default binary mode, from the execution itself, where the file is kept inline).
 */
export async function storedFile(stack, execution, nodeName, property = 'data') {
	const item = execution.data.resultData.runData[nodeName][0].data.main[0][0];
	const binary = item.binary?.[property];
	assert.ok(binary?.id || binary?.data, `${nodeName} stored no binary ${property}: ${JSON.stringify(item.json).slice(0, 300)}`);
	return { binary, bytes: binary.id ? await stack.client.binaryData(binary.id) : Buffer.from(binary.data, 'base64') };
}

/** Activates a workflow, sends each media kind, and returns the stored execution of each. */
export async function mediaExecutions(stack, workflow, kinds) {
	const { client, sim } = stack;
	// This stack's credential has no Default Instance ID: the nodes name the instance.
	const withInstance = {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type.startsWith('n8n-nodes-wonotify.') ? { ...node, parameters: { ...node.parameters, instanceId: INSTANCE } } : node,
		),
	};
	const created = await client.createWorkflow(withSimulatorMediaHost(withWonotifyCredential(withInstance, stack.credential), sim.url));
	await client.activate(created.id);
	const results = [];
	try {
		for (const [index, kind] of kinds.entries()) {
			const delivery = await waitUntil(async () => {
				const answer = await sim.emitIncomingMedia(INSTANCE, { from: '919812345678', kind, pushName: 'Ravi' });
				// A just-activated production webhook answers 404 for a moment.
				return answer?.status === 404 ? undefined : answer;
			}, { what: 'the trigger to take the event' });
			assert.equal(delivery.status, 200);
			const done = await client.waitForExecutions(created.id, { count: index + 1, timeoutMs: 30_000 });
			const newest = done.reduce((a, b) => (Number(a.id) > Number(b.id) ? a : b));
			const plain = sim.media.list().at(-1).plain;
			results.push({ kind, plain, execution: await client.execution(newest.id) });
		}
	} finally {
		await client.deactivate(created.id);
	}
	return results;
}
