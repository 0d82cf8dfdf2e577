// Send and Wait answered in the chat, with a Wonotify Trigger (the auto-reply example) active on
// the instance: the tests that run in plain n8n (send-and-wait-in-chat.test.mjs) and in queue
// mode (queue-mode.test.mjs). The simulator's person taps or replies; the trigger resumes the
// waiting execution through n8n's signed resume link and starts no auto-reply; a button copied
// into another chat, a changed one, or one tapped after the end resumes nothing, and the log
// says so without the signature. Every wait is for state (the execution's status, the
// webhook's answer, a log line), never for time: a tap's webhook call returns only after n8n
// answered the resume.
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { executionError } from '../../scripts/lib/n8n-rest.mjs';
import { INSTANCE, waitUntil } from './e2e-stack.mjs';
import { finishedExecution, outputOf, startWaiting, statusOf } from './send-and-wait-flows.mjs';

const ASKED = '919812345678';
const OTHER = '447700900123';

/** A signature (64 hex) out of a link or button ID: it must appear in no log. */
const signatureOf = (text) => /[0-9a-f]{64}/.exec(text)[0];

/**
 * context(): { stack, autoReplyId, logText() (every log the trigger may write to), webhookBase? }
 * Returns the IDs of the executions an answer in the chat finished, filled as the tests run.
 */
export function inChatAnswerTests(context) {
	const answered = [];
	const ask = (parameters) => {
		const { stack, webhookBase } = context();
		return startWaiting(stack, { answerIn: 'chat', ...parameters }, webhookBase ? { webhookBase } : undefined);
	};
	const autoReplies = () => context().stack.sim.requestsTo('/send').filter((request) => /^Thanks /.test(request.body.message)).length;
	const autoReplyRuns = async () => (await context().stack.client.executions({ workflowId: context().autoReplyId })).length;
	const count = (text) => context().logText().split(text).length - 1;
	const waitForLog = (text, times = 1) => waitUntil(() => count(text) >= times, { what: `${times} log line(s) "${text}"`, timeoutMs: 20_000 });

	it('Approve by button: the tap resumes the execution; the trigger starts no auto-reply', async () => {
		const { stack } = context();
		const [repliesBefore, runsBefore] = [autoReplies(), await autoReplyRuns()];
		const run = await ask({ message: 'Refund 20 € for order 1042?', approvalOptions: { values: { approvalType: 'double' } } });
		assert.deepEqual(run.buttons.map((button) => button.display_text), ['Approve', 'Disapprove']);
		assert.ok(run.links.Approve && run.links.Disapprove, 'the links stay in the text');
		const tap = await stack.sim.emitButtonTap(INSTANCE, { from: ASKED, button: 'Approve' });
		assert.equal(tap.status, 200);
		assert.deepEqual(JSON.parse(tap.body), { status: 'ignored', reason: 'answer to Send and Wait' });
		const execution = await finishedExecution(stack, run.executionId);
		assert.equal(execution.status, 'success', executionError(execution));
		assert.equal(outputOf(execution).data.approved, true);
		answered.push(run.executionId);
		assert.equal(autoReplies(), repliesBefore);
		assert.equal(await autoReplyRuns(), runsBefore);
		await waitForLog(`passed on an answer in the chat to execution ${run.executionId}`);
	});

	it('Free Text by reply: the reply quoting the question is the answer', async () => {
		const { stack } = context();
		const run = await ask({ message: 'Which time suits you for delivery?', responseType: 'freeText' });
		assert.match(run.text, /Reply to this message with your answer/);
		const reply = await stack.sim.emitReply(INSTANCE, { from: ASKED, text: 'Friday after 2 pm' });
		assert.equal(reply.status, 200);
		const execution = await finishedExecution(stack, run.executionId);
		assert.equal(execution.status, 'success', executionError(execution));
		assert.equal(outputOf(execution).data.text, 'Friday after 2 pm');
		answered.push(run.executionId);
	});

	it('a button copied into another chat, or changed, resumes nothing; the right tap still works; a late tap changes nothing', async () => {
		const { stack } = context();
		const run = await ask({ message: 'Ship today?', approvalOptions: { values: { approvalType: 'double' } } });
		const [approve, disapprove] = run.buttons.map((button) => button.id);
		const questionId = stack.sim.getInstance(INSTANCE).sent.filter((sent) => sent.key.remoteJid === `${ASKED}@s.whatsapp.net`).at(-1).key.id;
		const refused = `answer in the chat to execution ${run.executionId} was not taken (n8n refused it`;
		const repliesBefore = autoReplies();

		const copied = await stack.sim.emitButtonTap(INSTANCE, { from: OTHER, buttonId: approve, button: 'Approve' });
		const changed = await stack.sim.emitButtonTap(INSTANCE, { from: ASKED, buttonId: disapprove.replace(':n:', ':y:'), button: 'Approve' });
		// Malformed (a signature that is not hex): no call to n8n at all, and no auto-reply either.
		const broken = await stack.sim.emitButtonTap(INSTANCE, { from: ASKED, buttonId: `${approve.slice(0, -1)}g`, button: 'Approve' });
		assert.deepEqual([copied.status, changed.status, broken.status], [200, 200, 200]);
		await waitForLog(refused, 2);
		await waitForLog('ignored a tap on a Send and Wait button whose ID was changed');
		assert.equal(await statusOf(stack, run.executionId), 'waiting');

		await stack.sim.emitButtonTap(INSTANCE, { from: ASKED, button: 'Disapprove' });
		const execution = await finishedExecution(stack, run.executionId);
		assert.equal(outputOf(execution).data.approved, false);
		answered.push(run.executionId);

		const late = await stack.sim.emitButtonTap(INSTANCE, { from: ASKED, button: 'Approve', messageId: questionId });
		assert.equal(late.status, 200);
		await waitForLog(`answer in the chat to execution ${run.executionId} was not taken (the execution no longer waits`);
		assert.equal(outputOf(await stack.client.execution(run.executionId)).data.approved, false);
		assert.equal(count(refused), 2, 'the broken ID was never passed on');
		assert.equal(autoReplies(), repliesBefore, 'no tap on one of our buttons started the auto-reply');
		for (const id of [approve, disapprove]) assert.ok(!context().logText().includes(signatureOf(id)), 'no signature in the log');
	});
	return answered;
}
