// Bad input is caught before any request: the error names the field and the item, and the
// gateway sees nothing, not even for the valid items before the bad one.
import { onN8n1x } from './engine-under-test';
import { runWonotifyNode } from './n8n-engine';
import { credentialsFor, SEEDED_INSTANCE, useSimulator } from './simulator-setup';

const ctx = useSimulator();

const text = { resource: 'message', operation: 'sendText', message: 'Hi' };
const buttons = (button: unknown[]) => ({
	resource: 'message',
	operation: 'sendButtons',
	chatId: '919876543210',
	message: 'Pick',
	buttonsInput: 'fields',
	buttons: { button },
});

// The last column: the item the error names (2 where only the third item is bad, 0 where every item is).
const cases: Array<[string, Record<string, unknown>, RegExp, number]> = [
	['empty number', { ...text, chatId: '' }, /^Phone Number or Chat ID: is empty/, 2],
	['letters in the number', { ...text, chatId: 'call me' }, /^Phone Number or Chat ID: .*not a valid phone number/, 2],
	['too short a number', { ...text, chatId: '12345' }, /^Phone Number or Chat ID: /, 2],
	['a national number without a Default Country Code', { ...text, chatId: '09876543210' }, /^Phone Number or Chat ID: "09876543210" is a national number/, 2],
	['a number that cannot be its country code\'s (98 is Iran)', { ...text, chatId: '9876543210' }, /^Phone Number or Chat ID: "9876543210" is not a valid phone number: read as \+98 /, 2],
	['a 16-digit number', { ...text, chatId: '+91 98765 43210 1234' }, /^Phone Number or Chat ID: .*it has 16 digits/, 2],
	['a privacy ID', { ...text, chatId: '123456789012345@lid' }, /^Phone Number or Chat ID: /, 2],
	['empty message', { ...text, chatId: '919876543210', message: '  ' }, /^Message: is empty/, 2],
	['group ID without @g.us', { resource: 'group', operation: 'sendText', groupId: '120363023285171234', message: 'x' }, /^Group ID: /, 2],
	[
		'media URL that is not http(s)',
		{ resource: 'message', operation: 'sendMedia', chatId: '919876543210', mediaUrl: 'ftp://example.com/a.pdf' },
		/^Media URL: /,
		2,
	],
	[
		'a group ID for buttons',
		{ ...buttons([{ type: 'quick_reply', displayText: 'Yes' }]), chatId: '120363023285171234@g.us' },
		/^Phone Number or Chat ID: "120363023285171234@g\.us" is a group; buttons and lists can only be sent to a phone number, not to a group/,
		2,
	],
	[
		'a group ID for a list',
		{ resource: 'message', operation: 'sendList', chatId: '120363023285171234@g.us', message: 'x', buttonText: 'Menu', rowsInput: 'fields', rows: { row: [{ title: 'A' }] } },
		/^Phone Number or Chat ID: .* is a group; buttons and lists can only be sent to a phone number/,
		2,
	],
	['too many buttons', buttons(Array.from({ length: 11 }, (_, i) => ({ type: 'quick_reply', displayText: `B${i}` }))), /^Buttons: has 11 buttons; WhatsApp allows at most 10/, 0],
	['no buttons', buttons([]), /^Buttons: has no buttons; add at least one/, 0],
	['URL button without URL', buttons([{ type: 'cta_url', displayText: 'Shop', url: '' }]), /^Buttons → button 1 → URL: is empty/, 0],
	[
		'invalid JSON in JSON mode',
		{ resource: 'message', operation: 'sendButtons', chatId: '919876543210', message: 'x', buttonsInput: 'json', buttonsJson: '[{"name": ' },
		/^Buttons \(JSON\): is not valid JSON/,
		0,
	],
	[
		'a list with no rows',
		{ resource: 'message', operation: 'sendList', chatId: '919876543210', message: 'x', buttonText: 'Menu', rowsInput: 'fields', rows: {} },
		/^Rows: has no rows; add at least one/,
		0,
	],
	[
		'too many template buttons',
		{
			resource: 'message',
			operation: 'sendTemplate',
			chatId: '919876543210',
			message: 'x',
			templateButtonsInput: 'fields',
			templateButtons: { button: Array.from({ length: 4 }, (_, i) => ({ type: 'quick_reply', displayText: `B${i}` })) },
		},
		/^Buttons: has 4 buttons; WhatsApp allows at most 3/,
		0,
	],
	['a webhook URL that is not a URL', { resource: 'instance', operation: 'setWebhook', webhookUrl: 'n8n.local/hook' }, /^Webhook URL: /, 2],
	['a webhook URL with a line break', { resource: 'instance', operation: 'setWebhook', webhookUrl: 'https://n8n.example.com/ho\r\nok' }, /^Webhook URL: ".*" contains a line break or another control character/, 2],
	// WhatsApp's limits: 65,536 characters of text, 1,024 of a caption.
	['a text over WhatsApp\'s limit', { ...text, chatId: '919876543210', message: 'x'.repeat(100_000) }, /^Message: has 100,000 characters; WhatsApp allows at most 65,536/, 2],
	[
		'a caption over WhatsApp\'s limit',
		{ resource: 'message', operation: 'sendMedia', chatId: '919876543210', mediaUrl: 'https://example.com/a.jpg', caption: 'x'.repeat(1025) },
		/^Caption: has 1,025 characters; WhatsApp allows at most 1,024/,
		2,
	],
	[
		'a file name with a line break',
		{ resource: 'group', operation: 'sendMedia', groupId: '120363023285171234@g.us', mediaUrl: 'https://example.com/a.pdf', fileName: 'a\r\nContent-Type: x.pdf' },
		/^File Name: ".*" contains a line break or another control character/,
		2,
	],
	...['66F1C2A3B4D5E&access_token=x', '../../admin', '66F1C2A3B4D5E\r\nX-Injected: 1', '66F1C2A3B4D5E\u0000'].map(
		(instanceId): [string, Record<string, unknown>, RegExp, number] => [
			`the Instance ID ${JSON.stringify(instanceId)}`,
			{ ...text, chatId: '919876543210', instanceId },
			/^Instance ID: ".*" is not an instance ID/,
			2,
		],
	),
	...[0, -5, 'soon', 1e9].map((timeoutSeconds): [string, Record<string, unknown>, RegExp, number] => [
		`a Timeout of ${JSON.stringify(timeoutSeconds)} set by an expression`,
		{ ...text, chatId: '919876543210', options: { timeoutSeconds: `={{ $json.bad ? ${JSON.stringify(timeoutSeconds)} : 30 }}` } },
		/^Timeout \(Seconds\): .* is not a number of seconds from 1 to 300/,
		2,
	]),
];

