// The nodes in n8n's queue mode, as users scale out: Redis, a main process that only manages
// (N8N_DISABLE_PRODUCTION_MAIN_PROCESS), a webhook processor that receives the gateway's
// calls, and a worker that runs the executions; all on one user folder (SQLite, which n8n
// allows in queue mode with a warning) and one encryption key. The auto-reply example must
// work unchanged: the main process registers the webhook processor's URL with a secret, the
// webhook processor checks the secret from the database (nothing is shared in memory), and
// the worker sends the reply.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { executionError, nodeOutput } from '../../scripts/lib/n8n-rest.mjs';
import { freePort, startN8n, withWonotifyCredential } from '../../scripts/lib/n8n-server.mjs';
import { startRedis } from '../../scripts/lib/redis.mjs';
import { startStack } from '../../scripts/lib/stack.mjs';
import { runOperation } from './action.suite.mjs';
import { downloadLaterWorkflow, hashedDownloadWorkflow, mediaExecutions, storedFile } from './media-flows.mjs';
import { inChatAnswerTests } from './in-chat-answers.suite.mjs';
import { finishedExecution, outputOf, startWaiting } from './send-and-wait-flows.mjs';
import { assertReceivedByteForByte, sendFiles } from './send-file-flows.mjs';
import { startLoadBalancer } from './load-balancer.mjs';
import { ACCESS_TOKEN, CREDENTIAL_NAME, INSTANCE, OWNER, waitUntil } from './e2e-stack.mjs';

const example = JSON.parse(readFileSync(new URL('../../examples/auto-reply.json', import.meta.url), 'utf8'));
const webhookId = example.nodes.find((node) => node.type === 'n8n-nodes-wonotify.wonotifyTrigger').webhookId;

