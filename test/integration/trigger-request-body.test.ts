// What reaches the Wonotify Trigger when the gateway posts its JSON with a missing or wrong
// Content-Type, with n8n's own body handling (n8n parses only JSON, forms and plain text, and
// keeps the bytes as rawBody); and what the trigger writes to n8n's log about calls it ignores.
import { credentialsFor, SEEDED_INSTANCE, SEEDED_TOKEN, useSimulator } from './simulator-setup';
import { startTriggerHost, type TriggerHost } from './trigger-engine';

const ctx = useSimulator();
const INSTANCE = SEEDED_INSTANCE.id;
let host: TriggerHost;

beforeEach(async () => {
	host = await startTriggerHost({
		parameters: { instanceId: INSTANCE, events: ['messageReceived'], simplify: true, options: {} },
		credentials: credentialsFor(ctx.sim),
	});
	await host.activate();
});
afterEach(async () => {
	await host.close();
});

const registeredUrl = () => ctx.sim.getInstance(INSTANCE).webhookUrl as string;
const secret = () => new URL(registeredUrl()).searchParams.get('secret') ?? '';

function incomingText(text: string) {
	return {
		instance_id: INSTANCE,
		data: {
			event: 'messages.upsert',
			data: {
				type: 'notify',
				messages: [
					{
						key: { remoteJid: '919812345678@s.whatsapp.net', fromMe: false, id: '3A0000000000000000C7' },
						messageTimestamp: Math.floor(Date.now() / 1000),
						pushName: 'Ravi',
						message: { conversation: text },
					},
				],
			},
		},
	};
}

describe('an event posted with a missing or wrong Content-Type', () => {
	test.each<[string, string | null]>([
		['text/html', 'text/html'],
		['no Content-Type', null],
		['a form', 'application/x-www-form-urlencoded'],
		['application/octet-stream', 'application/octet-stream'],
		['text/plain with a charset', 'text/plain; charset=utf-8'],
		['application/json, as the gateway should', 'application/json'],
	])('%s starts one execution with the message', async (_name, contentType) => {
		const answer = await host.post(registeredUrl(), incomingText('Hi & price=?'), contentType);
		expect(answer).toEqual({ status: 200, body: { message: 'Workflow was started' } });
		expect(host.executions).toHaveLength(1);
		expect(host.executions[0].map((item) => item.json)).toEqual([
			expect.objectContaining({ event: 'messageReceived', chatId: '919812345678@s.whatsapp.net', text: 'Hi & price=?' }),
		]);
	});

	test('a byte order mark and surrounding white space do not matter', async () => {
		await host.post(registeredUrl(), `\uFEFF\n  ${JSON.stringify(incomingText('with a BOM'))}\n`, 'text/html');
		expect(host.executions.map((items) => items[0].json.text)).toEqual(['with a BOM']);
	});

	// n8n leaves such bodies unread for node versions above 1; the trigger reads them itself.
	test.each<[string, string | null]>([
		['text/html', 'text/html'],
		['no Content-Type', null],
	])('%s is read by the trigger when n8n left the body unread', async (_name, contentType) => {
		host.bodyReading = 'later versions';
		await host.post(registeredUrl(), incomingText('read late'), contentType);
		expect(host.executions.map((items) => items[0].json.text)).toEqual(['read late']);
	});
});

describe('a body that is not a Wonotify event', () => {
	test.each<[string, string, string | null, string]>([
		['an HTML page', '<html><body>{"instance_id":"x"}</body></html>', 'text/html', 'the request body is not a JSON object'],
		['words, without a Content-Type', 'not json at all', null, 'the request body is not a JSON object'],
		['broken JSON as text/html', '{"instance_id": "66F1C2A3B4D5E", "data": {', 'text/html', 'the request body is not a JSON object'],
		['a real form', 'instance_id=66F1C2A3B4D5E&event=messages.upsert', 'application/x-www-form-urlencoded', 'the request body has no data.event: not a Wonotify event'],
		['a JSON list as text/html', JSON.stringify([incomingText('in a list')]), 'text/html', 'the request body is not a JSON object'],
		['JSON without data.event', '{"instance_id":"66F1C2A3B4D5E","data":{}}', 'text/html', 'the request body has no data.event: not a Wonotify event'],
		['an empty body', '', null, 'the request body is not a JSON object'],
	])('%s is ignored with a reason, and starts nothing', async (_name, body, contentType, reason) => {
		const answer = await host.post(registeredUrl(), body, contentType);
		expect(answer).toEqual({ status: 200, body: { status: 'ignored', reason } });
		expect(host.executions).toHaveLength(0);
		expect(host.logs).toEqual([expect.stringContaining(`debug: Wonotify Trigger ignored a webhook call: ${reason}`)]);
	});

	test('broken JSON sent as application/json is refused by n8n before the trigger runs', async () => {
		const answer = await host.post(registeredUrl(), '{"instance_id": ', 'application/json');
		expect(answer.status).toBe(422);
		expect(host.executions).toHaveLength(0);
	});
});

describe("n8n's log", () => {
	test('says why a call started nothing, naming the workflow and node', async () => {
		await ctx.sim.emitEvent(INSTANCE, 'messages.update', [
			{ key: { remoteJid: '919812345678@s.whatsapp.net', id: '3EB0AAAA', fromMe: true }, update: { status: 3 } },
		]);
		expect(host.logs).toEqual([
			'debug: Wonotify Trigger ignored a webhook call: messageStatus not among the chosen events {"workflowId":"trigger-workflow","nodeName":"Wonotify Trigger"}',
		]);
	});

	test('says which part of a call was dropped when the rest started an execution', async () => {
		const [message] = incomingText('kept').data.data.messages;
		const own = { ...message, key: { ...message.key, fromMe: true, id: '3EB0OWN' } };
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', { type: 'notify', messages: [message, own] });
		expect(host.executions).toHaveLength(1);
		expect(host.logs).toEqual([
			expect.stringContaining('debug: Wonotify Trigger ignored part of a webhook call: messageSent not among the chosen events'),
		]);
	});

	test('logs nothing for a call that started an execution in full', async () => {
		await ctx.sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'hello' });
		expect(host.executions).toHaveLength(1);
		expect(host.logs).toEqual([]);
	});

	test('never holds the secret, the webhook URL or the access token', async () => {
		const wrongSecret = 'f'.repeat(48);
		await host.post(`${host.productionUrl}?secret=${wrongSecret}`, incomingText('forged'));
		await host.post(`${host.productionUrl}?secret=${secret()}&token=${SEEDED_TOKEN}`, '<html></html>', 'text/html');
		await ctx.sim.emitEvent(INSTANCE, 'connection.update', { connection: 'open' });
		await ctx.sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'in a group', group: '120363041234567890@g.us', participant: '919812345678@s.whatsapp.net', fromMe: true });
		expect(host.logs).toEqual([
			expect.stringContaining('refused a webhook call without the right secret'),
			expect.stringContaining('ignored a webhook call: the request body is not a JSON object'),
			expect.stringContaining('ignored a webhook call: connectionUpdate not among the chosen events'),
			expect.stringContaining('ignored a webhook call: messageSent not among the chosen events'),
		]);
		const logged = host.logs.join('\n');
		for (const secretValue of [secret(), wrongSecret, SEEDED_TOKEN, 'secret=', host.productionUrl, '/webhook']) {
			expect(logged).not.toContain(secretValue);
		}
	});
});