test.each(cases)('%s → error naming the field and the item, nothing sent', async (_name, parameters, expected, itemIndex) => {
	// Two good items first: validation of every item happens before the first request.
	const items = [{ json: { bad: false } }, { json: { bad: false } }, { json: { bad: true } }];
	const good = {
		...parameters,
		chatId: '919876543210',
		groupId: '120363023285171234@g.us',
		message: 'ok',
		mediaUrl: 'https://example.com/a.pdf',
		webhookUrl: 'https://n8n.example.com/hook',
		instanceId: SEEDED_INSTANCE.id,
		caption: 'ok',
		fileName: 'a.pdf',
	};
	const expressionFor = (name: string) => `={{ $json.bad ? ${JSON.stringify(parameters[name])} : ${JSON.stringify(good[name as keyof typeof good])} }}`;
	const perItem = Object.fromEntries(
		Object.keys(parameters).map((name) =>
			Object.hasOwn(good, name) && typeof good[name as keyof typeof good] === 'string' && !['resource', 'operation'].includes(name)
				? [name, expressionFor(name)]
				: [name, parameters[name]],
		),
	);
	const result = await runWonotifyNode({
		parameters: { instanceId: SEEDED_INSTANCE.id, ...perItem } as never,
		credentials: credentialsFor(ctx.sim),
		items,
	});
	const error = result.error as unknown as { message: string };
	expect(error).toBeDefined();
	expect(error.message).toMatch(expected);
	expect(error.message.endsWith(` [item ${itemIndex}]`)).toBe(true);
	expect(ctx.sim.requests).toHaveLength(0);
});

