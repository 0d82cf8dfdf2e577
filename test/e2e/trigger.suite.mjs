// The Wonotify Trigger in a real n8n, with the auto-reply example: activation registers n8n's
// production webhook URL (with its secret) on the gateway; incoming events start exactly the
// executions they should; forged calls start nothing; deactivation disables the webhook; an
// n8n restart keeps it working.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it, before } from 'node:test';

import { nodeOutput } from '../../scripts/lib/n8n-rest.mjs';
import { ACCESS_TOKEN, INSTANCE, waitUntil } from './e2e-stack.mjs';
import { withWonotifyCredential } from '../../scripts/lib/n8n-server.mjs';

const example = JSON.parse(readFileSync(new URL('../../examples/auto-reply.json', import.meta.url), 'utf8'));
const webhookId = example.nodes.find((node) => node.type === 'n8n-nodes-wonotify.wonotifyTrigger').webhookId;

/** smoke: only activation and the first auto-reply (the n8n 1.x smoke run). */
export function triggerSuite(getStack, { smoke = false } = {}) {
	const more = smoke ? () => {} : it;
	describe('Wonotify Trigger in a real n8n (auto-reply example)', () => {
		let workflowId;
		const stack = () => getStack();
		const instance = () => stack().sim.getInstance(INSTANCE);
		const productionUrl = () => `${stack().n8n.url}/webhook/${webhookId}/webhook`;
		const finished = async () =>
			(await stack().client.executions({ workflowId })).filter((execution) => !['new', 'running', 'waiting'].includes(execution.status));
		/**
		 * Waits for `count` finished executions, then checks there is no other. n8n stores an
		 * execution before it answers the webhook call that starts it, so once every event the
		 * simulator posted has been answered, an extra execution would already be listed.
		 */
		async function expectExecutions(count) {
			await waitUntil(async () => (await finished()).length >= count, { what: `${count} executions`, timeoutMs: 15_000 });
			await stack().sim.webhooksSettled();
			const all = await stack().client.executions({ workflowId });
			assert.equal(all.length, count, `expected exactly ${count} executions, got ${all.length}: ${all.map((e) => e.status).join(', ')}`);
			return all;
		}
		/** The webhook is live once a call without the secret gets 403 (not n8n's 404). */
		async function waitForLiveWebhook() {
			await waitUntil(
				async () => (await fetch(productionUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status === 403,
				{ what: 'the production webhook to go live' },
			);
		}

		before(async () => {
			const created = await stack().client.createWorkflow(withWonotifyCredential(example, stack().credential));
			workflowId = created.id;
			// The example relies on the credential's Default Instance ID: set it for this test.
			await stack().client.updateCredential(stack().credential.id, {
				name: stack().credential.name,
				type: 'wonotifyApi',
				data: { accessToken: ACCESS_TOKEN, baseUrl: stack().sim.baseUrl, instanceId: INSTANCE },
			});
		});

		it("activation registers n8n's production webhook URL with a secret", async () => {
			await stack().client.activate(workflowId);
			const registered = new URL(instance().webhookUrl);
			assert.equal(`${registered.origin}${registered.pathname}`, productionUrl());
			assert.match(registered.searchParams.get('secret'), /^[0-9a-f]{48}$/);
			assert.equal(instance().webhookEnabled, true);
			await waitForLiveWebhook();
		});

		it('an incoming text starts one execution, which replies in the same chat; the reply echo starts none', async () => {
			await stack().sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'Hi, price?', pushName: 'Ravi' });
			const [execution] = await expectExecutions(1);
			const run = await stack().client.execution(execution.id);
			assert.equal(run.status, 'success');
			const [incoming] = nodeOutput(run, 'Wonotify Trigger');
			assert.equal(incoming.text, 'Hi, price?');
			assert.equal(incoming.from, '919812345678');
			const [reply] = nodeOutput(run, 'Reply on WhatsApp');
			assert.equal(reply.chatId, '919812345678@s.whatsapp.net');
			const lastSend = stack().sim.requestsTo('/send').at(-1).body;
			assert.equal(lastSend.number, '919812345678');
			assert.equal(lastSend.message, 'Thanks Ravi! You wrote: Hi, price?');
		});

		more("group messages, reactions, receipts, connection updates and own messages start none; another contact's text starts one", async () => {
			// The example ignores groups: an auto-reply that answers in every group is spam.
			await stack().sim.emitIncomingText(INSTANCE, {
				from: '919812345678',
				text: 'Team question',
				group: '120363041234567890@g.us',
				participant: '919812345678@s.whatsapp.net',
			});
			await stack().sim.emitEvent(INSTANCE, 'messages.upsert', {
				type: 'notify',
				messages: [
					{
						key: { remoteJid: '919812345678@s.whatsapp.net', fromMe: false, id: '3AREACTION01' },
						message: { reactionMessage: { key: { remoteJid: '919812345678@s.whatsapp.net', fromMe: true, id: '3EB0F00D' }, text: '👍' } },
					},
				],
			});
			await stack().sim.emitEvent(INSTANCE, 'messages.update', [
				{ key: { remoteJid: '919812345678@s.whatsapp.net', id: '3EB0F00D', fromMe: true }, update: { status: 4 } },
			]);
			await stack().sim.emitEvent(INSTANCE, 'connection.update', { connection: 'open' });
			await stack().sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'typed on my phone', fromMe: true });
			await expectExecutions(1);
			await stack().sim.emitIncomingText(INSTANCE, { from: '447700900123', text: 'Open on Sunday?' });
			const newest = (await expectExecutions(2)).reduce((a, b) => (Number(a.id) > Number(b.id) ? a : b));
			assert.equal(nodeOutput(await stack().client.execution(newest.id), 'Wonotify Trigger')[0].text, 'Open on Sunday?');
		});

		more('a forged call (no or wrong secret) gets 403 and starts nothing', async () => {
			const body = JSON.stringify({
				instance_id: INSTANCE,
				data: { event: 'messages.upsert', data: { type: 'notify', messages: [{ key: { remoteJid: '919812345678@s.whatsapp.net', fromMe: false, id: 'FORGED' }, message: { conversation: 'forged' } }] } },
			});
			for (const url of [productionUrl(), `${productionUrl()}?secret=${'0'.repeat(48)}`]) {
				const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
				assert.equal(answer.status, 403);
			}
			await expectExecutions(2);
		});

		more('restarting n8n with the workflow active keeps the trigger working', async () => {
			const before = instance().webhookUrl;
			await stack().restartN8n();
			await stack().client.waitForPublication(workflowId, { expect: 'published' });
			await waitForLiveWebhook();
			assert.equal(instance().webhookUrl, before);
			assert.equal(instance().webhookEnabled, true);
			await stack().sim.emitIncomingText(INSTANCE, { from: '4915112345678', text: 'after restart' });
			await expectExecutions(3);
		});

		more("test listening takes the instance's webhook; re-activating gives it back", async () => {
			const answer = await stack().client.request('POST', `/workflows/${workflowId}/run`, {
				triggerToStartFrom: { name: 'Wonotify Trigger' },
			});
			assert.deepEqual(answer, { waitingForWebhook: true });
			const testUrl = `${stack().n8n.url}/webhook-test/${webhookId}/webhook?secret=`;
			await waitUntil(() => instance().webhookUrl.startsWith(testUrl), { what: 'the test URL to be registered' });
			await stack().sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'test event' });
			// The test run ends after one event; n8n then removes the test webhook. n8n 2.41 hands
			// the trigger empty static data while testing, so it cannot know the production
			// registration to put back: it turns the instance's webhook off, as the node's notice says.
			await waitUntil(() => instance().webhookEnabled === false, { what: 'the test webhook to be removed', timeoutMs: 15_000 });
			// The test run is stored once it has finished: wait for that, not for a while.
			const manual = await waitUntil(
				async () => {
					const done = (await finished()).filter((execution) => execution.mode === 'manual');
					return done.length > 0 ? done : undefined;
				},
				{ what: 'the test run to be stored as finished' },
			);
			assert.equal(manual.length, 1);
			assert.equal(nodeOutput(await stack().client.execution(manual[0].id), 'Wonotify Trigger')[0].text, 'test event');

			await stack().client.deactivate(workflowId);
			await stack().client.activate(workflowId);
			// Registered again, with a new secret (deactivation forgets the old one).
			assert.ok(instance().webhookUrl.startsWith(`${productionUrl()}?secret=`));
			assert.equal(instance().webhookEnabled, true);
			await waitForLiveWebhook();
			await stack().sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'back in production' });
			await expectExecutions(5);
		});

		more('deactivation disables the webhook', async () => {
			await stack().client.deactivate(workflowId);
			await waitUntil(() => instance().webhookEnabled === false, { what: 'the webhook to be disabled' });
			assert.equal(await stack().sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'anyone?' }), null);
		});
	});
}
