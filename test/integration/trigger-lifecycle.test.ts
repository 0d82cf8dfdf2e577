// The Wonotify Trigger's life with a gateway: registration on activation (with a secret),
// re-registration after restarts and drift, refusal of unreachable URLs, test listening,
// deactivation; and what each incoming call starts, or does not.
// Test code, never shipped: a proxy in front of the gateway needs an HTTP server, and a fake token.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { runWonotifyNode } from './n8n-engine';
import { credentialsFor, deepText, SEEDED_INSTANCE, useSimulator } from './simulator-setup';
import { startTriggerHost, WEBHOOK_ID, type TriggerHost } from './trigger-engine';

const ctx = useSimulator();
const INSTANCE = SEEDED_INSTANCE.id;
let host: TriggerHost;

beforeEach(async () => {
	host = await startTriggerHost({
		parameters: { instanceId: INSTANCE, events: ['messageReceived'], simplify: true, options: {} },
		credentials: credentialsFor(ctx.sim),
	});
});
afterEach(async () => {
	await host.close();
});

const instance = () => ctx.sim.getInstance(INSTANCE);
const secretOf = (url: string) => new URL(url).searchParams.get('secret') ?? '';
const registeredUrl = () => instance().webhookUrl as string;
// n8n keeps a node's static data under `node:<node name>`.
const nodeStaticData = () => (host.staticData['node:Wonotify Trigger'] ?? {}) as Record<string, unknown>;

async function settle() {
	await ctx.sim.webhooksSettled();
}

describe('activation', () => {
	test("registers n8n's production webhook URL with a random secret", async () => {
		await host.activate();
		const registered = new URL(registeredUrl());
		expect(`${registered.origin}${registered.pathname}`).toBe(host.productionUrl);
		expect(secretOf(registeredUrl())).toMatch(/^[0-9a-f]{48}$/);
		expect(instance().webhookEnabled).toBe(true);
		const [request] = ctx.sim.requestsTo('/set_webhook');
		expect(request.query).toMatchObject({ instance_id: INSTANCE, enable: 'true', webhook_url: registeredUrl() });
		expect(nodeStaticData().production).toEqual({
			webhookUrl: host.productionUrl,
			instanceId: INSTANCE,
			secret: secretOf(registeredUrl()),
		});
	});

	test('another workflow gets another secret', async () => {
		await host.activate();
		const first = secretOf(registeredUrl());
		host.staticData = {};
		await host.activate();
		expect(secretOf(registeredUrl())).not.toBe(first);
	});

	test('after an n8n restart it registers again, with the same secret', async () => {
		await host.activate();
		const before = registeredUrl();
		ctx.sim.clearRequests();
		await host.activate(); // n8n start-up activates active workflows again
		expect(ctx.sim.requestsTo('/set_webhook')).toHaveLength(1);
		expect(registeredUrl()).toBe(before);
	});

	test('a webhook changed in the dashboard (drift) is replaced on the next activation', async () => {
		await host.activate();
		const ours = registeredUrl();
		await runWonotifyNode({
			parameters: { resource: 'instance', operation: 'setWebhook', instanceId: INSTANCE, webhookUrl: 'https://elsewhere.example.com/hook', enable: true },
			credentials: credentialsFor(ctx.sim),
		});
		expect(registeredUrl()).toBe('https://elsewhere.example.com/hook');
		expect(await host.hook('checkExists')).toBe(false);
		await host.activate();
		expect(registeredUrl()).toBe(ours);
	});

	test('refuses a localhost webhook URL when Wonotify is a public host, before any request', async () => {
		host.credentials = { ...host.credentials, baseUrl: 'https://wonotify.com/api' };
		await expect(host.hook('create')).rejects.toMatchObject({
			message: 'Wonotify cannot reach this n8n',
			description: expect.stringMatching(/local or private address .*WEBHOOK_URL/),
		});
		expect(ctx.sim.requests).toHaveLength(0);
		expect(nodeStaticData().production).toBeUndefined();
	});

	test("surfaces the gateway's message when set_webhook fails", async () => {
		host.credentials = { ...host.credentials, accessToken: 'not-a-known-token' };
		await expect(host.hook('create')).rejects.toMatchObject({ message: 'Wonotify: Access token does not exist' });
		expect(nodeStaticData().production).toBeUndefined();
	});

	test('uses the credential default instance when the node has none, and needs one', async () => {
		host.parameters = { ...host.parameters, instanceId: '' };
		await expect(host.hook('create')).rejects.toMatchObject({ message: 'Instance ID: is empty' });
		host.credentials = { ...host.credentials, instanceId: INSTANCE };
		await host.activate();
		expect(instance().webhookEnabled).toBe(true);
	});
});

