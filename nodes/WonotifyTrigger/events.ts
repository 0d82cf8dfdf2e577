// The trigger's entry point: a webhook body in, workflow items out, and in words why anything
// was dropped. Pure and total: any input gives a result, nothing throws.
import type { IDataObject } from 'n8n-workflow';

import { readAddressing } from './addressing';
import { chatAnswerOf, type ChatAnswer } from './chat-answers';
import { createFilters, type EventFilters } from './filters';
import { readContent } from './message-content';
import type { SeenMessages } from './seen-messages';
import { messageKey } from './seen-messages';
import { itemEvent, parseEnvelope, type Envelope, type ItemHeader } from './parse';
import { DEFAULT_TRIGGER_SETTINGS, type TriggerSettings } from './settings';
import { simplifyMessage } from './simplify-message';
import {
	readConnectionState,
	readStatusCode,
	simplifyConnection,
	simplifyContact,
	simplifyGroup,
	simplifyStatusUpdate,
} from './simplify-other';
import { asId, asObject } from '../shared/values';

export interface EventItems {
	/** One item per message or entry, in the order received; empty means: start no execution. */
	items: IDataObject[];
	/** Why the request, or part of it, was dropped, e.g. `own message (2), status broadcast`; empty when nothing was. */
	ignored: string;
	/** Answers to a waiting Send and Wait given in the chat, to pass on (chat-answers.ts). */
	answers?: ChatAnswer[];
}

/** Each entry of an event becomes an item, or the reason it was dropped. */
type Outcome = IDataObject | string;

interface Context {
	envelope: Envelope;
	settings: TriggerSettings;
	filters: EventFilters;
	header: (event: string) => ItemHeader;
	seen: Pick<SeenMessages, 'isRepeat'> | undefined;
	answers: ChatAnswer[];
}

/**
 * Options the node leaves unset (undefined) take the defaults of DEFAULT_TRIGGER_SETTINGS.
 * `seen` is the memory of messages already let through (seen-messages.ts); without it, and
 * with Ignore Repeated Messages off, repeats are not looked for.
 */
export function eventsToItems(
	body: unknown,
	settings: Partial<TriggerSettings> = {},
	seen?: Pick<SeenMessages, 'isRepeat'>,
): EventItems {
	const given = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
	const resolved: TriggerSettings = { ...DEFAULT_TRIGGER_SETTINGS, ...given };
	const envelope = parseEnvelope(body);
	if (typeof envelope === 'string') return { items: [], ignored: envelope };

	const filters = createFilters(resolved);
	const otherInstance = filters.instance(envelope.instanceId);
	if (otherInstance !== undefined) return { items: [], ignored: otherInstance };

	const instanceId = envelope.instanceId ?? resolved.instanceId?.trim() ?? '';
	const context: Context = {
		envelope,
		settings: resolved,
		filters,
		header: (event) => ({ event, gatewayEvent: envelope.name, instanceId }),
		seen: resolved.ignoreRepeatedMessages ? seen : undefined,
		answers: [],
	};
	const outcomes = OUTCOMES[envelope.kind](envelope.data, context);
	if (typeof outcomes === 'string') return { items: [], ignored: outcomes };
	if (outcomes.length === 0) return { items: [], ignored: `${envelope.name} with nothing in it` };

	const items = outcomes.filter((outcome): outcome is IDataObject => typeof outcome !== 'string');
	const reasons = outcomes.filter((outcome): outcome is string => typeof outcome === 'string');
	return { items, ignored: summarise(reasons), answers: context.answers };
}

