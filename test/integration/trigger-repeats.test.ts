// Repeats and replays through n8n's real webhook context, with static data kept between calls
// and "restarts" the way n8n keeps it: a copy of a message starts nothing, after a restart too;
// test listening takes every copy; an offline replay starts nothing; the memory stays bounded.
import type { IDataObject } from 'n8n-workflow';

import { MAX_SEEN_MESSAGES, SEEN_MESSAGES_KEY } from '../../nodes/WonotifyTrigger/seen-messages';
import { credentialsFor, SEEDED_INSTANCE, SEEDED_TOKEN, useSimulator } from './simulator-setup';
import { startTriggerHost, type TriggerHost } from './trigger-engine';

const ctx = useSimulator();
const INSTANCE = SEEDED_INSTANCE.id;
const RAVI = '919812345678@s.whatsapp.net';
let host: TriggerHost;

const nowSeconds = () => Math.floor(Date.now() / 1000);
const text = (id: string, words: string, timestamp: number | string = nowSeconds(), type = 'notify') => ({
	type,
	messages: [{ key: { remoteJid: RAVI, fromMe: false, id }, messageTimestamp: timestamp, pushName: 'Ravi', message: { conversation: words } }],
});
const texts = () => host.executions.map((items) => items.map((item) => item.json.text));
const memory = () => (host.staticData['node:Wonotify Trigger'] as IDataObject)[SEEN_MESSAGES_KEY] as string | undefined;

async function activeTrigger(options: IDataObject = {}): Promise<TriggerHost> {
	host = await startTriggerHost({
		parameters: { instanceId: INSTANCE, events: ['messageReceived'], simplify: true, options },
		credentials: credentialsFor(ctx.sim),
	});
	await host.activate();
	return host;
}

afterEach(async () => {
	await host?.close();
});

describe('the same message delivered again', () => {
	test('a copy seconds later gets HTTP 200 and starts nothing; the next message starts one', async () => {
		await activeTrigger();
		const first = await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', text('3AONE', 'Hi'));
		expect(first?.status).toBe(200);
		const copy = await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', text('3AONE', 'Hi'));
		expect(copy?.status).toBe(200);
		expect(JSON.parse(copy?.body ?? '')).toEqual({ status: 'ignored', reason: 'repeated message' });
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', text('3ATWO', 'Price?'));
		expect(texts()).toEqual([['Hi'], ['Price?']]);
		expect(host.logs).toEqual([expect.stringContaining('ignored a webhook call: repeated message')]);
	});

	test('a copy after an n8n restart starts nothing, and the registration (its secret) still works', async () => {
		await activeTrigger();
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', text('3ABEFORE', 'before the restart'));
		const registered = ctx.sim.getInstance(INSTANCE)?.webhookUrl;
		// A restart: n8n loads the workflow with its stored static data and activates it again.
		await host.activate();
		expect(ctx.sim.getInstance(INSTANCE)?.webhookUrl).toBe(registered);
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', text('3ABEFORE', 'before the restart'));
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', text('3AAFTER', 'after the restart'));
		expect(texts()).toEqual([['before the restart'], ['after the restart']]);
	});

	test('the same ID from another chat is another message', async () => {
		await activeTrigger();
		await ctx.sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'one', id: '3ASAME' });
		await ctx.sim.emitIncomingText(INSTANCE, { from: '447700900123', text: 'other', id: '3ASAME' });
		expect(texts()).toEqual([['one'], ['other']]);
	});

	test('with Ignore Repeated Messages off, every copy starts the workflow and nothing is remembered', async () => {
		await activeTrigger({ ignoreRepeatedMessages: false });
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', text('3AOFF', 'again'));
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', text('3AOFF', 'again'));
		expect(texts()).toEqual([['again'], ['again']]);
		expect(memory()).toBeUndefined();
	});

	test('test listening takes every copy (a test ends after one event) and leaves the memory alone', async () => {
		await activeTrigger();
		await host.activate('test');
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', text('3ATEST', 'testing'));
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', text('3ATEST', 'testing'));
		expect(texts()).toEqual([['testing'], ['testing']]);
		expect(memory()).toBeUndefined();
	});
});

describe('replays', () => {
	test('an offline replay (append, two hours old) starts nothing; a new message does', async () => {
		await activeTrigger();
		const replay = await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', text('3AOLD', 'sent while offline', nowSeconds() - 7200, 'append'));
		expect(replay?.status).toBe(200);
		expect(JSON.parse(replay?.body ?? '')).toEqual({ status: 'ignored', reason: 'message older than 10 minutes' });
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', text('3ANEW', 'new', String(nowSeconds())));
		expect(texts()).toEqual([['new']]);
	});

	test('Ignore Messages Older Than: 0 lets old messages through; 180 keeps a two-hour-old one', async () => {
		await activeTrigger({ ignoreOlderThanMinutes: 0 });
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', text('3AOLD1', 'last week', nowSeconds() - 7 * 86_400, 'append'));
		host.parameters = { ...host.parameters, options: { ignoreOlderThanMinutes: 180 } };
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', text('3AOLD2', 'two hours ago', nowSeconds() - 7200, 'append'));
		expect(texts()).toEqual([['last week'], ['two hours ago']]);
	});

	test("the echo of a message the workflow sent (append, just now) still arrives as Message Sent", async () => {
		host = await startTriggerHost({
			parameters: { instanceId: INSTANCE, events: ['messageSent'], simplify: true, options: {} },
			credentials: credentialsFor(ctx.sim),
		});
		await host.activate();
		// The simulator echoes an API send as the gateway does: append, fromMe, PENDING, its own timestamp.
		const sent = await fetch(`${ctx.sim.baseUrl}/send?number=919812345678&type=text&message=Thanks&instance_id=${INSTANCE}&access_token=${SEEDED_TOKEN}`);
		expect(sent.status).toBe(200);
		await ctx.sim.webhooksSettled();
		expect(texts()).toEqual([['Thanks']]);
	});
});

test(`the memory stays bounded: after ${MAX_SEEN_MESSAGES + 20} messages it holds the newest ${MAX_SEEN_MESSAGES}, under 32 KB`, async () => {
	await activeTrigger();
	const url = ctx.sim.getInstance(INSTANCE)?.webhookUrl as string;
	const count = MAX_SEEN_MESSAGES + 20;
	for (let i = 0; i < count; i++) {
		const body = { instance_id: INSTANCE, data: { event: 'messages.upsert', data: text(`3AB${i}`, `message ${i}`) } };
		expect((await host.post(url, body)).status).toBe(200);
	}
	expect(host.executions).toHaveLength(count);
	expect(memory()?.split(' ')).toHaveLength(MAX_SEEN_MESSAGES);
	expect(Buffer.byteLength(JSON.stringify(host.staticData))).toBeLessThan(32_000);
	// The newest is remembered, the oldest forgotten.
	await host.post(url, { instance_id: INSTANCE, data: { event: 'messages.upsert', data: text(`3AB${count - 1}`, 'copy of the newest') } });
	await host.post(url, { instance_id: INSTANCE, data: { event: 'messages.upsert', data: text('3AB0', 'copy of the oldest') } });
	expect(texts().slice(count).flat()).toEqual(['copy of the oldest']);
}, 120_000);
