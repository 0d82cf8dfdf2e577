// Which events and messages the workflow does not want. Every check answers with the reason
// something is dropped (for the trigger's log and reply), or undefined to keep it.
import { normalisePhoneNumber } from '../shared/whatsapp-ids';
import type { Addressing } from './addressing';
import { messageAgeProblem } from './message-age';
import type { MessageContent } from './message-content';
import type { TriggerSettings } from './settings';

export interface EventFilters {
	instance(instanceId: string | undefined): string | undefined;
	event(event: string): string | undefined;
	/** Status broadcasts, group messages and Only Chats, for messages and their status updates. */
	chat(addressing: Addressing): string | undefined;
	/** Only Chats alone, for events about a chat that is not a message (group updates). */
	onlyChats(chatIds: string[]): string | undefined;
	/** Own messages, reactions, deletes and edits, and messages without content. */
	message(addressing: Addressing, content: MessageContent): string | undefined;
	/** Replays: messages older than Ignore Messages Older Than, by their own timestamp. */
	age(messageTimestamp: unknown): string | undefined;
}

export function createFilters(settings: TriggerSettings): EventFilters {
	const wantedInstance = settings.instanceId?.trim() ?? '';
	const events = new Set(settings.events);
	const receivedAtMs = settings.receivedAtMs ?? Date.now();
	const maxAgeMinutes = Number(settings.ignoreOlderThanMinutes);
	const onlyChats = new Set(splitChatList(settings.onlyChats).flatMap((chat) => chatKey(chat) ?? []));
	const notInOnlyChats = (chatIds: string[]): string | undefined => {
		if (onlyChats.size === 0 || chatIds.some((chatId) => onlyChats.has(chatKey(chatId) ?? ''))) return undefined;
		return 'chat not among the chosen chats';
	};

	return {
		instance(instanceId) {
			if (wantedInstance === '' || instanceId?.toLowerCase() === wantedInstance.toLowerCase()) return undefined;
			return instanceId === undefined
				? 'event without an instance ID'
				: `event for instance ${instanceId}, not ${wantedInstance}`;
		},
		event(event) {
			return events.has('any') || events.has(event) ? undefined : `${event} not among the chosen events`;
		},
		chat(addressing) {
			if (addressing.isStatusBroadcast && settings.ignoreStatusBroadcasts) return 'status broadcast';
			if (addressing.isGroup && settings.groupMessages === 'ignore') return 'group message';
			if (!addressing.isGroup && settings.groupMessages === 'only') return 'not a group message';
			return notInOnlyChats(addressing.chatAliases);
		},
		onlyChats: notInOnlyChats,
		message(addressing, content) {
			// Choosing Message Sent asks for own messages; the option guards flows that listen to Any.
			if (addressing.fromMe && settings.ignoreOwnMessages && !events.has('messageSent')) return 'own message';
			if (content.isEmpty && settings.ignoreEmptyMessages) return 'message without content';
			if (content.isProtocol && settings.ignoreProtocolMessages) return 'delete or edit';
			if (content.type === 'reaction' && settings.ignoreReactions) return 'reaction';
			return undefined;
		},
		age(messageTimestamp) {
			return messageAgeProblem(messageTimestamp, receivedAtMs, maxAgeMinutes);
		},
	};
}

function splitChatList(list: string[] | string): string[] {
	return (Array.isArray(list) ? list : [list]).flatMap((entry) =>
		typeof entry === 'string' ? entry.split(/[,;\n]/) : [],
	);
}

/**
 * One spelling per chat, so `+91 98765-43210`, `919876543210` and `919876543210@s.whatsapp.net`
 * match each other; group and privacy IDs are compared as they are, ignoring case.
 */
function chatKey(chat: string): string | undefined {
	const value = chat.trim().toLowerCase();
	if (value === '') return undefined;
	return normalisePhoneNumber(value) ?? value;
}