/** Per kind of event: its entries as items or drop reasons, or one reason for the whole event. */
const OUTCOMES: Record<Envelope['kind'], (data: unknown, context: Context) => Outcome[] | string> = {
	messages(data, { envelope, settings, filters, header, seen, answers }) {
		const messages = asObject(data)?.messages;
		if (!Array.isArray(messages)) return `${envelope.name} without a messages list`;
		return messages.map((value): Outcome => {
			const entry = asObject(value);
			const addressing = entry === undefined ? undefined : readAddressing(entry);
			if (entry === undefined || addressing === undefined) return 'message without a chat';
			const event = itemEvent(envelope, addressing.fromMe);
			const content = readContent(entry.message);
			// An answer is passed on whatever the filters say; by default it starts nothing itself.
			const answer = chatAnswerOf(entry, addressing, content);
			if (answer !== undefined) answers.push(answer);
			if (answer !== undefined && !settings.emitChatAnswers) return 'answer to Send and Wait';
			const dropped =
				filters.event(event) ??
				filters.chat(addressing) ??
				filters.message(addressing, content) ??
				filters.age(entry.messageTimestamp);
			if (dropped !== undefined) return dropped;
			// Last, so that only messages the workflow gets are remembered.
			const messageId = asId(asObject(entry.key)?.id);
			if (seen !== undefined && messageId) {
				const instanceId = header(event).instanceId;
				if (seen.isRepeat(messageKey(instanceId, addressing.chatId, messageId))) return 'repeated message';
			}
			return settings.simplify ? simplifyMessage(header(event), entry, addressing, content) : raw(header(event), entry);
		});
	},

	receipts(data, { envelope, settings, filters, header }) {
		const event = itemEvent(envelope, false);
		return (
			filters.event(event) ??
			eachEntry(data, envelope, (entry) => {
				const addressing = readAddressing(entry);
				if (addressing === undefined) return 'status update without a chat';
				const statusCode = readStatusCode(entry);
				// messages.update also reports edits and deletes; they have no delivery status.
				if (statusCode === undefined) return 'message update without a status';
				const dropped = filters.chat(addressing);
				if (dropped !== undefined) return dropped;
				return settings.simplify
					? simplifyStatusUpdate(header(event), entry, addressing, statusCode)
					: raw(header(event), entry);
			})
		);
	},

	connection(data, { envelope, settings, filters, header }) {
		const event = itemEvent(envelope, false);
		const notChosen = filters.event(event);
		if (notChosen !== undefined) return notChosen;
		const update = asObject(data);
		if (update === undefined) return `${envelope.name} without data`;
		// Baileys also reports things like "received pending notifications": no state, nothing to act on.
		const state = readConnectionState(update);
		if (state === undefined) return 'connection update without a state';
		return [settings.simplify ? simplifyConnection(header(event), update, state) : raw(header(event), update)];
	},

	contacts(data, { envelope, settings, filters, header }) {
		const event = itemEvent(envelope, false);
		return (
			filters.event(event) ??
			eachEntry(data, envelope, (entry) =>
				settings.simplify ? simplifyContact(header(event), entry) : raw(header(event), entry),
			)
		);
	},

	groups(data, { envelope, settings, filters, header }) {
		const event = itemEvent(envelope, false);
		return (
			filters.event(event) ??
			eachEntry(data, envelope, (entry) => {
				const groupId = typeof entry.id === 'string' ? entry.id : '';
				return (
					filters.onlyChats([groupId]) ??
					(settings.simplify ? simplifyGroup(header(event), entry) : raw(header(event), entry))
				);
			})
		);
	},

	// Events this node does not know: one item holding the data as received, under Any.
	unknown(data, { envelope, filters, header }) {
		const event = itemEvent(envelope, false);
		return filters.event(event) ?? [{ ...header(event), data: (data ?? null) as IDataObject[string] }];
	},
};

/** Entries arrive as a list; a single object is taken as a list of one. */
function eachEntry(data: unknown, envelope: Envelope, toOutcome: (entry: IDataObject) => Outcome): Outcome[] | string {
	const entries = Array.isArray(data) ? data : asObject(data) === undefined ? undefined : [data];
	if (entries === undefined) return `${envelope.name} without entries`;
	return entries.map((value) => {
		const entry = asObject(value);
		return entry === undefined ? 'entry that is not an object' : toOutcome(entry);
	});
}

/** Raw mode: the message or entry as received; event and instanceId win over fields of the same name. */
function raw(header: ItemHeader, entry: IDataObject): IDataObject {
	return { ...entry, ...header };
}

function summarise(reasons: string[]): string {
	const counts = new Map<string, number>();
	for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
	return [...counts].map(([reason, count]) => (count > 1 ? `${reason} (${count})` : reason)).join(', ');
}
