// readWebhookBody on its own: when it looks at the raw body, and that nothing it meets makes
// it throw. The same paths with n8n's real WebhookContext: test/integration/trigger-request-body.test.ts.
import type { IWebhookFunctions } from 'n8n-workflow';

import { readWebhookBody } from '../../nodes/WonotifyTrigger/request-body';
import textConversation from '../fixtures/events/text-conversation.json';

const EVENT_TEXT = JSON.stringify(textConversation);

function contextWith(parsed: unknown, request: object): { context: IWebhookFunctions; requestRead: () => boolean } {
	let read = false;
	const context = {
		getBodyData: () => parsed,
		getRequestObject: () => {
			read = true;
			return request;
		},
	} as unknown as IWebhookFunctions;
	return { context, requestRead: () => read };
}

describe('readWebhookBody', () => {
	it('takes a parsed Wonotify event as it is, without looking at the raw body', async () => {
		const { context, requestRead } = contextWith(textConversation, { rawBody: Buffer.from('{"other":1}') });
		expect(await readWebhookBody(context)).toBe(textConversation);
		expect(requestRead()).toBe(false);
	});

	it.each<[string, unknown]>([
		['no parsed body (text/html, no Content-Type)', undefined],
		['an empty object', {}],
		['a form parsed into keys', { [EVENT_TEXT]: '' }],
		['JSON text (text/plain)', EVENT_TEXT],
	])('reads the raw body as JSON when n8n gave %s', async (_name, parsed) => {
		const { context } = contextWith(parsed, { rawBody: Buffer.from(`\uFEFF ${EVENT_TEXT}\r\n`) });
		expect(await readWebhookBody(context)).toEqual(textConversation);
	});

	it('reads the body itself when n8n left it unread', async () => {
		const request: { rawBody?: Buffer; readRawBody: () => Promise<void> } = {
			readRawBody: async () => {
				request.rawBody = Buffer.from(EVENT_TEXT);
			},
		};
		expect(await readWebhookBody(contextWith(undefined, request).context)).toEqual(textConversation);
	});

	it.each<[string, object]>([
		['no raw body and no reader', {}],
		['a reader that fails (the stream is gone)', { readRawBody: async () => Promise.reject(new Error('not readable')) }],
		['an HTML page', { rawBody: Buffer.from('<html><body>hi</body></html>') }],
		['a JSON list', { rawBody: Buffer.from(`[${EVENT_TEXT}]`) }],
		['broken JSON', { rawBody: Buffer.from('{"instance_id": "66F1C2A3B4D5E", "data": {') }],
		['a raw body of another type', { rawBody: 42 }],
	])('keeps what n8n parsed, and never throws, given %s', async (_name, request) => {
		expect(await readWebhookBody(contextWith(undefined, request).context)).toBeUndefined();
		expect(await readWebhookBody(contextWith({}, request).context)).toEqual({});
	});
});