describe("n8n's queue mode: main + webhook processor + worker", () => {
	const logFile = (role) => join(process.cwd(), 'test-results', `e2e-queue-${role}.log`);
	let redis;
	let stack;
	let webhookProcess;
	let worker;
	let balancer;
	let workflowId;
	let webhookBase;
	const instance = () => stack.sim.getInstance(INSTANCE);
	const productionUrl = () => `${webhookBase}webhook/${webhookId}/webhook`;
	const finished = async () =>
		(await stack.client.executions({ workflowId })).filter((execution) => !['new', 'running', 'waiting'].includes(execution.status));

	before(async () => {
		redis = await startRedis({ port: await freePort() });
		const webhookPort = await freePort();
		// WEBHOOK_URL is the public address, a load balancer: webhook calls to the webhook
		// processor, the rest (signed file links included) to the main process.
		const balancerPort = await freePort();
		webhookBase = `http://127.0.0.1:${balancerPort}/`;
		const env = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		};
		stack = await startStack({ token: ACCESS_TOKEN, owner: OWNER, credentialName: CREDENTIAL_NAME, logFile: logFile('main'), env, webhookUrl: webhookBase, label: 'queue' });
		const sameFolder = { userFolder: stack.userFolder, webhookUrl: webhookBase, env };
		webhookProcess = await startN8n({ ...sameFolder, command: 'webhook', port: webhookPort, brokerPort: await freePort(), logFile: logFile('webhook') });
		worker = await startN8n({ ...sameFolder, command: 'worker', port: await freePort(), brokerPort: await freePort(), logFile: logFile('worker') });
		balancer = await startLoadBalancer({ port: balancerPort, main: stack.n8n.url, webhooks: `http://127.0.0.1:${webhookPort}` });

		await stack.client.updateCredential(stack.credential.id, {
			name: stack.credential.name,
			type: 'wonotifyApi',
			data: { accessToken: ACCESS_TOKEN, baseUrl: stack.sim.baseUrl, instanceId: INSTANCE },
		});
		workflowId = (await stack.client.createWorkflow(withWonotifyCredential(example, stack.credential))).id;
	});
	after(async () => {
		await balancer?.stop();
		await worker?.stop();
		await webhookProcess?.stop();
		await stack?.stop();
		await redis?.stop();
	});

	it("activating on the main process registers the webhook processor's URL with a secret", async () => {
		await stack.client.activate(workflowId);
		const registered = new URL(instance().webhookUrl);
		assert.equal(`${registered.origin}${registered.pathname}`, productionUrl());
		assert.match(registered.searchParams.get('secret'), /^[0-9a-f]{48}$/);
		assert.equal(instance().webhookEnabled, true);
		// Live on the webhook processor once a call without the secret gets 403 (not 404).
		await waitUntil(
			async () => (await fetch(productionUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status === 403,
			{ what: 'the webhook processor to serve the trigger', timeoutMs: 20_000 },
		);
	});

	it('an incoming message is checked by the webhook processor and answered by the worker', async () => {
		await stack.sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'Queue mode?', pushName: 'Ravi' });
		const [execution] = await waitUntil(async () => {
			const done = await finished();
			return done.length > 0 ? done : undefined;
		}, { what: 'the execution to finish on the worker', timeoutMs: 30_000 });
		const run = await stack.client.execution(execution.id);
		assert.equal(run.status, 'success');
		assert.equal(nodeOutput(run, 'Wonotify Trigger')[0].text, 'Queue mode?');
		assert.equal(stack.sim.requestsTo('/send').at(-1).body.message, 'Thanks Ravi! You wrote: Queue mode?');
		// Each process logs its part of the job.
		assert.match(webhookProcess.logText(), new RegExp(`Enqueued execution ${execution.id} \\(job`));
		assert.match(worker.logText(), new RegExp(`Worker finished execution ${execution.id} \\(job`));
	});

	it('a forged call gets 403 from the webhook processor and starts nothing', async () => {
		const before = (await stack.client.executions({ workflowId })).length;
		const answer = await fetch(`${productionUrl()}?secret=${'0'.repeat(48)}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ instance_id: INSTANCE, data: { event: 'messages.upsert', data: { type: 'notify', messages: [{ key: { remoteJid: '919812345678@s.whatsapp.net', fromMe: false, id: 'FORGED' }, message: { conversation: 'forged' } }] } } }),
		});
		assert.equal(answer.status, 403);
		// An execution would have been stored (and queued) before the webhook processor answered.
		assert.equal((await stack.client.executions({ workflowId })).length, before);
	});

	it('a copy of a message starts no second execution: the webhook processor remembers it in the database', async () => {
		const before = (await stack.client.executions({ workflowId })).length;
		const message = (id, text) => ({ type: 'notify', messages: [{ key: { remoteJid: '919812345678@s.whatsapp.net', fromMe: false, id }, messageTimestamp: Math.floor(Date.now() / 1000), pushName: 'Ravi', message: { conversation: text } }] });
		const countIs = async (count) => {
			await waitUntil(async () => (await finished()).length >= count, { what: `${count} executions`, timeoutMs: 30_000 });
			assert.equal((await stack.client.executions({ workflowId })).length, count);
		};
		await stack.sim.emitEvent(INSTANCE, 'messages.upsert', message('3AQUEUECOPY', 'once'));
		await countIs(before + 1);
		// The webhook processor saved static data to the database before it answered the first copy.
		const copy = await stack.sim.emitEvent(INSTANCE, 'messages.upsert', message('3AQUEUECOPY', 'once'));
		assert.equal(copy.status, 200);
		assert.equal(JSON.parse(copy.body).reason, 'repeated message');
		// A new message as the sentinel: once its execution exists, a second one of the copy would too.
		await stack.sim.emitEvent(INSTANCE, 'messages.upsert', message('3AQUEUESENTINEL', 'sentinel'));
		await countIs(before + 2);
	});

	it('deactivating on the main process turns the webhook off', async () => {
		await stack.client.deactivate(workflowId);
		assert.equal(instance().webhookEnabled, false);
	});

	it('a Wonotify node runs on the worker: Get QR Code with its PNG as binary data', async () => {
		const id = stack.sim.addInstance({ token: ACCESS_TOKEN, connected: false }).id;
		const { execution, output } = await runOperation(stack, { resource: 'instance', operation: 'getQrCode', instanceId: id, asImage: true }, { webhookUrl: webhookBase });
		assert.equal(execution.status, 'success');
		assert.match(output[0].qrCode, /^data:image\/png;base64,/);
		const binary = execution.data.resultData.runData.Wonotify[0].data.main[0][0].binary.data;
		assert.equal(binary.mimeType, 'image/png');
		assert.match(worker.logText(), new RegExp(`Worker finished execution ${execution.id} \\(job`));
	});

	it('Download Media: the webhook processor downloads for the trigger, byte for byte', async () => {
		const [{ plain, execution }] = await mediaExecutions(stack, hashedDownloadWorkflow(), ['voice']);
		assert.equal(execution.status, 'success', executionError(execution));
		assert.equal(nodeOutput(execution, 'File SHA-256')[0].sha256, createHash('sha256').update(plain).digest('hex'));
		assert.match(worker.logText(), new RegExp(`Worker finished execution ${execution.id} \\(job`));
	});

	it('the Download Media operation runs on the worker, byte for byte', async () => {
		const [{ plain, execution }] = await mediaExecutions(stack, downloadLaterWorkflow(), ['image']);
		assert.equal(execution.status, 'success', executionError(execution));
		assert.ok((await storedFile(stack, execution, 'Download Media')).bytes.equals(plain));
		assert.match(worker.logText(), new RegExp(`Worker finished execution ${execution.id} \\(job`));
	});

	it('Send and Wait: the approval link resumes the waiting execution through the webhook processor, on a worker', async () => {
		const run = await startWaiting(stack, { message: 'Approve the refund?', responseType: 'approval' }, { webhookBase });
		assert.ok(run.links.Approve.startsWith(`${webhookBase}webhook-waiting/`), run.links.Approve);
		assert.equal((await fetch(run.links.Approve)).status, 200);
		const execution = await finishedExecution(stack, run.executionId);
		assert.equal(execution.status, 'success', executionError(execution));
		assert.equal(outputOf(execution).data.approved, true);
		assert.match(worker.logText(), new RegExp(`Worker finished execution ${run.executionId} \\(job`));
	});

	it('Send Media from binary data: files made on a worker reach the gateway through the main process, byte for byte', async () => {
		const results = await sendFiles(stack, { webhookUrl: webhookBase });
		assertReceivedByteForByte(results, webhookBase);
		for (const { execution } of results) assert.match(worker.logText(), new RegExp(`Worker finished execution ${execution.id} \\(job`));
	});

	describe('Send and Wait answered in the chat: the trigger on the webhook processor, the execution resumed on a worker', () => {
		const allLogs = () => [stack.allLogs(), webhookProcess.logText(), worker.logText()].join('\n');
		before(async () => {
			await stack.client.activate(workflowId);
			await waitUntil(
				async () => (await fetch(productionUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status === 403,
				{ what: 'the webhook processor to serve the trigger again', timeoutMs: 20_000 },
			);
		});
		const answered = inChatAnswerTests(() => ({ stack, autoReplyId: workflowId, webhookBase, logText: allLogs }));

		it('the webhook processor passed each answer on, and a worker resumed the execution', () => {
			assert.equal(answered.length, 3);
			for (const executionId of answered) {
				assert.match(webhookProcess.logText(), new RegExp(`passed on an answer in the chat to execution ${executionId}\\b`));
				// Two jobs: the one that asked and went to wait, and the one the answer resumed.
				assert.equal(worker.logText().match(new RegExp(`Worker finished execution ${executionId} \\(job`, 'g'))?.length, 2);
			}
		});
	});

	it('no process wrote the access token into its log', () => {
		for (const text of [stack.allLogs(), webhookProcess.logText(), worker.logText()]) assert.ok(!text.includes(ACCESS_TOKEN));
	});
});
