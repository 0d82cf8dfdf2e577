// End-to-end tests against a real n8n with the package installed (see stack.mjs). One n8n
// serves every suite; they run in order, each leaving the stack usable for the next.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { actionSuite } from './action.suite.mjs';
import { editorSuite } from './editor.suite.mjs';
import { packageSuite } from './package.suite.mjs';
import { ACCESS_TOKEN, startStack } from './e2e-stack.mjs';
import { triggerSuite } from './trigger.suite.mjs';

let stack;
const getStack = () => stack;

before(async () => {
	stack = await startStack();
});
after(async () => {
	await stack?.stop();
});

packageSuite(getStack);
actionSuite(getStack);
triggerSuite(getStack);
editorSuite(getStack);

describe('the access token', () => {
	it('appears in no stored execution and nowhere in n8n’s log', async () => {
		const executions = await stack.client.executions({ limit: 100 });
		assert.ok(executions.length > 10);
		for (const { id } of executions) {
			const execution = await stack.client.execution(id);
			assert.ok(!JSON.stringify(execution).includes(ACCESS_TOKEN), `execution ${id} contains the token`);
		}
		assert.ok(!stack.allLogs().includes(ACCESS_TOKEN), 'n8n’s log contains the token');
	});
});