test('an empty Instance ID with no credential default names the field', async () => {
	const result = await runWonotifyNode({
		parameters: { ...text, instanceId: '', chatId: '919876543210' } as never,
		credentials: credentialsFor(ctx.sim),
	});
	expect((result.error as unknown as { message: string }).message).toBe('Instance ID: is empty [item 0]');
	expect(ctx.sim.requests).toHaveLength(0);
});

test('a Default Instance ID in the credential that is not an instance ID names the credential field', async () => {
	const result = await runWonotifyNode({
		parameters: { ...text, instanceId: '', chatId: '919876543210' } as never,
		credentials: credentialsFor(ctx.sim, { instanceId: '66F1C2A3B4D5E?access_token=x' }),
	});
	expect((result.error as unknown as { message: string }).message).toBe(
		'Default Instance ID (in the Wonotify API credential): "66F1C2A3B4D5E?access_token=x" is not an instance ID [item 0]',
	);
	expect(ctx.sim.requests).toHaveLength(0);
});

test('a group ID for buttons gets a hint pointing to Send Text and the Group resource', async () => {
	const result = await runWonotifyNode({
		parameters: {
			...buttons([{ type: 'quick_reply', displayText: 'Yes' }]),
			instanceId: SEEDED_INSTANCE.id,
			chatId: '120363023285171234@g.us',
		} as never,
		credentials: credentialsFor(ctx.sim),
	});
	const error = result.error as unknown as { message: string; description: string };
	expect(error.message).toMatch(/is a group; buttons and lists can only be sent to a phone number, not to a group \[item 0\]$/);
	expect(error.description).toMatch(/Send Text.*Group resource/);
	expect(ctx.sim.requests).toHaveLength(0);
});