describe('secrets in set_webhook failures', () => {
	// A token that cannot appear by chance, so finding it anywhere means a leak.
	const SECRET_TOKEN = 'wt-7e4a9c2b5d1f3e6a8b0c2d4e6f8a1b3c';

	/** The secret the trigger sent inside webhook_url. */
	const secretIn = (requestUrl: string) => secretOf(new URL(requestUrl, 'http://proxy').searchParams.get('webhook_url') ?? '');

	/**
	 * A proxy in front of the gateway whose error pages print the request URL back, as some
	 * do: the URL carries the access token and, inside webhook_url, the webhook secret.
	 */
	async function withEchoingProxy(
		answer: (req: IncomingMessage, res: ServerResponse) => void,
		use: (baseUrl: string, sentSecrets: string[]) => Promise<void>,
	) {
		const sentSecrets: string[] = [];
		const proxy = createServer((req, res) => {
			sentSecrets.push(secretIn(req.url ?? ''));
			answer(req, res);
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		try {
			await use(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api`, sentSecrets);
		} finally {
			proxy.closeAllConnections();
			await new Promise((resolve) => proxy.close(resolve));
		}
	}

	test.each([
		// Short pages, so the URL falls within the part of the page the error description quotes.
		[
			'an HTTP 502 page with the URL decoded',
			(req: IncomingMessage, res: ServerResponse) => {
				res.writeHead(502, { 'Content-Type': 'text/html' });
				res.end(`<p>GET ${decodeURIComponent(req.url ?? '')}</p>`);
			},
		],
		[
			'an HTTP 200 page with the URL as sent',
			(req: IncomingMessage, res: ServerResponse) => {
				res.writeHead(200, { 'Content-Type': 'text/html' });
				res.end(`<p>${req.url}</p>`);
			},
		],
		[
			'a JSON error with the URL escaped in it',
			(req: IncomingMessage, res: ServerResponse) => {
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ error: `Blocked: ${decodeURIComponent(req.url ?? '')}` }));
			},
		],
	])('%s: the activation error shows neither the token nor the webhook secret', async (_label, answer) => {
		await withEchoingProxy(answer, async (baseUrl, sentSecrets) => {
			host.credentials = { ...host.credentials, baseUrl, accessToken: SECRET_TOKEN };
			const error = (await host.hook('create').then(
				() => undefined,
				(rejection: unknown) => rejection,
			)) as { message: string; description?: string } | undefined;
			expect(error).toBeDefined();
			const [secret] = sentSecrets;
			expect(secret).toMatch(/^[0-9a-f]{48}$/);
			const shown = `${error!.message}\n${error!.description ?? ''}`;
			// The page did reach the error, with the URL in it, redacted.
			expect(shown).toMatch(/set_webhook\?instance_id=/);
			expect(shown).toContain('***');
			const everything = `${deepText(error)}\n${JSON.stringify(error)}\n${host.logs.join('\n')}`;
			for (const hidden of [SECRET_TOKEN, secret]) {
				expect(everything).not.toContain(hidden);
				// Not even their start, where a quote of the page may be cut.
				expect(everything).not.toContain(hidden.slice(0, 8));
			}
			expect(nodeStaticData().production).toBeUndefined();
		});
	});
});

describe('deactivation', () => {
	test('disables the webhook it registered', async () => {
		await host.activate();
		const registered = registeredUrl();
		ctx.sim.clearRequests();
		expect(await host.hook('delete')).toBe(true);
		const [request] = ctx.sim.requestsTo('/set_webhook');
		expect(request.query).toMatchObject({ enable: 'false', instance_id: INSTANCE, webhook_url: registered });
		expect(instance().webhookEnabled).toBe(false);
		expect(nodeStaticData().production).toBeUndefined();
	});
});

describe('test listening', () => {
	test('registers the test URL, and disables it when the test ends (workflow inactive)', async () => {
		await host.activate('test');
		expect(registeredUrl().startsWith(`${host.testUrl}?secret=`)).toBe(true);
		await host.hook('delete', 'test');
		expect(instance().webhookEnabled).toBe(false);
	});

	test('puts the production webhook back when the test ends while the workflow is active', async () => {
		await host.activate();
		const production = registeredUrl();
		await host.activate('test');
		expect(registeredUrl().startsWith(host.testUrl)).toBe(true);
		await host.hook('delete', 'test');
		expect(registeredUrl()).toBe(production);
		expect(instance().webhookEnabled).toBe(true);
		expect(nodeStaticData().test).toBeUndefined();
	});

	test('a test on another instance than the active workflow disables only its own registration', async () => {
		await host.activate();
		const production = registeredUrl();
		const { id: other } = ctx.sim.addInstance({ connected: true });
		host.parameters = { ...host.parameters, instanceId: other };
		await host.activate('test');
		expect(ctx.sim.getInstance(other).webhookUrl.startsWith(host.testUrl)).toBe(true);
		await host.hook('delete', 'test');
		expect(ctx.sim.getInstance(other).webhookEnabled).toBe(false);
		expect(registeredUrl()).toBe(production);
		expect(instance().webhookEnabled).toBe(true);
	});

	test('after deactivation, a test ends with the webhook disabled (nothing to put back)', async () => {
		await host.activate();
		await host.hook('delete');
		await host.activate('test');
		await host.hook('delete', 'test');
		expect(instance().webhookEnabled).toBe(false);
	});

	test('refuses to listen when the workflow is active but its production registration is unknown', async () => {
		host.active = true;
		await expect(host.hook('create', 'test')).rejects.toMatchObject({
			message: 'Listening for a test event would stop this active workflow',
		});
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('test events reach the test URL and start an execution', async () => {
		await host.activate('test');
		await ctx.sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'test ping' });
		expect(host.executions).toHaveLength(1);
		expect(host.executions[0][0].json.text).toBe('test ping');
	});
});

describe('incoming calls', () => {
	beforeEach(async () => {
		await host.activate();
	});

	test('an incoming text starts one execution with a reply-ready item', async () => {
		const delivery = await ctx.sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'Hi, price?', pushName: 'Ravi' });
		expect(delivery?.status).toBe(200);
		expect(host.executions).toHaveLength(1);
		const [item] = host.executions[0];
		expect(item.json).toMatchObject({
			event: 'messageReceived',
			instanceId: INSTANCE,
			chatId: '919812345678@s.whatsapp.net',
			from: '919812345678',
			fromName: 'Ravi',
			fromMe: false,
			isGroup: false,
			type: 'text',
			text: 'Hi, price?',
		});
		expect(item.json.messageId).toEqual(expect.any(String));
	});

	test('the chat ID of an incoming message is usable as is to reply; the reply echo starts nothing', async () => {
		await ctx.sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'Hello' });
		const [incoming] = host.executions[0];
		const reply = await runWonotifyNode({
			parameters: { resource: 'message', operation: 'sendText', instanceId: INSTANCE, chatId: incoming.json.chatId, message: 'Thanks!' },
			credentials: credentialsFor(ctx.sim),
		});
		expect(reply.error).toBeUndefined();
		expect(ctx.sim.requestsTo('/send')[0].body).toMatchObject({ number: '919812345678' });
		await settle(); // the gateway echoes our own reply to the webhook
		const echo = ctx.sim.deliveries.at(-1);
		expect(echo).toMatchObject({ event: 'messages.upsert', status: 200 });
		expect(host.executions).toHaveLength(1);
	});

	test('a group message carries the group and the sender', async () => {
		await ctx.sim.emitIncomingText(INSTANCE, {
			from: '919812345678',
			text: 'Team?',
			group: '120363041234567890@g.us',
			participant: '919812345678@s.whatsapp.net',
		});
		expect(host.executions[0][0].json).toMatchObject({
			chatId: '120363041234567890@g.us',
			isGroup: true,
			groupId: '120363041234567890@g.us',
			from: '919812345678',
		});
	});

	test('options given as expressions are resolved', async () => {
		host.parameters = { ...host.parameters, options: { groupMessages: "={{ 'ig' + 'nore' }}" } };
		await ctx.sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'in a group', group: '120363041234567890@g.us', participant: '919812345678@s.whatsapp.net' });
		await ctx.sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'private' });
		expect(host.executions.map((items) => items[0].json.text)).toEqual(['private']);
	});

	test('receipts and connection updates start nothing unless chosen', async () => {
		const receipt = { key: { remoteJid: '919812345678@s.whatsapp.net', id: '3EB0AAAA', fromMe: true }, update: { status: 3 } };
		const answer = await ctx.sim.emitEvent(INSTANCE, 'messages.update', [receipt]);
		expect(answer?.status).toBe(200);
		await ctx.sim.emitEvent(INSTANCE, 'connection.update', { connection: 'open' });
		expect(host.executions).toHaveLength(0);

		host.parameters = { ...host.parameters, events: ['messageStatus', 'connectionUpdate'] };
		await ctx.sim.emitEvent(INSTANCE, 'messages.update', [receipt]);
		await ctx.sim.emitEvent(INSTANCE, 'connection.update', {
			connection: 'close',
			lastDisconnect: { error: { output: { statusCode: 401 } } },
		});
		expect(host.executions.map((items) => items[0].json)).toMatchObject([
			{ event: 'messageStatus', status: 'delivered', messageId: '3EB0AAAA' },
			{ event: 'connectionUpdate', connection: 'close', statusCode: 401 },
		]);
	});

	test('events of another instance are ignored', async () => {
		const secret = secretOf(registeredUrl());
		const answer = await host.post(`${host.productionUrl}?secret=${secret}`, {
			instance_id: 'FFFFFFFFFFFFF',
			data: { event: 'messages.upsert', data: { type: 'notify', messages: [{ key: { remoteJid: '919812345678@s.whatsapp.net', fromMe: false, id: 'X1' }, message: { conversation: 'hi' } }] } },
		});
		expect(answer.status).toBe(200);
		expect(host.executions).toHaveLength(0);
	});

	test.each([
		['no secret', ''],
		['a wrong secret', '?secret=0000'],
		['a secret of the right length but wrong', `?secret=${'a'.repeat(48)}`],
	])('a forged call with %s gets 403 and starts nothing', async (_name, query) => {
		const answer = await host.post(`${host.productionUrl}${query}`, {
			instance_id: INSTANCE,
			data: { event: 'messages.upsert', data: { type: 'notify', messages: [{ key: { remoteJid: '919812345678@s.whatsapp.net', fromMe: false, id: 'F1' }, message: { conversation: 'forged' } }] } },
		});
		expect(answer.status).toBe(403);
		expect(host.executions).toHaveLength(0);
	});

	test.each([
		['a JSON array', '[1,2,3]', 'application/json'],
		['an empty object', '{}', 'application/json'],
		['plain text', 'hello', 'text/plain'],
		['an envelope without data', '{"instance_id":"66F1C2A3B4D5E"}', 'application/json'],
		['broken JSON', '{"instance_id": ', 'application/json'],
	])('a malformed call (%s) is answered quickly and starts nothing', async (_name, body, type) => {
		const started = Date.now();
		const answer = await host.post(`${host.productionUrl}?secret=${secretOf(registeredUrl())}`, body, type);
		expect(answer.status).toBeLessThan(500);
		// Answered at once, not left to a time-out: generous, as a busy machine is slow.
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(host.executions).toHaveLength(0);
	});

	test('one POST carrying three messages starts one execution with three items, in order', async () => {
		const messages = ['one', 'two', 'three'].map((text, index) => ({
			key: { remoteJid: '919812345678@s.whatsapp.net', fromMe: false, id: `M${index}` },
			messageTimestamp: Math.floor(Date.now() / 1000) + index,
			message: { conversation: text },
		}));
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', { type: 'notify', messages });
		expect(host.executions).toHaveLength(1);
		expect(host.executions[0].map((item) => item.json.text)).toEqual(['one', 'two', 'three']);
	});

	test('after deactivation the gateway stops calling, and old secrets no longer work', async () => {
		const oldUrl = registeredUrl();
		await host.hook('delete');
		expect(await ctx.sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'late' })).toBeNull();
		const answer = await host.post(oldUrl, { instance_id: INSTANCE, data: { event: 'messages.upsert', data: { messages: [] } } });
		expect(answer.status).toBe(403);
		expect(host.executions).toHaveLength(0);
	});
});

test('the webhook ID is part of the registered path', () => {
	expect(WEBHOOK_ID).toMatch(/^[0-9a-f-]{36}$/);
});
