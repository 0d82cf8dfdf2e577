// The n8n 1.x smoke run: the last n8n 1.x (pinned in scripts/lib/n8n-1x.cjs, installed by
// `npm test` like 2.x) with the packed package installed the way users install a community
// node, and the same suites as on 2.x, each cut to what a 1.x user needs most.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';

import { N8N_1X_RELEASE } from '../../scripts/lib/n8n-install.mjs';
import { actionSuite } from './action.suite.mjs';
import { startStack } from './e2e-stack.mjs';
import { mediaSuite } from './media.suite.mjs';
import { packageSuite } from './package.suite.mjs';
import { sendAndWaitSuite } from './send-and-wait.suite.mjs';
import { triggerSuite } from './trigger.suite.mjs';

let stack;
const getStack = () => stack;

// Named by version: the results reporter files the suites inside under this n8n.
describe(`n8n ${N8N_1X_RELEASE.version}`, () => {
	before(async () => {
		const problems = N8N_1X_RELEASE.inspectCache();
		assert.deepEqual(problems, {}, `n8n ${N8N_1X_RELEASE.version} is not installed in ${N8N_1X_RELEASE.cacheDir}: run \`node scripts/lib/n8n-install.mjs 1\` (npm test does)`);
		stack = await startStack({ release: N8N_1X_RELEASE });
	});
	after(async () => {
		await stack?.stop();
	});

	packageSuite(getStack, { smoke: true });
	actionSuite(getStack, { smoke: true });
	triggerSuite(getStack, { smoke: true });
	mediaSuite(getStack, { smoke: true });
	sendAndWaitSuite(getStack, { smoke: true });
});
