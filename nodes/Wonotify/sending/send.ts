// Building send requests and shaping what a send returns, shared by every send operation.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mediaFields } from '../fields/common-fields';
import { MAX_CAPTION_LENGTH, requireHttpUrl, withinLength, withoutControlCharacters } from '../../shared/input-error';

import { toIsoTimestamp } from '../../shared/timestamps';
import { phoneNumberToJid } from '../../shared/whatsapp-ids';
import { extractSentMessageId, isMediaFetchFailure, messageOf } from '../../shared/gateway-response';
import { signedFileLink, unreachableFileAdvice, type SignedFile } from './binary-file';
import { joinParagraphs, type TextFallback } from '../interactive/plain-text';
import type { Recipient } from './recipients';
import type { WonotifyRequest } from '../../shared/transport';
import type { GatewayCall } from '../types';

export type SendContent =
	| { type: 'text'; text: string }
	| { type: 'media'; mediaUrl: string; caption: string; fileName: string; file?: SignedFile };

/** The file (from its URL, or the item's binary file as a signed n8n link), Caption and File Name of an item, validated. */
export async function readMediaContent(context: IExecuteFunctions, itemIndex: number): Promise<SendContent> {
	const caption = withinLength('Caption', String(context.getNodeParameter('caption', itemIndex, '') ?? ''), MAX_CAPTION_LENGTH);
	const fileName = withoutControlCharacters('File Name', String(context.getNodeParameter('fileName', itemIndex, '') ?? '').trim());
	if (context.getNodeParameter('fileSource', itemIndex, 'url') === 'binary') {
		const file = await signedFileLink(context, itemIndex);
		return { type: 'media', mediaUrl: file.url, caption, fileName: fileName || withoutControlCharacters('File Name', file.fileName), file };
	}
	const [urlField] = mediaFields;
	return {
		type: 'media',
		mediaUrl: requireHttpUrl(urlField.displayName, context.getNodeParameter('mediaUrl', itemIndex)),
		caption,
		fileName,
	};
}

/**
 * A media send whose failure to fetch the file gets its own words: for n8n's signed link,
 * the address the gateway was given and the n8n setting that changes it (the link's token
 * kept out of errors); the output says when that address is private.
 */
export function mediaSendCall(call: GatewayCall, content: Extract<SendContent, { type: 'media' }>): GatewayCall {
	const { file } = content;
	const address = file?.address ?? content.mediaUrl;
	const advice = file
		? unreachableFileAdvice(file.address)
		: `Wonotify could not download ${content.mediaUrl}. Check that the address opens in a private browser window, without logging in.`;
	const explainError = (answer: IDataObject, unsent: boolean) => {
		if (isMediaFetchFailure(answer)) {
			return { message: `Wonotify could not download the file from ${address}`, description: `${advice} Wonotify said: "${messageOf(answer)}"` };
		}
		// A silent "success" is how the gateway's panel reports a send that failed inside,
		// a download included: for n8n's link, say what most likely happened.
		if (unsent && file && messageOf(answer) === '') {
			return { message: 'Wonotify did not send the file', description: `The gateway answered "success" without a message ID, so nothing was sent; most often because it could not download the file. ${advice}` };
		}
		return undefined;
	};
	const request = { ...call.request, explainError, redact: file ? [file.token] : call.request.redact };
	if (!file?.warning) return { ...call, request };
	const warning = file.warning;
	return {
		...call,
		request,
		toOutput: async (context, response) => {
			const item = await call.toOutput(context, response);
			return { ...item, json: { ...item.json, warning } };
		},
	};
}