describe('a Media URL that a hosted gateway cannot download', () => {
	// A public Base URL whose host never resolves: should a check ever let a request through,
	// it goes nowhere.
	const publicGateway = { baseUrl: 'https://wonotify.invalid/api' };
	const media = {
		message: { resource: 'message', operation: 'sendMedia', chatId: '919876543210' },
		group: { resource: 'group', operation: 'sendMedia', groupId: '120363023285171234@g.us' },
	};

	test.each([
		['message', 'http://localhost/invoice.pdf'],
		['message', 'http://127.0.0.1:8080/invoice.pdf'],
		['message', 'http://192.168.1.20/photos/a.jpg'],
		['message', 'http://10.0.0.7/a.jpg'],
		['message', 'http://[::1]/a.jpg'],
		['message', 'http://fileserver/a.pdf'],
		['group', 'https://nas.local/a.mp4'],
		['group', 'http://172.16.4.2/a.jpg'],
	] as const)('%s Send Media refuses %s before anything is sent, naming the field and the item', async (resource, mediaUrl) => {
		const result = await runWonotifyNode({
			parameters: {
				...media[resource],
				instanceId: SEEDED_INSTANCE.id,
				mediaUrl: `={{ $json.bad ? ${JSON.stringify(mediaUrl)} : "https://example.com/a.pdf" }}`,
			} as never,
			credentials: credentialsFor(ctx.sim, publicGateway),
			items: [{ json: { bad: false } }, { json: { bad: true } }],
		});
		const error = result.error as unknown as { message: string; description: string };
		expect(error.message).toBe(
			`Media URL: "${mediaUrl}" is a local or private address that Wonotify (wonotify.invalid) cannot download from [item 1]`,
		);
		expect(error.description).toMatch(/public address/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('a gateway on a private network (self-hosted) may fetch a private Media URL: it is sent', async () => {
		const result = await runWonotifyNode({
			parameters: { ...media.message, instanceId: SEEDED_INSTANCE.id, mediaUrl: 'http://192.168.1.20/photos/a.jpg' } as never,
			credentials: credentialsFor(ctx.sim),
		});
		expect(result.error).toBeUndefined();
		const [request] = ctx.sim.requestsTo('/send');
		expect(request.body).toMatchObject({ media_url: 'http://192.168.1.20/photos/a.jpg' });
	});
});

describe('Set Webhook with Enable off', () => {
	test('needs no Webhook URL: the node sends an address that never resolves, with enable=false', async () => {
		const result = await runWonotifyNode({
			parameters: { resource: 'instance', operation: 'setWebhook', instanceId: SEEDED_INSTANCE.id, enable: false } as never,
			credentials: credentialsFor(ctx.sim),
		});
		expect(result.error).toBeUndefined();
		const [request] = ctx.sim.requestsTo('/set_webhook');
		expect(request.query).toMatchObject({ enable: 'false', webhook_url: 'https://events-off.invalid/' });
		expect(ctx.sim.getInstance(SEEDED_INSTANCE.id).webhookEnabled).toBe(false);
		expect(result.items[0].json).toMatchObject({ enabled: false, webhookUrl: null });
	});

	test('still checks a Webhook URL that was typed', async () => {
		const result = await runWonotifyNode({
			parameters: { resource: 'instance', operation: 'setWebhook', instanceId: SEEDED_INSTANCE.id, enable: false, webhookUrl: 'n8n.local/hook' } as never,
			credentials: credentialsFor(ctx.sim),
		});
		expect((result.error as unknown as { message: string }).message).toBe('Webhook URL: "n8n.local/hook" is not a valid URL [item 0]');
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('with Enable on, the Webhook URL is required (n8n itself refuses to run the node without it)', async () => {
		const run = runWonotifyNode({
			parameters: { resource: 'instance', operation: 'setWebhook', instanceId: SEEDED_INSTANCE.id, enable: true, webhookUrl: '' } as never,
			credentials: credentialsFor(ctx.sim),
		});
		// n8n 1.x refuses the same way, without naming the parameter.
		await expect(run).rejects.toThrow(onN8n1x ? 'The workflow has issues' : 'Parameter "Webhook URL" is required.');
		expect(ctx.sim.requests).toHaveLength(0);
	});
});

describe('a Set Webhook URL that a hosted gateway cannot post to', () => {
	const publicGateway = { baseUrl: 'https://wonotify.invalid/api' };
	const setWebhook = (webhookUrl: string, enable: boolean) => ({
		resource: 'instance',
		operation: 'setWebhook',
		instanceId: SEEDED_INSTANCE.id,
		webhookUrl,
		enable,
	});

	test('is refused while events are on, naming the field and the item, before anything is sent', async () => {
		const result = await runWonotifyNode({
			parameters: setWebhook('http://localhost:5678/webhook/orders', true) as never,
			credentials: credentialsFor(ctx.sim, publicGateway),
		});
		const error = result.error as unknown as { message: string; description: string };
		expect(error.message).toBe(
			'Webhook URL: "http://localhost:5678/webhook/orders" is a local or private address that Wonotify (wonotify.invalid) cannot send events to [item 0]',
		);
		expect(error.description).toMatch(/WEBHOOK_URL/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('is sent when the gateway is on a private network too (self-hosted)', async () => {
		const result = await runWonotifyNode({
			parameters: setWebhook('http://192.168.1.20:5678/webhook/orders', true) as never,
			credentials: credentialsFor(ctx.sim),
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requestsTo('/set_webhook')[0].query).toMatchObject({ webhook_url: 'http://192.168.1.20:5678/webhook/orders', enable: 'true' });
	});
});
