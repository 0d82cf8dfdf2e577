// Every operation of the Wonotify node in a saved, active workflow (Webhook → Wonotify),
// executed by the real n8n; the output is read from n8n's answer and from its stored execution.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';

import { nodeOutput } from '../../scripts/lib/n8n-rest.mjs';
import { ACCESS_TOKEN, INSTANCE, waitUntil } from './e2e-stack.mjs';
import { withWonotifyCredential } from '../../scripts/lib/n8n-server.mjs';

/**
 * Saves and activates Webhook → Wonotify(parameters), calls it, returns the node's output.
 * webhookUrl: where production webhooks are served (queue mode: the webhook processor).
 */
export async function runOperation(stack, parameters, { onError, webhookUrl = `${stack.n8n.url}/` } = {}) {
	const path = `e2e-${randomUUID()}`;
	const workflow = withWonotifyCredential(
		{
			name: `e2e ${parameters.resource} ${parameters.operation}`,
			nodes: [
				{
					id: randomUUID(),
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: randomUUID(),
					parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
				},
				{
					id: randomUUID(),
					name: 'Wonotify',
					type: 'n8n-nodes-wonotify.wonotify',
					typeVersion: 1,
					position: [260, 0],
					parameters: { instanceId: INSTANCE, ...parameters },
					...(onError ? { onError } : {}),
				},
			],
			connections: { Webhook: { main: [[{ node: 'Wonotify', type: 'main', index: 0 }]] } },
		},
		stack.credential,
	);
	const { client } = stack;
	const created = await client.createWorkflow(workflow);
	await client.activate(created.id);
	// A just-activated production webhook answers 404 for a moment.
	const response = await waitUntil(
		async () => {
			const answer = await fetch(`${webhookUrl}webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
			return answer.status === 404 ? undefined : answer;
		},
		{ what: `webhook ${path}` },
	);
	// With the item on the error output, n8n's answer for "last node" may not be JSON.
	const text = await response.text();
	const answered = (() => {
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	})();
	const [stored] = await client.waitForExecutions(created.id);
	const execution = await client.execution(stored.id);
	await client.deactivate(created.id);
	return { status: response.status, answered, execution, output: nodeOutput(execution, 'Wonotify') };
}

/** smoke: only what the n8n 1.x smoke run needs (Send Text, the two ways to continue past failures). */
export function actionSuite(getStack, { smoke = false } = {}) {
	const more = smoke ? () => {} : it;
	describe('Wonotify node in a real n8n', () => {
		const sent = () => getStack().sim.getInstance(INSTANCE).sent;
		const extraInstance = (connected = true) => getStack().sim.addInstance({ token: ACCESS_TOKEN, connected }).id;

		it('Message → Send Text', async () => {
			const { status, answered, output, execution } = await runOperation(getStack(), {
				resource: 'message',
				operation: 'sendText',
				chatId: '+91 98765-43210',
				message: 'Hello from n8n',
			});
			assert.equal(status, 200);
			assert.equal(execution.status, 'success');
			assert.equal(output.length, 1);
			assert.equal(output[0].messageId, sent().at(-1).key.id);
			assert.equal(output[0].chatId, '919876543210@s.whatsapp.net');
			assert.deepEqual(answered.map((item) => item.messageId), [output[0].messageId]);
		});

		more('Message → Send Media', async () => {
			const { output } = await runOperation(getStack(), {
				resource: 'message',
				operation: 'sendMedia',
				chatId: '919876543210',
				mediaUrl: 'https://example.com/brochure.pdf',
				caption: 'Brochure',
				fileName: 'brochure.pdf',
			});
			assert.equal(output[0].messageId, sent().at(-1).key.id);
			assert.equal(getStack().sim.requestsTo('/send').at(-1).body.filename, 'brochure.pdf');
		});

		more('Message → Send Buttons', async () => {
			const { output } = await runOperation(getStack(), {
				resource: 'message',
				operation: 'sendButtons',
				chatId: '919876543210',
				message: 'Pick one',
				buttonsInput: 'fields',
				buttons: { button: [{ type: 'quick_reply', displayText: 'Yes', id: 'yes' }, { type: 'cta_url', displayText: 'Shop', url: 'https://example.com' }] },
			});
			assert.equal(output[0].messageId, sent().at(-1).key.id);
			const buttons = getStack().sim.requestsTo('/send_template').at(-1).body.message.interactiveButtons;
			assert.deepEqual(buttons.map((button) => typeof button.buttonParamsJson), ['string', 'string']);
		});

		more('Message → Send Template Buttons', async () => {
			const { output } = await runOperation(getStack(), {
				resource: 'message',
				operation: 'sendTemplate',
				chatId: '919876543210',
				message: 'Choose',
				templateButtonsInput: 'fields',
				templateButtons: { button: [{ type: 'quick_reply', displayText: 'Yes', id: 'y' }] },
			});
			assert.equal(output[0].messageId, sent().at(-1).key.id);
			assert.equal(getStack().sim.requestsTo('/send_template').at(-1).body.type, 'template');
		});

		more('Message → Send List', async () => {
			const { output } = await runOperation(getStack(), {
				resource: 'message',
				operation: 'sendList',
				chatId: '919876543210',
				message: 'Menu',
				buttonText: 'Open',
				rowsInput: 'fields',
				rows: { row: [{ title: 'Pizza', rowId: 'pizza', section: 'Food' }] },
			});
			assert.equal(output[0].messageId, sent().at(-1).key.id);
			assert.equal(getStack().sim.requestsTo('/send_template').at(-1).body.type, 'list');
		});

		more('Group → Send Text and Send Media', async () => {
			const groupId = '120363023285171234@g.us';
			const text = await runOperation(getStack(), { resource: 'group', operation: 'sendText', groupId, message: 'Team' });
			assert.equal(text.output[0].groupId, groupId);
			assert.equal(getStack().sim.requestsTo('/send_group').at(-1).query.group_id, groupId);
			const media = await runOperation(getStack(), { resource: 'group', operation: 'sendMedia', groupId, mediaUrl: 'https://example.com/a.jpg' });
			assert.equal(media.output[0].messageId, sent().at(-1).key.id);
		});

		more('Instance → Create', async () => {
			const { output } = await runOperation(getStack(), { resource: 'instance', operation: 'create' });
			assert.match(output[0].instanceId, /^[0-9A-F]{13}$/);
			assert.ok(getStack().sim.getInstance(output[0].instanceId));
		});

		more('Instance → Get QR Code, with the PNG in a binary field', async () => {
			const id = extraInstance(false);
			const { output, execution } = await runOperation(getStack(), { resource: 'instance', operation: 'getQrCode', instanceId: id, asImage: true });
			assert.match(output[0].qrCode, /^data:image\/png;base64,/);
			const binary = execution.data.resultData.runData.Wonotify[0].data.main[0][0].binary.data;
			assert.equal(binary.mimeType, 'image/png');
			assert.equal(binary.fileName, `wonotify-qr-${id}.png`);
		});

		for (const operation of ['reboot', 'reconnect', 'logout', 'reset']) {
			more(`Instance → ${operation}`, async () => {
				const id = extraInstance(true);
				const { output, execution } = await runOperation(getStack(), { resource: 'instance', operation, instanceId: id });
				assert.equal(execution.status, 'success');
				assert.equal(output[0].instanceId, id);
				assert.equal(output[0].status, 'success');
			});
		}

		more('Instance → Set Webhook', async () => {
			const id = extraInstance(true);
			await runOperation(getStack(), {
				resource: 'instance',
				operation: 'setWebhook',
				instanceId: id,
				webhookUrl: 'https://n8n.example.com/webhook/x',
				enable: true,
			});
			assert.equal(getStack().sim.getInstance(id).webhookUrl, 'https://n8n.example.com/webhook/x');
		});

		it('a failing call with Continue On Fail gives an error item, without the token', async () => {
			getStack().sim.failNext('error', { path: '/send' });
			const { output, execution } = await runOperation(
				getStack(),
				{ resource: 'message', operation: 'sendText', chatId: '919876543210', message: 'x' },
				{ onError: 'continueRegularOutput' },
			);
			assert.equal(execution.status, 'success');
			assert.equal(output[0].error, 'Wonotify: Cannot connect to WhatsApp server. Please try again later');
			assert.ok(!JSON.stringify(execution).includes(ACCESS_TOKEN));
		});

		it('a failing call with "Continue (using error output)" goes to the error output, with the input item’s fields', async () => {
			getStack().sim.failNext('error', { path: '/send' });
			const { execution } = await runOperation(
				getStack(),
				{ resource: 'message', operation: 'sendText', chatId: '919876543210', message: 'x' },
				{ onError: 'continueErrorOutput' },
			);
			assert.equal(execution.status, 'success');
			assert.deepEqual(nodeOutput(execution, 'Wonotify'), []);
			const [failed, ...rest] = nodeOutput(execution, 'Wonotify', { output: 1 });
			assert.equal(rest.length, 0);
			assert.equal(failed.error, 'Wonotify: Cannot connect to WhatsApp server. Please try again later');
			assert.equal(failed.message, 'WhatsApp or Wonotify is having trouble. Try again in a few minutes.\n\nChat ID: 919876543210@s.whatsapp.net');
			// n8n adds the input item (the Webhook's request) to an item on the error output.
			assert.deepEqual(failed.body, {});
			assert.ok(!JSON.stringify(execution).includes(ACCESS_TOKEN));
		});

		more('a failing call without Continue On Fail fails the execution with a readable error, without the token', async () => {
			getStack().sim.failNext('nonJson', { path: '/reconnect' });
			const { execution } = await runOperation(getStack(), { resource: 'instance', operation: 'reconnect' });
			assert.equal(execution.status, 'error');
			assert.equal(execution.data.resultData.error.message, 'The Wonotify server did not answer with JSON');
			assert.ok(!JSON.stringify(execution).includes(ACCESS_TOKEN));
		});
	});
}
