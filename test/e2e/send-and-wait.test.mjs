// Send and Wait for Response in a real n8n (send-and-wait.suite.mjs), on its own n8n.
import { after, before } from 'node:test';

import { startStack } from './e2e-stack.mjs';
import { sendAndWaitSuite } from './send-and-wait.suite.mjs';

let stack;
before(async () => {
	stack = await startStack();
});
after(async () => {
	await stack?.stop();
});

sendAndWaitSuite(() => stack);
