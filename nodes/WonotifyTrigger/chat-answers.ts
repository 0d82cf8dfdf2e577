// Answers to Send and Wait given in the chat: a tapped approval button, or a reply that quotes
// a Free Text question. Recognised here (chatAnswerOf, pure) and passed on to the waiting
// execution through n8n's own signed resume link (resumeWaitingExecutions). The link is
// rebuilt from this n8n's own address and the chat the answer came from; n8n's waiting webhook
// checks its signature, so an answer from another chat, a changed button or a finished
// execution resumes nothing. Log lines never hold the signature.
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import {
	IN_CHAT_ANSWER_HEADER,
	isAnswerButtonId,
	resumePath,
	tokenInQuestion,
	tokenOfButtonId,
	type ChatAnswerToken,
	type SignedChat,
} from '../shared/signed-answer-link';
import { unwrap } from '../shared/message-unwrap';
import { asObject, isObject } from '../shared/values';
import type { Addressing } from './addressing';
import { readContent, type MessageContent } from './message-content';

export interface ChatAnswer {
	/** Undefined for one of our buttons that was changed: nothing to pass on, but no message either. */
	token: ChatAnswerToken | undefined;
	chat: SignedChat;
	/** A Free Text answer; undefined for a button. */
	text?: string;
}

const RESUME_TIMEOUT_MS = 15_000;

/** The answer a message gives to a waiting Send and Wait, or undefined when it gives none. */
export function chatAnswerOf(entry: IDataObject, addressing: Addressing, content: MessageContent): ChatAnswer | undefined {
	// Only the other side answers; in a group, any member (the group is the chat asked).
	if (addressing.fromMe) return undefined;
	const chat = addressing.isGroup ? addressing.groupId : addressing.from;
	if (chat === null) return undefined;
	if (content.type === 'buttonReply') {
		if (!isAnswerButtonId(content.buttonReplyId)) return undefined;
		const token = tokenOfButtonId(content.buttonReplyId);
		return { token: token?.approved === undefined ? undefined : token, chat };
	}
	const text = content.text.trim();
	if (content.type !== 'text' || content.quotedMessageId === null || text === '') return undefined;
	const token = tokenInQuestion(quotedText(entry.message));
	return token === undefined ? undefined : { token, chat, text };
}

/** The text of the message a reply quotes (WhatsApp sends it along in contextInfo). */
function quotedText(message: unknown): string {
	const content = unwrap(asObject(message)) ?? {};
	for (const part of Object.values(content)) {
		const quoted = isObject(part) ? asObject(asObject(part.contextInfo)?.quotedMessage) : undefined;
		if (quoted !== undefined) return readContent(quoted).text;
	}
	return '';
}

/**
 * Calls this n8n's waiting webhook for each answer. Never throws: an answer n8n does not take
 * (another chat, changed, the execution over) is logged, and the gateway still gets its 200.
 */
export async function resumeWaitingExecutions(context: IWebhookFunctions, answers: ChatAnswer[], logContext: IDataObject): Promise<void> {
	const base = ownBaseUrl(context);
	await Promise.all(
		answers.map(async ({ token, chat, text }) => {
			if (token === undefined) {
				context.logger.warn('Wonotify Trigger ignored a tap on a Send and Wait button whose ID was changed', logContext);
				return;
			}
			const what = `an answer in the chat to execution ${token.executionId}`;
			if (base === undefined) {
				context.logger.warn(`Wonotify Trigger could not pass on ${what}: n8n gave no webhook address`, logContext);
				return;
			}
			const outcome = await resume(context, base, token, chat, text);
			if (outcome === 'taken') context.logger.info(`Wonotify Trigger passed on ${what}`, logContext);
			else context.logger.warn(`Wonotify Trigger: ${what} was not taken (${outcome})`, logContext);
		}),
	);
}

async function resume(context: IWebhookFunctions, base: string, token: ChatAnswerToken, chat: SignedChat, text: string | undefined): Promise<string> {
	try {
		const response = (await context.helpers.httpRequest({
			method: text === undefined ? 'GET' : 'POST',
			url: `${base}${resumePath(token, chat)}`,
			headers: { [IN_CHAT_ANSWER_HEADER]: '1' },
			body: text === undefined ? undefined : { text },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: RESUME_TIMEOUT_MS,
		})) as { statusCode: number; body: unknown };
		if (response.statusCode === 200 && asObject(response.body)?.answered === true) return 'taken';
		return notTakenReason(response.statusCode);
	} catch (error) {
		// The URL holds the signature: only the error's code goes into the log.
		return `n8n could not be reached: ${(error as { code?: string }).code ?? 'request failed'}`;
	}
}

function notTakenReason(statusCode: number): string {
	if (statusCode === 401) return 'n8n refused it: it comes from another chat than the one asked, or the button was changed';
	if (statusCode === 404) return 'n8n knows no such execution';
	if (statusCode === 409) return 'the execution is running or has failed';
	if (statusCode === 200) return 'the execution no longer waits for it: answered already, timed out or stopped';
	return `n8n answered HTTP ${statusCode}`;
}

/**
 * This n8n's public address (its webhook base URL), from the trigger's own webhook URL:
 * `<base><endpoint>/<webhookId>/webhook`, or `<base><endpoint>/<workflowId>/<node>/webhook`
 * for a node without a webhook ID. Never from the message or the request.
 */
function ownBaseUrl(context: IWebhookFunctions): string | undefined {
	const own = context.getNodeWebhookUrl('default');
	if (own === undefined || !URL.canParse(own)) return undefined;
	const url = new URL(own);
	const tail = context.getNode().webhookId ? 3 : 4;
	const segments = url.pathname.split('/');
	return `${url.origin}${segments.slice(0, -tail).join('/')}/`;
}
