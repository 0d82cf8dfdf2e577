// One message as one flat item: what an auto-reply or a CRM flow needs, named as the action
// node names it, so `chatId` and `from` can be used to answer as they are.
import type { IDataObject } from 'n8n-workflow';

import { toIsoTimestamp } from '../shared/timestamps';
import type { Addressing } from './addressing';
import type { MessageContent } from './message-content';
import type { ItemHeader } from './parse';
import { asId, asNumber, asObject, asText } from '../shared/values';

export function simplifyMessage(
	header: ItemHeader,
	entry: IDataObject,
	addressing: Addressing,
	content: MessageContent,
): IDataObject {
	return {
		...header,
		messageId: asId(asObject(entry.key)?.id) ?? null,
		chatId: addressing.chatId,
		from: addressing.from,
		fromName: asText(entry.pushName) ?? '',
		fromMe: addressing.fromMe,
		isGroup: addressing.isGroup,
		groupId: addressing.groupId,
		participant: addressing.participant,
		type: content.type,
		text: content.text,
		buttonReplyId: content.buttonReplyId,
		listReplyId: content.listReplyId,
		media: content.media,
		location: content.location,
		contacts: content.contacts,
		quotedMessageId: content.quotedMessageId,
		timestamp: toIsoTimestamp(asNumber(entry.messageTimestamp)),
	};
}
