// Send and Wait answered in the chat, in a real n8n (one process): in-chat-answers.suite.mjs
// with the auto-reply example active on the instance.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { withWonotifyCredential } from '../../scripts/lib/n8n-server.mjs';
import { ACCESS_TOKEN, INSTANCE, startStack } from './e2e-stack.mjs';
import { inChatAnswerTests } from './in-chat-answers.suite.mjs';

const autoReply = JSON.parse(readFileSync(new URL('../../examples/auto-reply.json', import.meta.url), 'utf8'));

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

	it('no process wrote the access token into its log', () => {
		assert.ok(!stack.allLogs().includes(ACCESS_TOKEN));
	});
});
