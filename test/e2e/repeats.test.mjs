// The Wonotify Trigger in a real n8n never starts a workflow twice for one message: a copy
// seconds later, a copy after an n8n restart, and an offline replay start nothing; and the
// README's recipe for copies at the same instant (n8n's Remove Duplicates after the trigger)
// lets one through. "Nothing started" is proven by a sentinel: after the copy, a new message
// is sent, and once its execution exists the count must be exactly one more.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { nodeOutput } from '../../scripts/lib/n8n-rest.mjs';
import { withWonotifyCredential } from '../../scripts/lib/n8n-server.mjs';
import { ACCESS_TOKEN, INSTANCE, startStack, waitUntil } from './e2e-stack.mjs';

const RAVI = '919812345678@s.whatsapp.net';
const nowSeconds = () => Math.floor(Date.now() / 1000);
const newId = () => `3A${randomBytes(8).toString('hex').toUpperCase()}`;
const text = (id, words, { timestamp = nowSeconds(), type = 'notify' } = {}) => ({
	type,
	messages: [{ key: { remoteJid: RAVI, fromMe: false, id }, messageTimestamp: timestamp, pushName: 'Ravi', message: { conversation: words } }],
});

/** Trigger → Remove Duplicates (the README's recipe) → Answer (a No Operation node standing for the reply). */
export function recipeWorkflow(name, instanceId, triggerOptions = {}) {
	return {
		name,
		nodes: [
			{ id: randomUUID(), name: 'Wonotify Trigger', type: 'n8n-nodes-wonotify.wonotifyTrigger', typeVersion: 1, position: [0, 0], webhookId: randomUUID(), parameters: { instanceId, events: ['messageReceived'], simplify: true, options: triggerOptions }, credentials: { wonotifyApi: { name: 'Wonotify (simulator)' } } },
			{
				id: randomUUID(),
				name: 'Remove Duplicates',
				type: 'n8n-nodes-base.removeDuplicates',
				typeVersion: 2,
				position: [220, 0],
				parameters: { operation: 'removeItemsSeenInPreviousExecutions', logic: 'removeItemsWithAlreadySeenKeyValues', dedupeValue: '={{ $json.instanceId }}:{{ $json.chatId }}:{{ $json.messageId }}', options: {} },
			},
			{ id: randomUUID(), name: 'Answer', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [440, 0], parameters: {} },
		],
		connections: {
			'Wonotify Trigger': { main: [[{ node: 'Remove Duplicates', type: 'main', index: 0 }]] },
			'Remove Duplicates': { main: [[{ node: 'Answer', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

let stack;
before(async () => {
	stack = await startStack();
});
after(async () => {
	await stack?.stop();
});

async function activated(workflow) {
	const { id } = await stack.client.createWorkflow(withWonotifyCredential(workflow, stack.credential));
	await stack.client.activate(id);
	const instanceId = workflow.nodes[0].parameters.instanceId;
	const url = stack.sim.getInstance(instanceId).webhookUrl.replace(/\?.*$/, '');
	await waitUntil(async () => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status === 403, { what: 'the webhook to go live' });
	return id;
}

/** Finished executions of the workflow, oldest first, once there are `count`; fails if there are more. */
async function exactly(workflowId, count) {
	const finished = async () => (await stack.client.executions({ workflowId })).filter((e) => !['new', 'running', 'waiting'].includes(e.status));
	await waitUntil(async () => (await finished()).length >= count, { what: `${count} executions`, timeoutMs: 20_000 });
	await stack.sim.webhooksSettled();
	const all = await stack.client.executions({ workflowId });
	assert.equal(all.length, count, `expected exactly ${count} executions, got ${all.length}`);
	return Promise.all(all.sort((a, b) => Number(a.id) - Number(b.id)).map((e) => stack.client.execution(e.id)));
}

// n8n 2.41 saves a production call's static data before it answers the call
// (live-webhooks.js: saveStaticData in the response callback): once a message has been
// answered, it is remembered, and a copy sent after that answer finds it.
const ignoredBecause = async (answer) => JSON.parse(answer.body).reason;

describe('the Wonotify Trigger in a real n8n: one execution per message', () => {
	let workflowId;
	const copyOf = newId();

	before(async () => {
		workflowId = await activated(recipeWorkflow('repeats: default options', INSTANCE));
	});

	it('a copy delivered seconds later gets HTTP 200 and starts no second execution', async () => {
		await stack.sim.emitEvent(INSTANCE, 'messages.upsert', text(copyOf, 'Hi, price?'));
		await exactly(workflowId, 1);
		const copy = await stack.sim.emitEvent(INSTANCE, 'messages.upsert', text(copyOf, 'Hi, price?'));
		assert.equal(copy.status, 200);
		assert.equal(await ignoredBecause(copy), 'repeated message');
		await stack.sim.emitEvent(INSTANCE, 'messages.upsert', text(newId(), 'sentinel 1'));
		const runs = await exactly(workflowId, 2);
		assert.deepEqual(runs.map((run) => nodeOutput(run, 'Wonotify Trigger')[0].text), ['Hi, price?', 'sentinel 1']);
	});

	it('a copy after an n8n restart starts no execution either', async () => {
		await stack.restartN8n();
		await stack.client.waitForPublication(workflowId, { expect: 'published' });
		const url = stack.sim.getInstance(INSTANCE).webhookUrl.replace(/\?.*$/, '');
		await waitUntil(async () => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status === 403, { what: 'the webhook to go live again' });
		const copy = await stack.sim.emitEvent(INSTANCE, 'messages.upsert', text(copyOf, 'Hi, price?'));
		assert.equal(await ignoredBecause(copy), 'repeated message');
		await stack.sim.emitEvent(INSTANCE, 'messages.upsert', text(newId(), 'sentinel 2'));
		await exactly(workflowId, 3);
	});

	it('an offline replay (append, two hours old) starts nothing', async () => {
		const replay = await stack.sim.emitEvent(INSTANCE, 'messages.upsert', text(newId(), 'sent while offline', { timestamp: nowSeconds() - 7200, type: 'append' }));
		assert.equal(replay.status, 200);
		assert.equal(await ignoredBecause(replay), 'message older than 10 minutes');
		await stack.sim.emitEvent(INSTANCE, 'messages.upsert', text(newId(), 'sentinel 3'));
		const runs = await exactly(workflowId, 4);
		assert.equal(nodeOutput(runs.at(-1), 'Wonotify Trigger')[0].text, 'sentinel 3');
	});
});

describe("the README's recipe for copies at the same instant: Remove Duplicates after the trigger", () => {
	let workflowId;
	let instanceId;
	const answered = (runs) => runs.filter((run) => (nodeOutput(run, 'Answer') ?? []).length > 0).length;

	before(async () => {
		instanceId = stack.sim.addInstance({ token: ACCESS_TOKEN, connected: true }).id;
		// The trigger's own memory off: every copy gets through it, as when two copies race.
		workflowId = await activated(recipeWorkflow('repeats: Remove Duplicates recipe', instanceId, { ignoreRepeatedMessages: false }));
	});

	it('two copies that both start the workflow are answered once', async () => {
		const id = newId();
		await stack.sim.emitEvent(instanceId, 'messages.upsert', text(id, 'twice'));
		await exactly(workflowId, 1);
		await stack.sim.emitEvent(instanceId, 'messages.upsert', text(id, 'twice'));
		const runs = await exactly(workflowId, 2);
		assert.equal(answered(runs), 1);
		assert.deepEqual(nodeOutput(runs[1], 'Remove Duplicates'), []);
	});

});
