// Send and Wait for Response in a real n8n: the execution waits after the question went out
// through the simulator, the signed links in the message resume it (approve, disapprove, a
// typed answer, a form), a changed link is refused and the execution keeps waiting, a link
// preview robot does not answer, a second tap is told the answer is recorded, and a short
// wait limit resumes it with "no answer" without sending the question twice.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { executionError } from '../../scripts/lib/n8n-rest.mjs';
import { ACCESS_TOKEN } from './e2e-stack.mjs';
import { finishedExecution as finished, outputOf, startWaiting as waiting, statusOf as status } from './send-and-wait-flows.mjs';

/** smoke: only the approval (the n8n 1.x smoke run). */
export function sendAndWaitSuite(getStack, { smoke = false } = {}) {
	const more = smoke ? () => {} : it;
	const startWaiting = (parameters) => waiting(getStack(), parameters);
	const finishedExecution = (executionId) => finished(getStack(), executionId);
	const statusOf = (executionId) => status(getStack(), executionId);

	describe('Send and Wait for Response in a real n8n', () => {
		it('approve and disapprove links: a changed link and a preview robot change nothing; a second tap is told', async () => {
			const run = await startWaiting({
				message: 'Refund 20 € for order 1042?',
				responseType: 'approval',
				approvalOptions: { values: { approvalType: 'double', approveLabel: 'Yes, refund', disapproveLabel: 'No' } },
			});
			assert.match(run.text, /^Refund 20 € for order 1042\?\n\nYes, refund: http/);
			assert.ok(!run.text.includes(ACCESS_TOKEN));
			const approve = run.links['Yes, refund'];
			assert.ok(approve && run.links.No, run.text);
	
			const tampered = new URL(approve);
			tampered.searchParams.set('approved', 'false');
			const refused = await fetch(tampered);
			assert.equal(refused.status, 401);
			assert.match(await refused.text(), /invalid|expired|link/i);
			const robot = await fetch(approve, { headers: { 'user-agent': 'WhatsApp/2.24.6.77 A' } });
			assert.equal(robot.status, 200);
			assert.equal(await statusOf(run.executionId), 'waiting');
	
			const tap = await fetch(approve);
			assert.equal(tap.status, 200);
			assert.match(await tap.text(), /Your answer was recorded: <strong>approved<\/strong>/);
			const execution = await finishedExecution(run.executionId);
			assert.equal(execution.status, 'success', executionError(execution));
			assert.equal(outputOf(execution).data.approved, true);
	
			const again = await fetch(run.links.No);
			assert.equal(again.status, 200);
			assert.doesNotMatch(await again.text(), /Your answer was recorded/);
			assert.equal(outputOf(await getStack().client.execution(run.executionId)).data.approved, true);
		});
	
		more('disapprove finishes with approved: false', async () => {
			const run = await startWaiting({
				message: 'Ship today?',
				responseType: 'approval',
				approvalOptions: { values: { approvalType: 'double' } },
			});
			assert.equal((await fetch(run.links.Disapprove)).status, 200);
			assert.equal(outputOf(await finishedExecution(run.executionId)).data.approved, false);
		});
	
		more('free text: the page has a text box, and the posted text reaches the workflow', async () => {
			const run = await startWaiting({ message: 'Which time suits you for delivery?', responseType: 'freeText' });
			const page = await fetch(run.links.Respond);
			assert.equal(page.status, 200);
			assert.match(await page.text(), /<textarea id="text" name="text" required>/);
			const posted = await fetch(run.links.Respond, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ text: 'After 2 pm, please' }),
			});
			assert.equal(posted.status, 200);
			assert.equal(outputOf(await finishedExecution(run.executionId)).data.text, 'After 2 pm, please');
		});
	
		more('custom form: the fields defined in the node come back by label', async () => {
			const run = await startWaiting({
				message: 'Confirm your order',
				responseType: 'customForm',
				defineForm: 'json',
				jsonOutput: JSON.stringify([
					{ fieldLabel: 'Delivery time', fieldType: 'dropdown', choices: ['Morning', 'Evening'], requiredField: true },
					{ fieldLabel: 'Quantity', fieldType: 'number' },
					{ fieldLabel: 'Notes', fieldType: 'textarea' },
				]),
			});
			const page = await (await fetch(run.links.Respond)).text();
			assert.match(page, /<select id="field-0" name="field-0" required>.*<option>Evening<\/option>/s);
			assert.match(page, /<form method="post" enctype="multipart\/form-data">/);
			const form = new FormData();
			for (const [name, value] of Object.entries({ 'field-0': 'Evening', 'field-1': '3', 'field-2': '' })) form.append(name, value);
			assert.equal((await fetch(run.links.Respond, { method: 'POST', body: form })).status, 200);
			const { data } = outputOf(await finishedExecution(run.executionId));
			assert.deepEqual({ ...data, respondedAt: undefined }, { 'Delivery time': 'Evening', Quantity: 3, respondedAt: undefined });
		});
	
		// n8n checks for due waits every minute or so: this test takes up to about a minute.
		more('a wait limit that runs out resumes the workflow without an answer, the question sent once', async () => {
			const run = await startWaiting({
				message: 'Anyone there?',
				responseType: 'approval',
				options: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'seconds' } } },
			});
			const execution = await finishedExecution(run.executionId);
			assert.equal(execution.status, 'success', executionError(execution));
			// n8n passes a waiting node's input on: the Webhook's item, without an answer in data.
			const output = outputOf(execution);
			assert.equal(output.data, undefined);
			assert.deepEqual(Object.keys(output).sort(), ['body', 'executionMode', 'headers', 'params', 'query', 'webhookUrl']);
			assert.equal(getStack().sim.requestsTo('/send').length, run.sendsBefore + 1);
		});
	});
}
