// Sending files a workflow made (File Source "Binary File") in a real n8n, shared by the plain
// and the queue-mode tests: a Webhook takes a file as base64, n8n's Convert to File stores it
// (n8n's binary data: on disk, or in the database in queue mode), the Wonotify node sends it,
// and the simulator downloads n8n's signed link like the gateway: its SHA-256 must be the file's.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';

import { nodeOutput } from '../../scripts/lib/n8n-rest.mjs';
import { withWonotifyCredential } from '../../scripts/lib/n8n-server.mjs';
import { INSTANCE, waitUntil } from './e2e-stack.mjs';

/** A photo, a PDF and an Ogg voice note, with the first bytes of their formats. */
export const FILES = [
	{ name: 'chart.jpg', mime: 'image/jpeg', bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(40_000, 9), Buffer.from([0xff, 0xd9])]) },
	{ name: 'invoice 7.pdf', mime: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n') },
	{ name: 'reply.ogg', mime: 'audio/ogg', bytes: Buffer.concat([Buffer.from('OggS'), Buffer.alloc(20_000, 3)]) },
];

export const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Webhook (the file as base64) → Convert to File → Wonotify Send Media from the binary file. */
function sendFileWorkflow(path, resource) {
	const node = (name, type, typeVersion, x, parameters, extra = {}) => ({ id: randomUUID(), name, type, typeVersion, position: [x, 0], parameters, ...extra });
	return {
		name: `e2e send a file (${resource})`,
		nodes: [
			node('Webhook', 'n8n-nodes-base.webhook', 2, 0, { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} }, { webhookId: randomUUID() }),
			node('Make the File', 'n8n-nodes-base.convertToFile', 1.1, 260, {
				operation: 'toBinary',
				sourceProperty: 'body.file',
				options: { fileName: '={{ $json.body.name }}', mimeType: '={{ $json.body.mime }}' },
			}),
			node('Send the File', 'n8n-nodes-wonotify.wonotify', 1, 520, {
				resource,
				operation: 'sendMedia',
				instanceId: INSTANCE,
				...(resource === 'group' ? { groupId: '120363023285171234@g.us' } : { chatId: '919812345678' }),
				fileSource: 'binary',
				binaryPropertyName: 'data',
				caption: '={{ $("Webhook").item.json.body.name }}',
				options: {},
			}),
		],
		connections: {
			Webhook: { main: [[{ node: 'Make the File', type: 'main', index: 0 }]] },
			'Make the File': { main: [[{ node: 'Send the File', type: 'main', index: 0 }]] },
		},
	};
}

/**
 * Activates the workflow, posts each file to its webhook at `webhookUrl` and returns, per
 * file, the Send the File output and what the simulator downloaded for it.
 */
export async function sendFiles(stack, { webhookUrl = `${stack.n8n.url}/`, resource = 'message', files = FILES } = {}) {
	const { client, sim } = stack;
	const path = `e2e-file-${randomUUID()}`;
	const created = await client.createWorkflow(withWonotifyCredential(sendFileWorkflow(path, resource), stack.credential));
	await client.activate(created.id);
	const results = [];
	try {
		for (const [index, file] of files.entries()) {
			const body = JSON.stringify({ file: file.bytes.toString('base64'), name: file.name, mime: file.mime });
			const response = await waitUntil(async () => {
				const answer = await fetch(`${webhookUrl}webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
				// A just-activated production webhook answers 404 for a moment.
				return answer.status === 404 ? undefined : answer;
			}, { what: `webhook ${path}` });
			assert.equal(response.status, 200, await response.text());
			const done = await client.waitForExecutions(created.id, { count: index + 1, timeoutMs: 30_000 });
			const newest = done.reduce((a, b) => (Number(a.id) > Number(b.id) ? a : b));
			const execution = await client.execution(newest.id);
			const [output] = nodeOutput(execution, 'Send the File');
			const sent = sim.getInstance(INSTANCE).sent.find((entry) => entry.key.id === output?.messageId);
			results.push({ file, execution, output, sent });
		}
	} finally {
		await client.deactivate(created.id);
	}
	return results;
}

/** Each file reached the gateway byte for byte (size and SHA-256), with its name and type. */
export function assertReceivedByteForByte(results, n8nAddress) {
	for (const { file, execution, output, sent } of results) {
		assert.equal(execution.status, 'success', JSON.stringify(execution.data.resultData.error ?? {}).slice(0, 500));
		assert.ok(sent, `${file.name}: the simulator recorded no message ${output?.messageId}`);
		assert.deepEqual(
			{ ok: sent.media?.ok, size: sent.media?.size, sha256: sent.media?.sha256, contentType: sent.media?.contentType, fileName: sent.media?.fileName },
			{ ok: true, size: file.bytes.length, sha256: sha256(file.bytes), contentType: file.mime, fileName: file.name },
			`${file.name}: the gateway did not get the workflow's file`,
		);
		assert.ok(sent.media.url.startsWith(`${n8nAddress}rest/binary-data/signed?token=`), sent.media.url);
		assert.match(output.warning, /local or private address/);
	}
}
