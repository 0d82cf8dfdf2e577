// Incoming media in a real n8n: the media example (Wonotify Trigger with Download Media on)
// active, a photo and a voice note sent by the simulator encrypted as WhatsApp does it, and
// the file n8n stored (read back through n8n's own binary-data endpoint) compared byte for
// byte with the original; then the same through the Download Media operation.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { executionError, nodeOutput } from '../../scripts/lib/n8n-rest.mjs';
import { packageRoot, withSimulatorMediaHost, withWonotifyCredential } from '../../scripts/lib/n8n-server.mjs';
import { ACCESS_TOKEN, INSTANCE, startStack, waitUntil } from './stack.mjs';

let stack;
before(async () => {
	stack = await startStack();
});
after(async () => {
	await stack?.stop();
});

/** The binary data a node stored for its first output item, as bytes from n8n's endpoint. */
async function storedFile(execution, nodeName, property = 'data') {
	const item = execution.data.resultData.runData[nodeName][0].data.main[0][0];
	const binary = item.binary?.[property];
	assert.ok(binary?.id, `${nodeName} stored no binary ${property}: ${JSON.stringify(item.json).slice(0, 300)}`);
	return { binary, bytes: await stack.client.binaryData(binary.id) };
}

/** Activates a workflow, sends each media kind, and returns the stored execution of each. */
async function executionsFor(workflow, kinds) {
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

describe('incoming media in a real n8n', () => {
	it('the media example stores a photo and a voice note byte for byte, and confirms them on WhatsApp', async () => {
		const example = JSON.parse(readFileSync(join(packageRoot, 'examples', 'media-reply.json'), 'utf8'));
		for (const { kind, plain, execution } of await executionsFor(example, ['image', 'voice'])) {
			assert.equal(execution.status, 'success', executionError(execution));
			const { binary, bytes } = await storedFile(execution, 'Wonotify Trigger');
			assert.ok(bytes.equals(plain), `${kind}: the stored file differs from the original`);
			assert.equal(binary.mimeType, kind === 'image' ? 'image/jpeg' : 'audio/ogg');
			assert.match(binary.fileName, kind === 'image' ? /^image-3A\w+\.jpg$/ : /^voice-3A\w+\.ogg$/);
			const [reply] = nodeOutput(execution, 'Confirm the File');
			assert.equal(reply.chatId, '919812345678@s.whatsapp.net');
			const confirmation = `Thanks Ravi, I got your ${kind}: ${binary.fileName} (`;
			assert.ok(stack.sim.requestsTo('/send').some((request) => request.body.message.startsWith(confirmation)), confirmation);
		}
	});

	it('the Download Media operation does the same for a trigger item without the file', async () => {
		const workflow = {
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
		for (const { kind, plain, execution } of await executionsFor(workflow, ['voice', 'image'])) {
			assert.equal(execution.status, 'success', executionError(execution));
			assert.equal(execution.data.resultData.runData['Wonotify Trigger'][0].data.main[0][0].binary, undefined);
			const { bytes } = await storedFile(execution, 'Download Media');
			assert.ok(bytes.equals(plain), `${kind}: the downloaded file differs from the original`);
			assert.equal(nodeOutput(execution, 'Download Media')[0].type, kind);
		}
	});

	it('the access token stays out of n8n’s log', () => {
		assert.ok(!stack.allLogs().includes(ACCESS_TOKEN));
	});
});
