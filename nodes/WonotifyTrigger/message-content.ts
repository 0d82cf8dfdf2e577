// What a message says: its type, text, media details and button or list choice, read from
// Baileys' `message` object, whatever wrappers (disappearing, view-once) it comes in.
import type { IDataObject } from 'n8n-workflow';

import { normalisePhoneNumber } from '../shared/whatsapp-ids';
import { downloadDetails, MEDIA_PARTS } from '../shared/media/reference';
import { unwrap } from '../shared/message-unwrap';
import { asFlag, asId, asNumber, asObject, asText, parseJson } from '../shared/values';

export type MessageType =
	| 'text'
	| 'image'
	| 'video'
	| 'audio'
	| 'voice'
	| 'document'
	| 'sticker'
	| 'location'
	| 'contact'
	| 'buttonReply'
	| 'listReply'
	| 'reaction'
	| 'unknown';

export interface MessageContent {
	type: MessageType;
	/** No content at all: the message failed to decrypt, or it is a stub (a system notice). */
	isEmpty: boolean;
	/** A delete or an edit of an earlier message. */
	isProtocol: boolean;
	/** Always a string, so expressions like `$json.text.toLowerCase()` work on every message. */
	text: string;
	buttonReplyId: string | null;
	listReplyId: string | null;
	media: IDataObject | null;
	location: IDataObject | null;
	contacts: IDataObject[] | null;
	quotedMessageId: string | null;
}

// Keys that travel alongside the content (encryption and context bookkeeping) and are not content.
const NOT_CONTENT = new Set(['messageContextInfo', 'senderKeyDistributionMessage']);


const EMPTY: MessageContent = {
	type: 'unknown',
	isEmpty: true,
	isProtocol: false,
	text: '',
	buttonReplyId: null,
	listReplyId: null,
	media: null,
	location: null,
	contacts: null,
	quotedMessageId: null,
};

export function readContent(message: unknown): MessageContent {
	const content = unwrap(asObject(message));
	const key = content === undefined ? undefined : contentKey(content);
	if (content === undefined || key === undefined) return EMPTY;
	const value = content[key];
	const part = asObject(value) ?? {};
	const result: MessageContent = {
		...EMPTY,
		isEmpty: false,
		quotedMessageId: asId(asObject(part.contextInfo)?.stanzaId) ?? null,
	};

	const mediaPart = Object.hasOwn(MEDIA_PARTS, key) ? MEDIA_PARTS[key] : undefined;
	if (mediaPart !== undefined) {
		return {
			...result,
			type: mediaPart.type === 'audio' && asFlag(part.ptt) ? 'voice' : mediaPart.type,
			text: asText(part.caption) ?? '',
			media: {
				mimetype: asText(part.mimetype) ?? null,
				fileName: asText(part.fileName) ?? null,
				size: asNumber(part.fileLength) ?? null,
				caption: asText(part.caption) ?? null,
				// What the Download Media operation needs to fetch and decrypt the file later.
				download: downloadDetails(part),
			},
		};
	}

	switch (key) {
		case 'conversation':
			return { ...result, type: 'text', text: asText(value) ?? '' };
		case 'extendedTextMessage':
			return { ...result, type: 'text', text: asText(part.text) ?? '' };
		case 'locationMessage':
		case 'liveLocationMessage':
			return {
				...result,
				type: 'location',
				text: asText(part.caption) ?? '',
				location: {
					latitude: asNumber(part.degreesLatitude) ?? null,
					longitude: asNumber(part.degreesLongitude) ?? null,
					name: asText(part.name) ?? null,
					address: asText(part.address) ?? null,
				},
			};
		case 'contactMessage':
			return { ...result, type: 'contact', contacts: [readContact(part)] };
		case 'contactsArrayMessage': {
			const contacts = Array.isArray(part.contacts) ? part.contacts : [];
			return {
				...result,
				type: 'contact',
				contacts: contacts.flatMap((entry) => {
					const contact = asObject(entry);
					return contact === undefined ? [] : [readContact(contact)];
				}),
			};
		}
		case 'buttonsResponseMessage':
			return {
				...result,
				type: 'buttonReply',
				text: asText(part.selectedDisplayText) ?? '',
				buttonReplyId: asId(part.selectedButtonId) ?? null,
			};
		case 'templateButtonReplyMessage':
			return {
				...result,
				type: 'buttonReply',
				text: asText(part.selectedDisplayText) ?? '',
				buttonReplyId: asId(part.selectedId) ?? null,
			};
		case 'listResponseMessage':
			return {
				...result,
				type: 'listReply',
				text: asText(part.title) ?? '',
				listReplyId: asId(asObject(part.singleSelectReply)?.selectedRowId) ?? null,
			};
		case 'interactiveResponseMessage':
			return { ...result, ...readNativeFlowReply(part) };
		case 'reactionMessage':
			// The reacted-to message is what the reaction refers to, like a quote; an empty text removes the reaction.
			return {
				...result,
				type: 'reaction',
				text: asText(part.text) ?? '',
				quotedMessageId: asId(asObject(part.key)?.id) ?? null,
			};
		case 'protocolMessage':
			return { ...result, isProtocol: true };
		case 'albumMessage':
			// Only announces an album: its photos and videos follow as messages of their own.
			return { ...result, isEmpty: true };
		default:
			return result;
	}
}

function contentKey(content: IDataObject): string | undefined {
	return Object.keys(content).find(
		(key) => !NOT_CONTENT.has(key) && content[key] !== null && content[key] !== undefined,
	);
}

/**
 * Buttons and lists sent as native flow messages are answered with paramsJson, a JSON string
 * holding the chosen `id`; a list choice is named `single_select`.
 */
function readNativeFlowReply(part: IDataObject): Partial<MessageContent> {
	const flow = asObject(part.nativeFlowResponseMessage);
	const rawParams = flow?.paramsJson;
	const params = asObject(typeof rawParams === 'string' ? parseJson(rawParams) : rawParams);
	const id = asId(params?.id) ?? null;
	const text = asText(asObject(part.body)?.text) ?? asText(params?.display_text) ?? asText(params?.title) ?? '';
	return flow?.name === 'single_select'
		? { type: 'listReply', text, listReplyId: id }
		: { type: 'buttonReply', text, buttonReplyId: id };
}

/** A shared contact card: its name, the WhatsApp number in its vCard, and the vCard itself. */
function readContact(part: IDataObject): IDataObject {
	const vcard = asText(part.vcard) ?? null;
	const waid = vcard === null ? undefined : /waid=(\d+)/i.exec(vcard)?.[1];
	const tel = vcard === null ? undefined : /^TEL[^:\r\n]*:([^\r\n]+)/im.exec(vcard)?.[1];
	return {
		name: asText(part.displayName) ?? '',
		phoneNumber: waid ?? (tel === undefined ? undefined : normalisePhoneNumber(tel)) ?? null,
		vcard,
	};
}
