// Who a message (or a receipt) is from and which chat it belongs to, in the forms the action
// node accepts: phone JIDs and digits, never the `@lid` privacy IDs newer WhatsApp versions use.
import type { IDataObject } from 'n8n-workflow';

import { isGroupId, jidToPhoneNumber, phoneNumberToJid } from '../shared/whatsapp-ids';
import { asFlag, asObject, asText } from '../shared/values';

const STATUS_BROADCAST = 'status@broadcast';

export interface Addressing {
	/** The chat as the action node can reply to it: a phone JID, a group ID, or remoteJid when nothing better is known. */
	chatId: string;
	/** Every ID the chat is known by, for the Only Chats filter. */
	chatAliases: string[];
	fromMe: boolean;
	isGroup: boolean;
	isStatusBroadcast: boolean;
	groupId: string | null;
	/** In groups and status broadcasts: the sender, as a phone JID when known. */
	participant: string | null;
	/** The sender's phone number (digits); null for own messages in private chats and unresolvable privacy IDs. */
	from: string | null;
}

/** Reads `key` (and the alternative phone JIDs next to it); undefined when there is no chat to speak of. */
export function readAddressing(entry: IDataObject): Addressing | undefined {
	const key = asObject(entry.key);
	const remoteJid = asText(key?.remoteJid)?.trim();
	if (key === undefined || remoteJid === undefined) return undefined;
	// Library versions differ on where the phone JID of a privacy ID sits: on the key or on the message.
	const field = (name: string): string | undefined => asText(key[name])?.trim() ?? asText(entry[name])?.trim();
	const fromMe = asFlag(key.fromMe);
	const isGroup = isGroupId(remoteJid);
	const hasParticipants = isGroup || remoteJid.endsWith('@broadcast');

	// senderPn names the sender, which is only the other side of the chat for incoming messages.
	const chatJids = [remoteJid, field('remoteJidAlt'), fromMe ? undefined : field('senderPn')];
	const chatNumber = hasParticipants ? undefined : firstPhoneNumber(chatJids);
	const participantRaw = field('participant');
	const participantNumber = hasParticipants
		? firstPhoneNumber([field('participantAlt'), field('participantPn'), participantRaw])
		: undefined;
	const chatId = chatNumber === undefined ? remoteJid : phoneNumberToJid(chatNumber);

	let participant: string | null = null;
	let from: string | null = null;
	if (hasParticipants) {
		participant = participantNumber === undefined ? (participantRaw ?? null) : phoneNumberToJid(participantNumber);
		from = participantNumber ?? null;
	} else if (!fromMe) {
		from = chatNumber ?? null;
	}

	return {
		chatId,
		chatAliases: [...new Set([chatId, ...chatJids].filter((jid): jid is string => jid !== undefined))],
		fromMe,
		isGroup,
		isStatusBroadcast: remoteJid === STATUS_BROADCAST,
		groupId: isGroup ? remoteJid : null,
		participant,
		from,
	};
}

function firstPhoneNumber(jids: Array<string | undefined>): string | undefined {
	for (const jid of jids) {
		const number = jid === undefined ? undefined : jidToPhoneNumber(jid);
		if (number !== undefined) return number;
	}
	return undefined;
}
