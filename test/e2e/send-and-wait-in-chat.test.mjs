// Send and Wait answered in the chat, in a real n8n (one process): in-chat-answers.suite.mjs
// with the auto-reply example active on the instance.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { withWonotifyCredential } from '../../scripts/lib/n8n-server.mjs';
import { ACCESS_TOKEN, INSTANCE, startStack, waitUntil } from './e2e-stack.mjs';
import { inChatAnswerTests } from './in-chat-answers.suite.mjs';

const example = (name) => JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'));
const autoReply = example('auto-reply');

let stack;
let autoReplyId;
before(async () => {
	stack = await startStack();
	// The trigger listens to the credential's instance.
	await stack.client.updateCredential(stack.credential.id, {
		name: stack.credential.name,
		type: 'wonotifyApi',
		data: { accessToken: ACCESS_TOKEN, baseUrl: stack.sim.baseUrl, instanceId: INSTANCE },
	});
	autoReplyId = (await stack.client.createWorkflow(withWonotifyCredential(autoReply, stack.credential))).id;
	await stack.client.activate(autoReplyId);
});
after(async () => {
	await stack?.stop();
});

describe('Send and Wait answered in the chat, in a real n8n', () => {
	inChatAnswerTests(() => ({ stack, autoReplyId, logText: () => stack.allLogs() }));

	it('the approval-over-whatsapp example: a request goes to the owner, whose tap answers the customer', async () => {
		const { client, sim } = stack;
		await client.deactivate(autoReplyId);
		const approval = example('approval-over-whatsapp');
		const owner = approval.nodes.find((node) => node.name === 'Ask the Owner').parameters.chatId;
		const { id } = await client.createWorkflow(withWonotifyCredential(approval, stack.credential));
		await client.activate(id);
		const toCustomer = () => sim.requestsTo('/send').filter((request) => request.body.number === '919811112222').map((request) => request.body.message);
		const asked = () => sim.requestsTo('/send_template').filter((request) => request.body.number === owner).length;

		for (const [button, answer] of [['Approve', 'Good news Meera: your request was approved.'], ['Decline', 'Sorry Meera, your request was declined.']]) {
			const questions = asked();
			await sim.emitIncomingText(INSTANCE, { from: '919811112222', pushName: 'Meera', text: 'Can I return the blue shoes?' });
			await waitUntil(() => asked() > questions, { what: 'the question to the owner', timeoutMs: 20_000 });
			const question = sim.requestsTo('/send_template').at(-1).body.message;
			assert.match(question.text, /^Meera \(\+919811112222\) asks:\n\nCan I return the blue shoes\?\n\nApprove: http/);
			const replies = toCustomer().length;
			assert.equal((await sim.emitButtonTap(INSTANCE, { from: owner, button })).status, 200);
			await waitUntil(() => toCustomer().length > replies, { what: `the answer to the customer after ${button}`, timeoutMs: 30_000 });
			assert.equal(toCustomer().at(-1), answer);
		}
		// Two requests, two executions: the owner's taps started none.
		const runs = await client.executions({ workflowId: id });
		assert.equal(runs.length, 2);
		assert.ok(runs.every((run) => run.status === 'success'), JSON.stringify(runs.map((run) => run.status)));
	});

	it('no process wrote the access token into its log', () => {
		assert.ok(!stack.allLogs().includes(ACCESS_TOKEN));
	});
});
