// Send and Wait answered in the chat, in n8n's engine: the question that goes out (quick-reply
// buttons, or a Free Text question to reply to), and what the Wonotify Trigger rebuilds from a
// tap or a quoting reply. Whether n8n takes the rebuilt link is checked with the engine's own
// signing (resume-links.ts): n8n 1.x signs the host too, so this also shows that the trigger's
// own address is the one n8n signed.
import type { IDataObject } from 'n8n-workflow';

import { resumePath, tokenInQuestion, tokenOfButtonId } from '../../nodes/shared/signed-answer-link';
import { onN8n1x } from './engine-under-test';
import { runWonotifyNode } from './n8n-engine';
import { linksByLabel, signedByN8n } from './resume-links';
import { credentialsFor, SEEDED_INSTANCE, useSimulator } from './simulator-setup';

const ctx = useSimulator();
const GROUP = '120363041234567890@g.us';
// The waiting webhook base the engine harness gives n8n (testAdditionalData).
const N8N = 'http://127.0.0.1:5678/';

const question = (extra: IDataObject = {}): IDataObject => ({
	resource: 'message',
	operation: 'sendAndWait',
	instanceId: SEEDED_INSTANCE.id,
	chatId: '+91 98765-43210',
	message: 'Refund order #1042?',
	responseType: 'approval',
	answerIn: 'chat',
	...extra,
});

async function send(parameters: IDataObject) {
	const result = await runWonotifyNode({ parameters, credentials: credentialsFor(ctx.sim) });
	expect(result.error).toBeUndefined();
	expect(result.run.status).toBe('waiting');
	return result;
}

/** The link the trigger would call for this token and chat. */
const rebuilt = (token: Parameters<typeof resumePath>[0], chat: string) => new URL(`${N8N}${resumePath(token, chat)}`);

describe('Buttons in the Chat', () => {
	test('quick replies whose IDs give back n8n’s signed link for this chat only; the links stay in the text', async () => {
		await send(question({ approvalOptions: { values: { approvalType: 'double', approveLabel: 'Yes, refund', disapproveLabel: 'No' } } }));
		const [request] = ctx.sim.requestsTo('/send_template');
		const body = request.body as { type: string; number: string; message: { text: string; interactiveButtons: Array<{ name: string; buttonParamsJson: string }> } };
		expect(body).toMatchObject({ type: 'interactive', number: '919876543210' });
		const buttons = body.message.interactiveButtons.map((button) => ({ name: button.name, ...(JSON.parse(button.buttonParamsJson) as { display_text: string; id: string }) }));
		expect(buttons.map((button) => [button.name, button.display_text])).toEqual([
			['quick_reply', 'Yes, refund'],
			['quick_reply', 'No'],
		]);
		const [yes, no] = buttons.map((button) => tokenOfButtonId(button.id)!);
		expect([yes.approved, no.approved]).toEqual([true, false]);
		expect(signedByN8n(rebuilt(yes, '919876543210'))).toBe(true);
		expect(signedByN8n(rebuilt(no, '919876543210'))).toBe(true);
		// The same button tapped in another chat, or Disapprove turned into Approve.
		expect(signedByN8n(rebuilt(yes, '919812345678'))).toBe(false);
		expect(signedByN8n(rebuilt({ ...no, approved: true }, '919876543210'))).toBe(false);
		// The links in the text are the very links the buttons carry, for phones without buttons.
		const links = linksByLabel(body.message.text);
		expect(links['Yes, refund'].href).toBe(rebuilt(yes, '919876543210').href);
		expect(links.No.href).toBe(rebuilt(no, '919876543210').href);
	});

	test('to a group: no buttons (the gateway sends none to groups), the links signed for the group', async () => {
		await send(question({ chatId: GROUP }));
		expect(ctx.sim.requestsTo('/send_template')).toHaveLength(0);
		const text = (ctx.sim.requestsTo('/send_group')[0].body as { message: string }).message;
		const approve = linksByLabel(text).Approve;
		expect(approve.searchParams.get('chat')).toBe(GROUP);
		expect(signedByN8n(approve)).toBe(true);
	});

	test('Links (the default) sends the links as before, signed without a chat', async () => {
		await send(question({ answerIn: 'links' }));
		const text = (ctx.sim.requestsTo('/send')[0].body as { message: string }).message;
		expect(text).toMatch(/^Refund order #1042\?\n\nApprove: http\S+$/);
		expect(linksByLabel(text).Approve.searchParams.has('chat')).toBe(false);
	});
});

test('on n8n 1.x the execution asks n8n to check the links’ signatures (2.x always checks them)', async () => {
	const { run } = await send(question());
	expect((run.data as { validateSignature?: boolean }).validateSignature).toBe(onN8n1x ? true : undefined);
});

describe('Reply in the Chat', () => {
	test('the question asks for a reply and carries the link the trigger finds in the quote', async () => {
		await send(question({ responseType: 'freeText', message: 'When can we deliver?' }));
		const text = (ctx.sim.requestsTo('/send')[0].body as { message: string }).message;
		expect(text).toMatch(/^When can we deliver\?\n\nReply to this message with your answer, or open the link\.\n\nRespond: http\S+$/);
		const token = tokenInQuestion(text)!;
		expect(token.approved).toBeUndefined();
		expect(rebuilt(token, '919876543210').href).toBe(linksByLabel(text).Respond.href);
		expect(signedByN8n(rebuilt(token, '919876543210'))).toBe(true);
		expect(signedByN8n(rebuilt(token, '919812345678'))).toBe(false);
	});

	test('a Custom Form is answered with its link only, whatever Answer In says', async () => {
		await send(question({ responseType: 'customForm', defineForm: 'json', jsonOutput: '[{"fieldLabel":"Notes"}]' }));
		const text = (ctx.sim.requestsTo('/send')[0].body as { message: string }).message;
		expect(text).toMatch(/^Refund order #1042\?\n\nRespond: http\S+$/);
		expect(linksByLabel(text).Respond.searchParams.has('chat')).toBe(false);
	});
});
