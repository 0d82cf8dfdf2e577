// The envelope the gateway posts, `{ instance_id, data: { event, data } }`, and which of the
// node's events a gateway event name belongs to.
import type { IDataObject } from 'n8n-workflow';

import { asId, asObject, asText, parseJson } from '../shared/values';
import type { TriggerEvent } from './event-options';

/** How the data of each gateway event is laid out, which decides how it becomes items. */
export type EventKind = 'messages' | 'receipts' | 'connection' | 'contacts' | 'groups' | 'unknown';

// A Map, not an object literal: an event named "constructor" must not find Object's prototype.
const KINDS = new Map<string, EventKind>([
	['messages.upsert', 'messages'],
	['messages.update', 'receipts'],
	['connection.update', 'connection'],
	['contacts.upsert', 'contacts'],
	['contacts.update', 'contacts'],
	['groups.update', 'groups'],
]);

const EVENT_OF_KIND = new Map<EventKind, TriggerEvent>([
	['receipts', 'messageStatus'],
	['connection', 'connectionUpdate'],
	['contacts', 'contactsUpdate'],
	['groups', 'groupUpdate'],
]);

/** The node's event for an item; events this node does not know keep the gateway's name. */
export function itemEvent(envelope: Envelope, fromMe: boolean): string {
	if (envelope.kind === 'messages') return fromMe ? 'messageSent' : 'messageReceived';
	return EVENT_OF_KIND.get(envelope.kind) ?? envelope.name;
}

/** The fields every output item starts with, simplified or raw. */
export interface ItemHeader extends IDataObject {
	/** The node's event (a TRIGGER_EVENT_OPTIONS value), or the gateway's name for events this node does not know. */
	event: string;
	/** The event name as the gateway sent it, e.g. `messages.upsert`. */
	gatewayEvent: string;
	instanceId: string;
}

export interface Envelope {
	/** As the gateway spelled it; the `gatewayEvent` field of output items. */
	name: string;
	kind: EventKind;
	instanceId: string | undefined;
	data: unknown;
}

/** The envelope, or why the body is not a Wonotify event. */
export function parseEnvelope(body: unknown): Envelope | string {
	// A body posted without a JSON content type may reach the node as text.
	const parsed = typeof body === 'string' ? parseJson(body) : body;
	const root = asObject(parsed);
	if (root === undefined) return 'the request body is not a JSON object';
	const inner = asObject(root.data);
	const name = asText(inner?.event)?.trim();
	if (inner === undefined || name === undefined) return 'the request body has no data.event: not a Wonotify event';
	// Tolerates spellings like MESSAGES_UPSERT that other Baileys gateways use.
	const kind = KINDS.get(name.toLowerCase().replace(/_/g, '.')) ?? 'unknown';
	return {
		name,
		kind,
		instanceId: asId(root.instance_id),
		data: inner.data,
	};
}