/** Text and media go to `/send` for a number and to `/send_group` for a group. */
export function textOrMediaRequest(
	instanceId: string,
	recipient: Recipient,
	content: SendContent,
	timeoutSeconds?: number,
): WonotifyRequest {
	const body: IDataObject = { instance_id: instanceId };
	if (content.type === 'text') {
		Object.assign(body, { type: 'text', message: content.text });
	} else {
		Object.assign(body, { type: 'media', message: content.caption, media_url: content.mediaUrl });
		if (content.fileName !== '') body.filename = content.fileName;
	}
	if (recipient.kind === 'group') {
		// The gateway may read group_id only from the query string.
		return {
			method: 'POST',
			endpoint: 'send_group',
			qs: { group_id: recipient.groupId },
			body: { ...body, group_id: recipient.groupId },
			expect: 'sentMessage',
			timeoutSeconds,
		};
	}
	return {
		method: 'POST',
		endpoint: 'send',
		body: { ...body, number: recipient.number },
		expect: 'sentMessage',
		timeoutSeconds,
	};
}

export function recipientKey(recipient: Recipient): string {
	return recipient.kind === 'group' ? recipient.groupId : recipient.number;
}

export function recipientChatId(recipient: Recipient): string {
	return recipient.kind === 'group' ? recipient.groupId : phoneNumberToJid(recipient.number);
}

// The gateway reports WhatsApp's own send states; anything it accepted counts as sent.
const SEND_STATUS: Record<string, string> = {
	PENDING: 'pending',
	SERVER_ACK: 'sent',
	SUCCESS: 'sent',
	DELIVERY_ACK: 'delivered',
	READ: 'read',
	PLAYED: 'played',
};

/** What every send returns: enough to reply, to match receipts, and the gateway's own answer. */
export function sentMessageItem(response: IDataObject, recipient: Recipient, instanceId: string): INodeExecutionData {
	const sent = (typeof response.message === 'object' && response.message !== null
		? response.message
		: response.data) as IDataObject | undefined;
	const key = (sent?.key ?? {}) as IDataObject;
	const rawStatus = typeof sent?.status === 'string' ? sent.status.toUpperCase() : '';
	return {
		json: {
			messageId: extractSentMessageId(response) ?? null,
			chatId: typeof key.remoteJid === 'string' ? key.remoteJid : recipientChatId(recipient),
			status: SEND_STATUS[rawStatus] ?? 'sent',
			timestamp: toIsoTimestamp(sent?.messageTimestamp),
			instanceId,
			...(recipient.kind === 'group' ? { groupId: recipient.groupId } : { phoneNumber: recipient.number }),
			response,
		},
	};
}

/** A prepared send: the request, its recipient as ordering key, and the standard output. */
export function sendCall(request: WonotifyRequest, recipient: Recipient, instanceId: string): GatewayCall {
	return {
		request,
		orderKey: recipientKey(recipient),
		toOutput: (_context: IExecuteFunctions, response: IDataObject) =>
			sentMessageItem(response, recipient, instanceId),
	};
}

/** A button or list message, or its numbered plain-text version when the user asks for it. */
export function richMessageCall(args: {
	instanceId: string;
	number: string;
	type: 'interactive' | 'template' | 'list';
	text: string;
	/** The choices as numbered plain text. */
	choices: string;
	fallback: TextFallback;
	/** Title and footer, for the plain-text version. */
	heading?: string;
	footer?: string;
	/** The gateway's `message` object around the given body text. */
	message: (bodyText: string) => IDataObject;
	timeoutSeconds?: number;
}): GatewayCall {
	const recipient: Recipient = { kind: 'number', number: args.number };
	if (args.fallback === 'textOnly') {
		const text = joinParagraphs(args.heading && `*${args.heading}*`, args.text, args.choices, args.footer);
		return sendCall(textOrMediaRequest(args.instanceId, recipient, { type: 'text', text }, args.timeoutSeconds), recipient, args.instanceId);
	}
	const bodyText = args.fallback === 'append' ? joinParagraphs(args.text, args.choices) : args.text;
	const request: WonotifyRequest = {
		method: 'POST',
		endpoint: 'send_template',
		qs: { instance_id: args.instanceId },
		body: { number: args.number, type: args.type, message: args.message(bodyText) },
		expect: 'sentMessage',
		timeoutSeconds: args.timeoutSeconds,
	};
	return sendCall(request, recipient, args.instanceId);
}
