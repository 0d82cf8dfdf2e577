// Every operation of the Wonotify node, run by n8n's engine against the simulator: what goes
// over the wire and what comes out of the node.
// Test code, never shipped: a stand-in gateway needs an HTTP server.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Wonotify } from '../../nodes/Wonotify/Wonotify.node';
import { runWonotifyNode } from './n8n-engine';
import { credentialsFor, SEEDED_INSTANCE, SEEDED_TOKEN, useSimulator } from './simulator-setup';

const ctx = useSimulator();
const INSTANCE = SEEDED_INSTANCE.id;

async function run(parameters: Record<string, unknown>, items?: Array<{ json: Record<string, unknown> }>) {
	const result = await runWonotifyNode({
		parameters: { instanceId: INSTANCE, ...parameters } as never,
		credentials: credentialsFor(ctx.sim),
		items: items as never,
	});
	if (result.error) throw result.error;
	return result.items;
}

/**
 * A stand-in gateway that answers every request with `answer`: for the gateway's wordings the
 * simulator does not produce (it answers Reconnect on any unconnected instance with the
 * documented `relogin: true`).
 */
async function withGatewayAnswering<T>(answer: object, use: (baseUrl: string) => Promise<T>): Promise<T> {
	const server = createServer((_req, res) => {
		res.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8' });
		res.end(JSON.stringify(answer));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api`);
	} finally {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	}
}

const onlyRequest = (path: string) => {
	const requests = ctx.sim.requestsTo(path);
	expect(requests).toHaveLength(1);
	return requests[0] as { method: string; query: Record<string, string>; body: Record<string, unknown> };
};

describe('Message → Send Text', () => {
	test.each([
		['+91 98765-43210'],
		['0091 (98765) 43210'],
		['919876543210@s.whatsapp.net'],
		['919876543210@c.us'],
	])('normalises %s and returns a reply-ready item', async (chatId) => {
		const [item] = await run({ resource: 'message', operation: 'sendText', chatId, message: 'Hello' });
		const request = onlyRequest('/send');
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({
			instance_id: INSTANCE,
			access_token: SEEDED_TOKEN,
			number: '919876543210',
			type: 'text',
			message: 'Hello',
		});
		const sent = ctx.sim.getInstance(INSTANCE).sent;
		expect(item.json).toMatchObject({
			messageId: sent[0].key.id,
			chatId: '919876543210@s.whatsapp.net',
			phoneNumber: '919876543210',
			// WhatsApp's own state of the message as the gateway reports it (the simulator: PENDING).
			status: 'pending',
			instanceId: INSTANCE,
		});
		// The token travels in the JSON body only, out of the URL that proxies and access logs keep.
		expect(request.query.access_token).toBeUndefined();
		expect(new Date(item.json.timestamp as string).toISOString()).toBe(item.json.timestamp);
		expect(item.json.response).toMatchObject({ status: 'success' });
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	test("a group's chat ID (as the trigger gives it) goes to the group", async () => {
		const [item] = await run({ resource: 'message', operation: 'sendText', chatId: '120363041234567890@g.us', message: 'Hi all' });
		expect(onlyRequest('/send_group').query.group_id).toBe('120363041234567890@g.us');
		expect(ctx.sim.requestsTo('/send')).toHaveLength(0);
		expect(item.json).toMatchObject({ chatId: '120363041234567890@g.us', groupId: '120363041234567890@g.us' });
	});

	test('uses the credential default Instance ID when the node leaves it empty', async () => {
		const result = await runWonotifyNode({
			parameters: { resource: 'message', operation: 'sendText', instanceId: '', chatId: '919876543210', message: 'Hi' },
			credentials: credentialsFor(ctx.sim, { instanceId: INSTANCE }),
		});
		expect(result.error).toBeUndefined();
		expect(onlyRequest('/send').body.instance_id).toBe(INSTANCE);
	});

	test.each([['098765 43210'], ['9876543210']])(
		"a national number (%s) gets the credential's Default Country Code",
		async (chatId) => {
			const result = await runWonotifyNode({
				parameters: { resource: 'message', operation: 'sendText', instanceId: INSTANCE, chatId, message: 'Hi' },
				credentials: credentialsFor(ctx.sim, { defaultCountryCode: '91' }),
			});
			expect(result.error).toBeUndefined();
			expect(onlyRequest('/send').body.number).toBe('919876543210');
			expect(result.items[0].json).toMatchObject({ phoneNumber: '919876543210', chatId: '919876543210@s.whatsapp.net' });
		},
	);

	test('sends one message per input item, with expressions resolved per item, in order', async () => {
		const items = ['111', '222', '333'].map((suffix) => ({ json: { phone: `+4915112345${suffix}`, name: `N${suffix}` } }));
		const output = await run(
			{ resource: 'message', operation: 'sendText', chatId: '={{ $json.phone }}', message: '=Hi {{ $json.name }}' },
			items,
		);
		expect(ctx.sim.requestsTo('/send').map((r) => (r.body as Record<string, string>).message)).toEqual([
			'Hi N111',
			'Hi N222',
			'Hi N333',
		]);
		expect(output.map((item) => item.json.phoneNumber)).toEqual(['4915112345111', '4915112345222', '4915112345333']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(new Set(output.map((item) => item.json.messageId)).size).toBe(3);
	});

	test('waits the Delay Between Messages between two sends', async () => {
		// Checked against when the run began, not between arrivals: a late first request on a
		// busy machine makes a short gap, yet the nth send still starts n delays after the start.
		const began = Date.now();
		await run(
			{ resource: 'message', operation: 'sendText', chatId: '919876543210', message: 'x', options: { delaySeconds: 0.3 } },
			[{ json: {} }, { json: {} }, { json: {} }],
		);
		const times = ctx.sim.requestsTo('/send').map((r) => r.at - began);
		expect(times).toHaveLength(3);
		// A few ms of slack: timers round to the millisecond.
		times.forEach((at, n) => expect(at).toBeGreaterThanOrEqual(n * 300 - 5));
	});
});

describe('Message → Send Media', () => {
	test('sends URL, caption and file name', async () => {
		const [item] = await run({
			resource: 'message',
			operation: 'sendMedia',
			chatId: '919876543210',
			mediaUrl: 'https://example.com/files/invoice.pdf',
			caption: 'Your invoice',
			fileName: 'invoice-42.pdf',
		});
		expect(onlyRequest('/send').body).toMatchObject({
			type: 'media',
			media_url: 'https://example.com/files/invoice.pdf',
			message: 'Your invoice',
			filename: 'invoice-42.pdf',
			number: '919876543210',
		});
		expect(item.json.messageId).toBe(ctx.sim.getInstance(INSTANCE).sent[0].key.id);
	});
});

describe('Group', () => {
	const GROUP = '120363023285171234@g.us';

	test('Send Text puts group_id in the query string and the body, and the token in the body only', async () => {
		const [item] = await run({ resource: 'group', operation: 'sendText', groupId: GROUP, message: 'Team update' });
		const request = onlyRequest('/send_group');
		expect(request.query).toEqual({ group_id: GROUP });
		expect(request.body).toMatchObject({ group_id: GROUP, type: 'text', message: 'Team update', access_token: SEEDED_TOKEN });
		expect(item.json).toMatchObject({ chatId: GROUP, groupId: GROUP, status: 'pending' });
		expect(item.json.messageId).toBe(ctx.sim.getInstance(INSTANCE).sent[0].key.id);
	});

	test('Send Media', async () => {
		await run({
			resource: 'group',
			operation: 'sendMedia',
			groupId: GROUP,
			mediaUrl: 'https://example.com/photo.jpg',
			caption: 'Photo',
		});
		expect(onlyRequest('/send_group').body).toMatchObject({ type: 'media', media_url: 'https://example.com/photo.jpg' });
	});
});

describe('Message → Send Buttons', () => {
	const buttons = {
		button: [
			{ type: 'quick_reply', displayText: 'Yes', id: 'yes' },
			{ type: 'cta_url', displayText: 'Shop', url: 'https://example.com/shop' },
			{ type: 'cta_call', displayText: 'Call us', phoneNumber: '+1 234 567 890' },
			{ type: 'cta_copy', displayText: 'Copy code', copyCode: 'PROMO2024' },
		],
	};

	test('builds interactive buttons with buttonParamsJson as JSON strings', async () => {
		const [item] = await run({
			resource: 'message',
			operation: 'sendButtons',
			chatId: '919876543210',
			message: 'Pick one',
			buttonsInput: 'fields',
			buttons,
			additionalFields: { title: 'Offer', footer: 'Reply any time' },
		});
		const request = onlyRequest('/send_template');
		// send_template is documented with instance_id and access_token in the query string.
		expect(request.query).toMatchObject({ instance_id: INSTANCE, access_token: SEEDED_TOKEN });
		expect(request.body).toMatchObject({ number: '919876543210', type: 'interactive' });
		const message = request.body.message as { text: string; title: string; footer: string; interactiveButtons: Array<{ name: string; buttonParamsJson: unknown }> };
		expect(message).toMatchObject({ text: 'Pick one', title: 'Offer', footer: 'Reply any time' });
		expect(message.interactiveButtons.map((b) => b.name)).toEqual(['quick_reply', 'cta_url', 'cta_call', 'cta_copy']);
		for (const button of message.interactiveButtons) expect(typeof button.buttonParamsJson).toBe('string');
		expect(message.interactiveButtons.map((b) => JSON.parse(b.buttonParamsJson as string))).toEqual([
			{ display_text: 'Yes', id: 'yes' },
			{ display_text: 'Shop', url: 'https://example.com/shop' },
			{ display_text: 'Call us', phone_number: '+1234567890' },
			{ display_text: 'Copy code', copy_code: 'PROMO2024' },
		]);
		expect(item.json.messageId).toBe(ctx.sim.getInstance(INSTANCE).sent[0].key.id);
	});

	test('JSON mode stringifies buttonParamsJson objects', async () => {
		await run({
			resource: 'message',
			operation: 'sendButtons',
			chatId: '919876543210',
			message: 'Pick one',
			buttonsInput: 'json',
			buttonsJson: JSON.stringify([{ name: 'quick_reply', buttonParamsJson: { display_text: 'OK', id: 'ok' } }]),
		});
		const message = onlyRequest('/send_template').body.message as { interactiveButtons: Array<{ buttonParamsJson: unknown }> };
		expect(message.interactiveButtons[0].buttonParamsJson).toBe('{"display_text":"OK","id":"ok"}');
	});

	test('text fallback "append" adds the numbered choices to the text', async () => {
		await run({
			resource: 'message',
			operation: 'sendButtons',
			chatId: '919876543210',
			message: 'Pick one',
			buttonsInput: 'fields',
			buttons,
			options: { textFallback: 'append' },
		});
		const text = (onlyRequest('/send_template').body.message as { text: string }).text;
		expect(text).toMatch(/^Pick one\n/);
		expect(text).toContain('1. Yes');
		expect(text).toContain('https://example.com/shop');
	});

	test('text fallback "textOnly" sends a plain text message instead', async () => {
		const [item] = await run({
			resource: 'message',
			operation: 'sendButtons',
			chatId: '919876543210',
			message: 'Pick one',
			buttonsInput: 'fields',
			buttons,
			options: { textFallback: 'textOnly' },
		});
		expect(ctx.sim.requestsTo('/send_template')).toHaveLength(0);
		const body = onlyRequest('/send').body;
		expect(body.type).toBe('text');
		expect(body.message).toContain('1. Yes');
		expect(item.json.messageId).toBe(ctx.sim.getInstance(INSTANCE).sent[0].key.id);
	});
});

describe('Message → Send Template Buttons', () => {
	test('builds templateButtons with index and typed buttons', async () => {
		await run({
			resource: 'message',
			operation: 'sendTemplate',
			chatId: '919876543210',
			message: 'Choose',
			templateButtonsInput: 'fields',
			templateButtons: {
				button: [
					{ type: 'quick_reply', displayText: 'Yes', id: 'y' },
					{ type: 'cta_url', displayText: 'Site', url: 'https://example.com' },
				],
			},
			additionalFields: { footer: 'Footer' },
		});
		const body = onlyRequest('/send_template').body;
		expect(body.type).toBe('template');
		const message = body.message as { text: string; footer: string; templateButtons: Array<Record<string, unknown>> };
		expect(message.footer).toBe('Footer');
		expect(message.templateButtons[0]).toEqual({ index: 1, quickReplyButton: { displayText: 'Yes', id: 'y' } });
		expect(message.templateButtons[1]).toMatchObject({ index: 2, urlButton: { displayText: 'Site', url: 'https://example.com' } });
	});
});

describe('Message → Send List', () => {
	test('groups rows into sections by section title', async () => {
		await run({
			resource: 'message',
			operation: 'sendList',
			chatId: '919876543210',
			message: 'Our menu',
			buttonText: 'Open menu',
			rowsInput: 'fields',
			rows: {
				row: [
					{ title: 'Pizza', description: 'Large', rowId: 'pizza', section: 'Food' },
					{ title: 'Cola', rowId: 'cola', section: 'Drinks' },
					{ title: 'Pasta', rowId: 'pasta', section: 'Food' },
				],
			},
		});
		const body = onlyRequest('/send_template').body;
		expect(body.type).toBe('list');
		const message = body.message as { buttonText: string; sections: Array<{ title: string; rows: Array<{ rowId: string }> }> };
		expect(message.buttonText).toBe('Open menu');
		expect(message.sections.map((s) => [s.title, s.rows.map((r) => r.rowId)])).toEqual([
			['Food', ['pizza', 'pasta']],
			['Drinks', ['cola']],
		]);
	});
});

describe('Instance', () => {
	test('Create returns the new instance ID', async () => {
		const [item] = await run({ resource: 'instance', operation: 'create' });
		const request = onlyRequest('/create_instance');
		expect(request.method).toBe('POST');
		expect(request.body).toMatchObject({ access_token: SEEDED_TOKEN });
		expect(item.json.instanceId).toMatch(/^[0-9A-F]{13}$/);
		expect(ctx.sim.getInstance(item.json.instanceId as string)).toBeDefined();
	});

	test('Get QR Code returns the data URL and a PNG binary', async () => {
		const { id } = ctx.sim.addInstance({ token: SEEDED_TOKEN, connected: false });
		const [item] = await run({ resource: 'instance', operation: 'getQrCode', instanceId: id, asImage: true, binaryPropertyName: 'qr' });
		expect(onlyRequest('/get_qrcode').query).toMatchObject({ instance_id: id, access_token: SEEDED_TOKEN });
		expect(item.json.qrCode).toMatch(/^data:image\/png;base64,/);
		const binary = item.binary?.qr;
		expect(binary).toMatchObject({ mimeType: 'image/png', fileExtension: 'png', fileName: `wonotify-qr-${id}.png` });
		const png = Buffer.from(binary!.data, 'base64');
		expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	});

	test('Get QR Code without the image has no binary', async () => {
		const { id } = ctx.sim.addInstance({ token: SEEDED_TOKEN, connected: false });
		const [item] = await run({ resource: 'instance', operation: 'getQrCode', instanceId: id, asImage: false });
		expect(item.binary).toBeUndefined();
		expect(item.json.qrCode).toMatch(/^data:image\/png;base64,/);
	});

	test('Reconnect reports the connected account', async () => {
		const [item] = await run({ resource: 'instance', operation: 'reconnect' });
		expect(item.json).toMatchObject({
			instanceId: INSTANCE,
			status: 'success',
			connected: true,
			needsQrScan: false,
			phoneNumber: '919876543210',
			nextStep: null,
		});
	});

	test('Reconnect on a disconnected instance answers "not connected" as an item, to branch on', async () => {
		const { id } = ctx.sim.addInstance({ token: SEEDED_TOKEN, connected: false });
		const [item] = await run({ resource: 'instance', operation: 'reconnect', instanceId: id });
		expect(item.json).toMatchObject({
			instanceId: id,
			status: 'notConnected',
			connected: false,
			needsQrScan: true,
			phoneNumber: null,
			nextStep: expect.stringMatching(/Get QR Code/),
			response: { status: 'error', relogin: true },
		});
	});

	test('Reconnect after Log Out answers "not connected" too', async () => {
		await run({ resource: 'instance', operation: 'logout' });
		const [item] = await run({ resource: 'instance', operation: 'reconnect' });
		expect(item.json).toMatchObject({ instanceId: INSTANCE, status: 'notConnected', connected: false, needsQrScan: true });
	});

	test.each([
		['never scanned', 'This instance ID has not been activated yet'],
		['logged out', 'This account seems to have logged out before.'],
		['session ended', 'This WhatsApp account relogin required'],
	])('Reconnect answered in words (%s) is "not connected" too, as the error advice reads it', async (_label, said) => {
		const result = await withGatewayAnswering({ status: 'error', message: said }, async (baseUrl) =>
			runWonotifyNode({
				parameters: { resource: 'instance', operation: 'reconnect', instanceId: INSTANCE },
				credentials: credentialsFor(ctx.sim, { baseUrl }),
			}),
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			status: 'notConnected',
			connected: false,
			needsQrScan: true,
			nextStep: expect.stringMatching(/Get QR Code/),
			response: { status: 'error', message: said },
		});
	});

	test('Reconnect still fails on other gateway errors', async () => {
		const result = await runWonotifyNode({
			parameters: { resource: 'instance', operation: 'reconnect', instanceId: 'AAAAAAAAAAAAA' },
			credentials: credentialsFor(ctx.sim),
		});
		expect((result.error as unknown as { message: string }).message).toBe('Wonotify: Instance ID Invalidated');
	});

	test('Reboot succeeds', async () => {
		const [rebooted] = await run({ resource: 'instance', operation: 'reboot' });
		expect(rebooted.json).toMatchObject({ instanceId: INSTANCE, status: 'success' });
		expect(onlyRequest('/reboot').query).toMatchObject({ instance_id: INSTANCE });
	});

	test('Log Out succeeds although the gateway answers in plain text', async () => {
		const [loggedOut] = await run({ resource: 'instance', operation: 'logout' });
		expect(loggedOut.json).toMatchObject({ instanceId: INSTANCE, status: 'success', alreadyLoggedOut: false, message: 'Success' });
		expect(ctx.sim.getInstance(INSTANCE).connected).toBe(false);
	});

	test('Log Out of an instance already logged out succeeds and says so', async () => {
		await run({ resource: 'instance', operation: 'logout' });
		const [again] = await run({ resource: 'instance', operation: 'logout' });
		expect(again.json).toMatchObject({
			instanceId: INSTANCE,
			status: 'success',
			alreadyLoggedOut: true,
			message: 'This account seems to have logged out before.',
		});
	});

	test('the Log Out operation is named in n8n\'s verb style', () => {
		const operations = new Wonotify().description.properties.find(
			(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes('instance'),
		)?.options as Array<{ name: string; value: string; action: string }>;
		expect(operations.find((option) => option.value === 'logout')).toMatchObject({ name: 'Log Out', action: 'Log out an instance' });
	});

	test('Reset removes the instance', async () => {
		const [item] = await run({ resource: 'instance', operation: 'reset' });
		expect(item.json).toMatchObject({ instanceId: INSTANCE, status: 'success' });
		expect(ctx.sim.getInstance(INSTANCE)).toBeUndefined();
	});

	test('Set Webhook stores the URL and the enable flag', async () => {
		const [item] = await run({
			resource: 'instance',
			operation: 'setWebhook',
			webhookUrl: 'https://n8n.example.com/webhook/abc/webhook',
			enable: true,
		});
		expect(item.json).toMatchObject({ enabled: true, webhookUrl: 'https://n8n.example.com/webhook/abc/webhook' });
		expect(ctx.sim.getInstance(INSTANCE)).toMatchObject({
			webhookUrl: 'https://n8n.example.com/webhook/abc/webhook',
			webhookEnabled: true,
		});
		await run({ resource: 'instance', operation: 'setWebhook', webhookUrl: 'https://n8n.example.com/x', enable: false });
		expect(ctx.sim.getInstance(INSTANCE).webhookEnabled).toBe(false);
	});

	test('Set Webhook turning events off without a URL outputs no URL (null), not the placeholder it sends', async () => {
		const [item] = await run({ resource: 'instance', operation: 'setWebhook', webhookUrl: '', enable: false });
		expect(item.json).toMatchObject({ instanceId: INSTANCE, status: 'success', enabled: false, webhookUrl: null });
		expect(JSON.stringify(item.json)).not.toContain('events-off.invalid');
		// The gateway still gets a valid URL, which it requires even with enable=false.
		expect(onlyRequest('/set_webhook').query).toMatchObject({ enable: 'false', webhook_url: 'https://events-off.invalid/' });
	});

	test('instance operations process every input item', async () => {
		const output = await run({ resource: 'instance', operation: 'reconnect' }, [{ json: {} }, { json: {} }, { json: {} }]);
		expect(output).toHaveLength(3);
		expect(ctx.sim.requestsTo('/reconnect')).toHaveLength(3);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});
