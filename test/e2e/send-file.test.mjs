// Files a workflow made, sent from binary data in a real n8n (File Source "Binary File"): a
// photo, a PDF and an Ogg voice note reach the gateway byte for byte through n8n's signed
// link, to a phone number and to a group; the invoice example sends its file back.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { executionError, nodeOutput } from '../../scripts/lib/n8n-rest.mjs';
import { packageRoot, withWonotifyCredential } from '../../scripts/lib/n8n-server.mjs';
import { ACCESS_TOKEN, INSTANCE, waitUntil } from './e2e-stack.mjs';
import { startStack } from './e2e-stack.mjs';
import { FILES, assertReceivedByteForByte, sendFiles } from './send-file-flows.mjs';

let stack;
before(async () => {
	stack = await startStack();
});
after(async () => {
	await stack?.stop();
});

describe('sending a file from binary data in a real n8n', () => {
	it('Message → Send Media: a photo, a PDF and a voice note arrive byte for byte', async () => {
		assertReceivedByteForByte(await sendFiles(stack), `${stack.n8n.url}/`);
	});

	it('Group → Send Media: the same', async () => {
		const results = await sendFiles(stack, { resource: 'group', files: [FILES[1]] });
		assertReceivedByteForByte(results, `${stack.n8n.url}/`);
		assert.equal(results[0].sent.key.remoteJid, '120363023285171234@g.us');
	});

	it('the invoice example answers "invoice" with a file', async () => {
		const example = JSON.parse(readFileSync(join(packageRoot, 'examples', 'invoice-reply.json'), 'utf8'));
		const workflow = {
			...example,
			nodes: example.nodes.map((node) => (node.type.startsWith('n8n-nodes-wonotify.') ? { ...node, parameters: { ...node.parameters, instanceId: INSTANCE } } : node)),
		};
		const created = await stack.client.createWorkflow(withWonotifyCredential(workflow, stack.credential));
		await stack.client.activate(created.id);
		try {
			await waitUntil(async () => {
				const answer = await stack.sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'Can I have my Invoice?', pushName: 'Ravi' });
				return answer?.status === 404 ? undefined : answer;
			}, { what: 'the trigger to take the message' });
			const [stored] = await stack.client.waitForExecutions(created.id, { timeoutMs: 30_000 });
			const execution = await stack.client.execution(stored.id);
			assert.equal(execution.status, 'success', executionError(execution));
			const [output] = nodeOutput(execution, 'Send the Invoice');
			const sent = stack.sim.getInstance(INSTANCE).sent.find((entry) => entry.key.id === output.messageId);
			assert.equal(sent.key.remoteJid, '919812345678@s.whatsapp.net');
			assert.match(sent.media.fileName, /^invoice-\d{4}-\d{2}-\d{2}\.txt$/);
			assert.ok(sent.media.size > 50 && sent.media.contentType.startsWith('text/plain'), JSON.stringify(sent.media));
		} finally {
			await stack.client.deactivate(created.id);
		}
	});

	it('the access token and the links’ tokens stay out of n8n’s log', () => {
		const log = stack.allLogs();
		assert.ok(!log.includes(ACCESS_TOKEN));
		assert.ok(!/binary-data\/signed\?token=\w/.test(log));
	});
});
