// The simulator's traps: each must behave like the contract says, or the integration tests
// that rely on it prove nothing.
// The n8n Cloud rules are for the shipped nodes; this test needs a real webhook receiver.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32 } from 'node:zlib';

import { SEEDED_INSTANCE, startSimulator } from '../../scripts/lib/simulator';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;

const TOKEN = 'test-token';
const INSTANCE = SEEDED_INSTANCE.id;

let sim: Simulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => {
	await sim.close();
});

async function get(path: string, query: Record<string, string> = {}) {
	const response = await fetch(`${sim.baseUrl}${path}?${new URLSearchParams(query)}`);
	return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

async function post(path: string, body: object, query: Record<string, string> = {}) {
	const response = await fetch(`${sim.baseUrl}${path}?${new URLSearchParams(query)}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	return JSON.parse(await response.text());
}

const own = { access_token: TOKEN, instance_id: INSTANCE };

/** The one message of a messages.upsert the webhook received, with the parts a tap or a reply has. */
interface DeliveredMessage {
	key: object;
	message: {
		interactiveResponseMessage: { nativeFlowResponseMessage: { paramsJson: string }; contextInfo: { stanzaId: string } };
		extendedTextMessage: unknown;
	};
}
const deliveredMessage = ({ body }: { body: unknown }): DeliveredMessage =>
	(body as { data: { data: { messages: DeliveredMessage[] } } }).data.data.messages[0];
const textTo = (number: string, message = 'Hello') => ({ ...own, number, type: 'text', message });

describe('Wonotify simulator', () => {
	test('checks the token before the instance, as the credential test expects', async () => {
		expect(JSON.parse((await get('/get_qrcode')).text).message).toBe('Access token is required');
		expect(JSON.parse((await get('/get_qrcode', { access_token: 'nope' })).text).message).toBe('Access token does not exist');
		expect(JSON.parse((await get('/get_qrcode', { access_token: TOKEN })).text).message).toBe('Instance ID is required');
		const other = sim.addInstance({ token: 'other-token' });
		expect(JSON.parse((await get('/reconnect', { ...own, instance_id: other.id })).text).message).toBe(
			'Instance ID Invalidated',
		);
	});

	test('get_qrcode answers a valid PNG, as JSON sent as text/html', async () => {
		const created = await post('/create_instance', { access_token: TOKEN });
		expect(created.instance_id).toMatch(/^[0-9A-F]{13}$/);
		const answer = await get('/get_qrcode', { access_token: TOKEN, instance_id: created.instance_id });
		expect(answer.contentType).toBe('text/html; charset=UTF-8');
		const png = Buffer.from(JSON.parse(answer.text).base64.replace('data:image/png;base64,', ''), 'base64');
		expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
		// Every chunk's CRC must match: a truncated or corrupted image would fail here.
		for (let offset = 8, chunks = 0; offset < png.length && chunks < 10; chunks++) {
			const length = png.readUInt32BE(offset);
			const typeAndData = png.subarray(offset + 4, offset + 8 + length);
			expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(typeAndData));
			offset += 12 + length;
		}
	});

	test('logout answers plain text, then an error the second time', async () => {
		const first = await get('/logout', own);
		expect(first).toEqual({ status: 200, contentType: 'text/html; charset=UTF-8', text: 'Success' });
		expect(JSON.parse((await get('/logout', own)).text)).toEqual({
			status: 'error',
			message: 'This account seems to have logged out before.',
		});
		expect(JSON.parse((await get('/reconnect', own)).text)).toEqual({ status: 'error', message: 'Error', relogin: true });
		expect((await post('/send', textTo('919812345678'))).message).toBe('This WhatsApp account relogin required');
	});

	test('send_group reads group_id from the query only; in the body alone it silently fails', async () => {
		const group = '120363023285171234@g.us';
		const body = { ...own, group_id: group, type: 'text', message: 'Hi all' };
		expect(await post('/send_group', body)).toEqual({ status: 'success' });
		const sent = await post('/send_group', body, { group_id: group });
		expect(sent.message.key).toEqual({ remoteJid: group, fromMe: true, id: expect.stringMatching(/^3EB0[0-9A-F]{16}$/) });
		expect(sim.getInstance(INSTANCE)?.sent).toHaveLength(1);
	});

	test('send_template with a buttonParamsJson object silently fails; with a JSON string it sends', async () => {
		const button = { name: 'quick_reply', buttonParamsJson: { display_text: 'Yes', id: 'yes' } };
		const message = { text: 'Confirm?', interactiveButtons: [button] };
		const query = { instance_id: INSTANCE };
		const body = { access_token: TOKEN, number: '919812345678', type: 'interactive' };
		expect(await post('/send_template', { ...body, message }, query)).toEqual({ status: 'success' });
		const fixed = { ...message, interactiveButtons: [{ ...button, buttonParamsJson: JSON.stringify(button.buttonParamsJson) }] };
		const sent = await post('/send_template', { ...body, message: fixed }, query);
		expect(sent.message.key.id).toMatch(/^3EB0/);
		expect(sent.message.message.interactiveMessage.body.text).toBe('Confirm?');
	});

	test('a message type outside the contract is an error naming it, not a made-up send', async () => {
		const location = { type: 'location', message: 'Shop', latitude: 12.97, longitude: 77.59 };
		expect(await post('/send', { ...own, number: '919812345678', ...location })).toEqual({
			status: 'error',
			message: expect.stringMatching(/^The simulator does not know the message type "location" of \/send \(it knows text, media\)/),
		});
		const group = '120363023285171234@g.us';
		expect((await post('/send_group', { ...own, ...location }, { group_id: group })).message).toMatch(/"location" of \/send_group/);
		const answer = await post('/send_template', { access_token: TOKEN, number: '919812345678', type: 'location', message: { text: 'Shop' } }, { instance_id: INSTANCE });
		expect(answer.message).toMatch(/^The simulator does not know the message type "location" of \/send_template \(it knows interactive, template, list\)/);
		expect(sim.getInstance(INSTANCE)?.sent).toHaveLength(0);
	});

	test('an exhausted quota answers "success" with the limit message and no key', async () => {
		sim.setQuota(1);
		expect((await post('/send', textTo('919812345678'))).message.key.id).toBeDefined();
		expect(await post('/send', textTo('919812345678'))).toEqual({
			status: 'success',
			message: 'The number of messages you have sent per month has exceeded the maximum limit',
		});
	});

	test('message IDs are unique and media kinds follow the URL extension', async () => {
		const ids = new Set<string>();
		for (let i = 0; i < 20; i++) ids.add((await post('/send', textTo('919812345678', `n${i}`))).message.key.id);
		expect(ids.size).toBe(20);
		const media = (url: string) => post('/send', { ...own, number: '919812345678', type: 'media', media_url: url, message: 'c' });
		expect(Object.keys((await media('https://e.com/a.JPG')).message.message)).toEqual(['imageMessage']);
		expect(Object.keys((await media('https://e.com/a.mp4')).message.message)).toEqual(['videoMessage']);
		expect((await media('https://e.com/files/bill.pdf?x=1')).message.message.documentMessage.fileName).toBe('bill.pdf');
	});

	describe('with a webhook receiver', () => {
		let receiver: Server;
		let received: Array<{ body: unknown; headers: IncomingMessage['headers'] }>;
		beforeEach(async () => {
			received = [];
			receiver = createServer((req, res) => {
				let text = '';
				req.on('data', (chunk) => (text += chunk));
				req.on('end', () => {
					received.push({ body: JSON.parse(text), headers: req.headers });
					res.end('ok');
				});
			});
			await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
			const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook/abc`;
			const saved = JSON.parse((await get('/set_webhook', { ...own, webhook_url: webhookUrl, enable: 'true' })).text);
			expect(saved).toEqual({ status: 'success', message: 'Webhook URI Saved' });
		});
		afterEach(async () => {
			await new Promise((resolve) => receiver.close(resolve));
		});

		test('a send is echoed to the webhook as an own "append" message', async () => {
			const sent = await post('/send', textTo('919812345678'));
			await sim.webhooksSettled();
			expect(received).toHaveLength(1);
			expect(received[0].headers['content-type']).toBe('application/json');
			expect(received[0].body).toEqual({
				instance_id: INSTANCE,
				data: {
					event: 'messages.upsert',
					data: {
						type: 'append',
						messages: [
							{
								key: sent.message.key,
								message: { extendedTextMessage: { text: 'Hello' } },
								messageTimestamp: Number(sent.message.messageTimestamp),
								status: 'PENDING',
							},
						],
					},
				},
			});
		});

		test('a tap on a button of the last message sent to the person, and a reply quoting it', async () => {
			const quickReply = (id: string, label: string) => ({ name: 'quick_reply', buttonParamsJson: JSON.stringify({ display_text: label, id }) });
			const question = await post('/send_template', {
				...own,
				number: '919812345678',
				type: 'interactive',
				message: { text: 'Refund?', interactiveButtons: [quickReply('yes-1', 'Approve'), quickReply('no-1', 'Disapprove')] },
			});
			expect(sim.snapshot().lastMessagesSent.at(-1)).toMatchObject({ id: question.message.key.id, buttons: ['Approve', 'Disapprove'] });
			await sim.webhooksSettled();
			received.length = 0;
			await sim.emitButtonTap(INSTANCE, { from: '919812345678', button: 'disapprove' });
			await sim.emitReply(INSTANCE, { from: '+91 98123 45678', text: 'Only half, please' });
			const [tap, reply] = received.map(deliveredMessage);
			expect(tap.key).toMatchObject({ remoteJid: '919812345678@s.whatsapp.net', fromMe: false });
			expect(JSON.parse(tap.message.interactiveResponseMessage.nativeFlowResponseMessage.paramsJson)).toEqual({ id: 'no-1', display_text: 'Disapprove' });
			expect(tap.message.interactiveResponseMessage.contextInfo.stanzaId).toBe(question.message.key.id);
			expect(reply.message.extendedTextMessage).toEqual({
				text: 'Only half, please',
				contextInfo: { stanzaId: question.message.key.id, participant: `${SEEDED_INSTANCE.phone}@s.whatsapp.net`, quotedMessage: question.message.message },
			});
		});

		test('a tap needs a message with that button; a copied button ID is tapped as given', async () => {
			await expect(sim.emitButtonTap(INSTANCE, { from: '919812345678' })).rejects.toThrow('sent no message to 919812345678@s.whatsapp.net');
			await post('/send', textTo('919812345678'));
			await expect(sim.emitButtonTap(INSTANCE, { from: '919812345678' })).rejects.toThrow('has no quick-reply buttons');
			await sim.webhooksSettled();
			received.length = 0;
			await sim.emitButtonTap(INSTANCE, { from: '447700900123', buttonId: 'copied-id', button: 'Approve' });
			const { message } = deliveredMessage(received[0]);
			expect(JSON.parse(message.interactiveResponseMessage.nativeFlowResponseMessage.paramsJson).id).toBe('copied-id');
		});

		test('emitIncomingText delivers a group message and reports the webhook answer', async () => {
			const result = await sim.emitIncomingText(INSTANCE, {
				from: '919812345678',
				text: 'Hi all',
				group: '120363041234567890@g.us',
				pushName: 'Ravi',
			});
			expect(result).toEqual({ status: 200, body: 'ok' });
			expect(received[0].body).toMatchObject({
				data: {
					event: 'messages.upsert',
					data: {
						type: 'notify',
						messages: [
							{
								key: { remoteJid: '120363041234567890@g.us', fromMe: false, participant: '919812345678@s.whatsapp.net' },
								pushName: 'Ravi',
								message: { conversation: 'Hi all' },
							},
						],
					},
				},
			});
		});
	});

	test('failNext nonJson answers an HTML page that echoes the access token', async () => {
		sim.failNext('nonJson', { path: 'reconnect' });
		const page = await get('/reconnect', own);
		expect(page.status).toBe(200);
		expect(page.text).toMatch(/^<html>/);
		expect(page.text).toContain(`access_token=${TOKEN}`);
		expect(JSON.parse((await get('/reconnect', own)).text).status).toBe('success');
	});

	test('close() releases a hanging request and leaves nothing running', async () => {
		sim.failNext('hang');
		const hanging = fetch(`${sim.baseUrl}/reconnect?${new URLSearchParams(own)}`);
		// Wait for the request to arrive (bounded), not for a fixed time.
		for (let tries = 0; tries < 200 && sim.requestsTo('/reconnect').length === 0; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
		expect(sim.requestsTo('/reconnect')).toHaveLength(1);
		const started = Date.now();
		await sim.close();
		await expect(hanging).rejects.toThrow();
		// Released, not left to a time-out: generous, as a busy machine is slow.
		expect(Date.now() - started).toBeLessThan(10_000);
	});
});
