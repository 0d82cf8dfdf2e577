// Send and Wait answered in the chat: the button ID and the question carry n8n's signed resume
// link in short form, and the trigger rebuilds it for the chat the answer came from. The link
// is signed and checked here with n8n-core's own signing helpers (n8n 2.x signs path and query),
// so "another chat" and "changed" are shown to fail n8n's check, not a check of ours.
import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { buttonIdOf, resumePath, tokenInQuestion, tokenOfButtonId } from '../../nodes/shared/signed-answer-link';
import { eventsToItems } from '../../nodes/WonotifyTrigger/events';

interface SignatureHelpers {
	prepareUrlForSigning(url: URL): string;
	validateUrlSignature(signature: string, url: URL, secret: string): boolean;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8nSigning = require('n8n-core/dist/utils/signature-helpers') as SignatureHelpers;

const N8N_HMAC_KEY = 'the key this test n8n signs with';
const BASE = 'https://n8n.example.com/';
const RAVI = '919876543210';
const PRIYA = '919812345678';
const NODE_ID = '5b7c1f0e-2d4a-4c59-9a77-1e0f3c2b8d11';

/** What getSignedResumeUrl returns (n8n-core's code, with the test's secret). */
function signedLink(executionId: string, parameters: Record<string, string>): string {
	const url = new URL(`${BASE}webhook-waiting/${executionId}/${encodeURIComponent(NODE_ID)}`);
	for (const [key, value] of Object.entries(parameters)) url.searchParams.set(key, value);
	const signature = createHmac('sha256', N8N_HMAC_KEY).update(n8nSigning.prepareUrlForSigning(url)).digest('hex');
	url.searchParams.set('signature', signature);
	return url.toString();
}

/** Whether n8n's waiting webhook would take the rebuilt link. */
function n8nTakes(path: string): boolean {
	const url = new URL(`${BASE}${path}`);
	return n8nSigning.validateUrlSignature(url.searchParams.get('signature') ?? '', url, N8N_HMAC_KEY);
}

describe('approval buttons', () => {
	const approve = signedLink('42', { approved: 'true', chat: RAVI });
	const disapprove = signedLink('42', { approved: 'false', chat: RAVI });

	test('the button ID is short, names the answer, and rebuilds the exact link n8n signed', () => {
		const id = buttonIdOf(approve);
		expect(id).toMatch(/^wnf1:42:5b7c1f0e-2d4a-4c59-9a77-1e0f3c2b8d11:y:[0-9a-f]{64}$/);
		expect(id.length).toBeLessThanOrEqual(256);
		const token = tokenOfButtonId(id);
		expect(token).toEqual({ executionId: '42', nodeId: NODE_ID, approved: true, signature: new URL(approve).searchParams.get('signature') });
		expect(`${BASE}${resumePath(token!, RAVI)}`).toBe(approve);
		expect(n8nTakes(resumePath(token!, RAVI))).toBe(true);
		expect(tokenOfButtonId(buttonIdOf(disapprove))?.approved).toBe(false);
	});

	test('tapped in another chat (the button copied), n8n refuses it', () => {
		const token = tokenOfButtonId(buttonIdOf(approve))!;
		expect(n8nTakes(resumePath(token, PRIYA))).toBe(false);
		expect(n8nTakes(resumePath(token, '120363041234567890@g.us'))).toBe(false);
	});

	test.each([
		['Disapprove turned into Approve', (id: string) => id.replace(':n:', ':y:')],
		['another execution', (id: string) => id.replace('wnf1:42:', 'wnf1:43:')],
		['another node', (id: string) => id.replace(':5b7c1f0e-', ':5b7c1f0f-')],
		['a changed signature', (id: string) => id.replace(/.$/, (last) => (last === '0' ? '1' : '0'))],
	])('%s: n8n refuses it', (_what, change) => {
		const token = tokenOfButtonId(change(buttonIdOf(disapprove)));
		expect(token).toBeDefined();
		expect(n8nTakes(resumePath(token!, RAVI))).toBe(false);
	});

	test.each([
		['someone else’s button', 'approve'],
		['no prefix', `42:${NODE_ID}:y:${'a'.repeat(64)}`],
		['another version', `wnf2:42:${NODE_ID}:y:${'a'.repeat(64)}`],
		['an extra part', `wnf1:42:${NODE_ID}:y:${'a'.repeat(64)}:x`],
		['an answer that is not y or n', `wnf1:42:${NODE_ID}:maybe:${'a'.repeat(64)}`],
		['a short signature', `wnf1:42:${NODE_ID}:y:${'a'.repeat(63)}`],
		['a signature that is not hex', `wnf1:42:${NODE_ID}:y:${'g'.repeat(64)}`],
		['a path in the execution ID', `wnf1:..%2F..%2Frest:${NODE_ID}:y:${'a'.repeat(64)}`],
		['a node ID a URL would resolve as a path', `wnf1:42:..:y:${'a'.repeat(64)}`],
		['a control character in the node ID', `wnf1:42:a%0Ab:y:${'a'.repeat(64)}`],
		['broken percent-encoding', `wnf1:42:%E0%A4%A:y:${'a'.repeat(64)}`],
		['an overlong ID', `wnf1:42:${'n'.repeat(300)}:y:${'a'.repeat(64)}`],
	])('%s is no answer', (_what, id) => {
		expect(tokenOfButtonId(id)).toBeUndefined();
	});
});

test('a node ID of an imported workflow (any text) travels as one path segment and still matches', () => {
	const nodeId = 'Ask the Owner/../../rest: 1';
	const url = new URL(`${BASE}webhook-waiting/42/${encodeURIComponent(nodeId)}`);
	url.searchParams.set('approved', 'true');
	url.searchParams.set('chat', RAVI);
	url.searchParams.set('signature', createHmac('sha256', N8N_HMAC_KEY).update(n8nSigning.prepareUrlForSigning(url)).digest('hex'));
	const token = tokenOfButtonId(buttonIdOf(url.toString()))!;
	expect(token.nodeId).toBe(nodeId);
	const path = resumePath(token, RAVI);
	expect(new URL(`${BASE}${path}`).pathname).toBe('/webhook-waiting/42/Ask%20the%20Owner%2F..%2F..%2Frest%3A%201');
	expect(n8nTakes(path)).toBe(true);
});

describe('Free Text questions', () => {
	const link = signedLink('7', { chat: RAVI });

	test('the link in the question is found and rebuilds the exact link n8n signed', () => {
		const token = tokenInQuestion(`When can we deliver?\n\nReply to this message with your answer, or open the link.\n\nRespond: ${link}`);
		expect(token).toEqual({ executionId: '7', nodeId: NODE_ID, signature: new URL(link).searchParams.get('signature') });
		expect(`${BASE}${resumePath(token!, RAVI)}`).toBe(link);
		expect(n8nTakes(resumePath(token!, PRIYA))).toBe(false);
	});

	test('an approval question, a link answered by link only, or no link is no Free Text question', () => {
		expect(tokenInQuestion(`Refund?\n\nApprove: ${signedLink('7', { approved: 'true', chat: RAVI })}`)).toBeUndefined();
		expect(tokenInQuestion(`When?\n\nRespond: ${signedLink('7', { approved: 'true' })}`)).toBeUndefined();
		expect(tokenInQuestion('When can we deliver?')).toBeUndefined();
		expect(tokenInQuestion(`Respond: ${link}0`)).toBeUndefined();
	});
});

describe('the trigger recognises answers', () => {
	const message = (content: IDataObject, key: IDataObject = {}) => ({
		instance_id: 'I1',
		data: {
			event: 'messages.upsert',
			data: { type: 'notify', messages: [{ key: { remoteJid: `${RAVI}@s.whatsapp.net`, fromMe: false, id: 'M1', ...key }, messageTimestamp: 1700000000, message: content }] },
		},
	});
	const tap = (id: string) => ({
		interactiveResponseMessage: {
			body: { text: 'Approve' },
			nativeFlowResponseMessage: { name: 'quick_reply', paramsJson: JSON.stringify({ id }) },
			contextInfo: { stanzaId: 'Q1' },
		},
	});
	const reply = (text: string, quoted: string) => ({
		extendedTextMessage: { text, contextInfo: { stanzaId: 'Q1', participant: '15550001111@s.whatsapp.net', quotedMessage: { conversation: quoted } } },
	});
	const approveId = buttonIdOf(signedLink('42', { approved: 'true', chat: RAVI }));
	const freeTextLink = signedLink('7', { chat: RAVI });

	test('a tap on a question’s button is passed on and, by default, starts nothing', () => {
		const result = eventsToItems(message(tap(approveId)));
		expect(result.items).toEqual([]);
		expect(result.ignored).toBe('answer to Send and Wait');
		expect(result.answers).toEqual([{ token: tokenOfButtonId(approveId), chat: RAVI }]);
	});

	test('with Emit Answers to Send and Wait, the tap is an item as well', () => {
		// Arriving when it was sent: the message's 2023 timestamp is not a replay then.
		const result = eventsToItems(message(tap(approveId)), { emitChatAnswers: true, receivedAtMs: 1_700_000_000_000 });
		expect(result.items).toHaveLength(1);
		expect(result.items[0]).toMatchObject({ type: 'buttonReply', buttonReplyId: approveId });
		expect(result.answers).toHaveLength(1);
	});

	test('a reply quoting a Free Text question is passed on with its text', () => {
		const result = eventsToItems(message(reply('  Friday after 2 pm ', `When?\n\nRespond: ${freeTextLink}`)));
		expect(result.items).toEqual([]);
		expect(result.answers).toEqual([{ token: tokenInQuestion(freeTextLink), chat: RAVI, text: 'Friday after 2 pm' }]);
	});

	test('one of our buttons with a changed ID is nothing to pass on, and no message either', () => {
		const result = eventsToItems(message(tap(approveId.replace(/.$/, 'g'))));
		expect(result.items).toEqual([]);
		expect(result.answers).toEqual([{ token: undefined, chat: RAVI }]);
	});

	test('in a group, the group is the chat that answers', () => {
		const group = '120363041234567890@g.us';
		const result = eventsToItems(message(tap(approveId), { remoteJid: group, participant: `${PRIYA}@s.whatsapp.net` }));
		expect(result.answers).toEqual([{ token: tokenOfButtonId(approveId), chat: group }]);
	});

	test.each([
		['an own message', message(tap(approveId), { fromMe: true })],
		['a reply quoting another message', message(reply('yes', 'Are you there?'))],
		['a reply quoting an approval question', message(reply('no', `Refund?\n\nApprove: ${signedLink('42', { approved: 'true', chat: RAVI })}`))],
		['an empty reply', message(reply('  ', `When?\n\nRespond: ${freeTextLink}`))],
		['a tap on another button', message(tap('order-status'))],
		['a plain text with the button ID', message({ conversation: approveId })],
	])('%s is no answer and arrives as usual unless filtered', (_what, body) => {
		const result = eventsToItems(body);
		expect(result.answers).toEqual([]);
		expect(result.ignored).not.toContain('answer to Send and Wait');
	});
});
