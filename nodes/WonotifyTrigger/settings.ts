// What the trigger node hands to the event functions: the chosen events and the filter options.

/** How messages in group chats are treated. */
export type GroupMessages = 'include' | 'ignore' | 'only';

export interface TriggerSettings {
	/** Values from TRIGGER_EVENT_OPTIONS. */
	events: string[];
	/** When set, events the gateway sends for another instance are ignored. */
	instanceId?: string;
	/** Drops messages this account sent, unless Message Sent is chosen explicitly. */
	ignoreOwnMessages: boolean;
	groupMessages: GroupMessages;
	ignoreStatusBroadcasts: boolean;
	/** Phone numbers, chat IDs or group IDs; text may hold several, separated by commas or new lines. */
	onlyChats: string[] | string;
	/** Reactions arrive as messages whose text is the emoji, or empty when a reaction is removed. */
	ignoreReactions: boolean;
	/** Deletes and edits. */
	ignoreProtocolMessages: boolean;
	/** Messages that failed to decrypt and system stubs: nothing a workflow could answer. */
	ignoreEmptyMessages: boolean;
	/** Also emit a message that answers a waiting Send and Wait (it is passed on either way). */
	emitChatAnswers: boolean;
	/** One tidy item per message; off gives the message as received (plus event and instanceId). */
	simplify: boolean;
	/** A message whose own timestamp is older than this when it arrives is a replay; 0 turns the check off. */
	ignoreOlderThanMinutes: number;
	/** When the webhook call arrived (ms since 1970), for the age check; now when unset. */
	receivedAtMs?: number;
	/** The same message (instance, chat, message ID) starts the workflow once. */
	ignoreRepeatedMessages: boolean;
}

/** The node's option defaults: safe for an auto-reply flow that listens to incoming messages. */
export const DEFAULT_TRIGGER_SETTINGS: TriggerSettings = {
	events: ['messageReceived'],
	ignoreOwnMessages: true,
	groupMessages: 'include',
	ignoreStatusBroadcasts: true,
	onlyChats: [],
	// An auto-reply would answer a 👍 ("You wrote: 👍"), and a removed reaction with an empty text.
	ignoreReactions: true,
	ignoreProtocolMessages: true,
	ignoreEmptyMessages: true,
	// An auto-reply would answer the tap on "Approve".
	emitChatAnswers: false,
	simplify: true,
	// Replays after a reconnect are minutes to hours old; a message reaches n8n within seconds.
	ignoreOlderThanMinutes: 10,
	ignoreRepeatedMessages: true,
};
