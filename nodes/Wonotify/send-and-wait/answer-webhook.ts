// What happens when the person taps a link. n8n checks the link's signature first (a changed
// or foreign link gets n8n's "invalid link" page, and the execution keeps waiting) and answers
// a link of a finished execution itself ("no action required"); this only reads the answer.
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { IN_CHAT_ANSWER_HEADER } from '../../shared/signed-answer-link';
import { asObject, asText } from '../../shared/values';
import { formAnswers, formFieldsOfNode } from './custom-form';
import { answerRecordedPage, formPage, freeTextPage, previewPage } from './pages';

// Apps that fetch a link to show a preview of it (WhatsApp does, for links in messages): an
// approval link they open must not count as an answer.
const PREVIEW_AGENTS = /WhatsApp|facebookexternalhit|Facebot|Twitterbot|Slackbot|TelegramBot|Discordbot|SkypeUriPreview|LinkedInBot|Googlebot|bingbot|Microsoft Office|Teams/i;

export async function sendAndWaitWebhook(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const method = context.getRequestObject().method;
	const responseType = context.getNodeParameter('responseType', 'approval') as string;
	const question = String(context.getNodeParameter('message', ''));
	const title = String(context.getNodeParameter('options.pageTitle', '') || '').trim() || firstLine(question);
	// The Wonotify Trigger passing on an answer given in the chat reads a short JSON, not a page:
	// only this answer tells it the execution took the answer (n8n's own pages say otherwise).
	const inChat = context.getHeaderData()[IN_CHAT_ANSWER_HEADER] !== undefined;
	const answered = (data: IDataObject, answer: string): IWebhookResponseData => ({
		webhookResponse: inChat ? { answered: true } : answerRecordedPage(answer),
		workflowData: [[{ json: { data: { ...data, respondedAt: new Date().toISOString() } } }]],
	});

	if (responseType === 'freeText') {
		if (method !== 'POST') return { webhookResponse: freeTextPage(title, question) };
		const text = asText(postedFields(context).text)?.trim();
		if (text === undefined) return { webhookResponse: freeTextPage(title, question) };
		return answered({ text }, text);
	}
	if (responseType === 'customForm') {
		const fields = formFieldsOfNode((name, fallback) => context.getNodeParameter(name, fallback));
		if (method !== 'POST') return { webhookResponse: formPage(title, question, fields) };
		const answers = formAnswers(fields, postedFields(context));
		return answered(answers, Object.values(answers).join(', ') || 'sent');
	}
	if (PREVIEW_AGENTS.test(String(context.getHeaderData()['user-agent'] ?? ''))) return { webhookResponse: previewPage() };
	const approved = (context.getQueryData() as IDataObject).approved === 'true';
	return answered({ approved }, approved ? 'approved' : 'disapproved');
}

/** A posted page's fields: n8n puts multipart fields (how the Custom Form must post) under `data`. */
function postedFields(context: IWebhookFunctions): IDataObject {
	const body = context.getBodyData() as IDataObject;
	return asObject(body.data) ?? body;
}

function firstLine(text: string): string {
	const line = text.split('\n')[0].trim();
	return line.length > 80 ? `${line.slice(0, 77)}…` : line || 'Your answer';
}
