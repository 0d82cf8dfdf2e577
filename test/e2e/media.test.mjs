// Incoming media in a real n8n (media.suite.mjs), on its own n8n.
import { after, before } from 'node:test';

import { startStack } from './e2e-stack.mjs';
import { mediaSuite } from './media.suite.mjs';

let stack;
before(async () => {
	stack = await startStack();
});
after(async () => {
	await stack?.stop();
});

mediaSuite(() => stack);
