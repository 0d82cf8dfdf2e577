// Items for the events that are not new messages: status updates (receipts), the connection
// state, contacts and groups. Codes become words; IDs become what the action node accepts.
import type { IDataObject } from 'n8n-workflow';

import { toIsoTimestamp } from '../shared/timestamps';
import { normalisePhoneNumber } from '../shared/whatsapp-ids';
import type { Addressing } from './addressing';
import type { ItemHeader } from './parse';
import { asId, asNumber, asObject, asText } from '../shared/values';

// Index = WhatsApp's status code.
const STATUS_WORDS = ['failed', 'pending', 'sent', 'delivered', 'read', 'played'];
// The same codes by their protobuf names, as some serialisations write them.
const STATUS_NAMES = new Map([
	['ERROR', 0],
	['PENDING', 1],
	['SERVER_ACK', 2],
	['DELIVERY_ACK', 3],
	['READ', 4],
	['PLAYED', 5],
]);

const CLOSE_REASONS = new Map([
	[401, 'logged out'],
	[403, 'forbidden'],
	[408, 'timed out'],
	[411, 'multi-device mismatch'],
	[428, 'connection closed'],
	[440, 'replaced by another session'],
	[500, 'bad session'],
	[503, 'service unavailable'],
	[515, 'restart required'],
]);

/** The status code of a `messages.update` entry; undefined for updates that are not about delivery (edits, deletes). */
export function readStatusCode(entry: IDataObject): number | undefined {
	const value = asObject(entry.update)?.status;
	const code = asNumber(value) ?? (typeof value === 'string' ? STATUS_NAMES.get(value.trim().toUpperCase()) : undefined);
	return code !== undefined && Number.isInteger(code) && code >= 0 && code < STATUS_WORDS.length ? code : undefined;
}

export function simplifyStatusUpdate(
	header: ItemHeader,
	entry: IDataObject,
	addressing: Addressing,
	statusCode: number,
): IDataObject {
	const update = asObject(entry.update) ?? {};
	const stubParameters = update.messageStubParameters ?? entry.messageStubParameters;
	const failureCode = Array.isArray(stubParameters) ? asId(stubParameters[0]) : undefined;
	return {
		...header,
		messageId: asId(asObject(entry.key)?.id) ?? null,
		chatId: addressing.chatId,
		fromMe: addressing.fromMe,
		isGroup: addressing.isGroup,
		groupId: addressing.groupId,
		participant: addressing.participant,
		status: STATUS_WORDS[statusCode],
		statusCode,
		failureCode: statusCode === 0 ? (failureCode ?? null) : null,
		timestamp: toIsoTimestamp(asNumber(update.messageTimestamp)),
	};
}

/** `open`, `close`, `connecting`, or `qr` when a QR code waits to be scanned; undefined for updates without a state. */
export function readConnectionState(data: IDataObject): string | undefined {
	return asText(data.connection)?.trim() ?? (asText(data.qr) === undefined ? undefined : 'qr');
}

export function simplifyConnection(header: ItemHeader, data: IDataObject, connection: string): IDataObject {
	const lastDisconnect = connection === 'close' ? asObject(data.lastDisconnect) : undefined;
	const error = asObject(lastDisconnect?.error);
	const output = asObject(error?.output);
	const statusCode =
		asNumber(output?.statusCode) ?? asNumber(error?.statusCode) ?? asNumber(asObject(output?.payload)?.statusCode);
	const date = asText(lastDisconnect?.date);
	const closedAt = date === undefined ? NaN : Date.parse(date);
	return {
		...header,
		connection,
		reason: statusCode === undefined ? null : (CLOSE_REASONS.get(statusCode) ?? null),
		statusCode: statusCode ?? null,
		qr: asText(data.qr) ?? null,
		timestamp: Number.isNaN(closedAt) ? toIsoTimestamp(undefined) : new Date(closedAt).toISOString(),
	};
}

export function simplifyContact(header: ItemHeader, entry: IDataObject): IDataObject {
	return {
		...header,
		contactId: asId(entry.id) ?? null,
		// Contacts addressed by a privacy ID carry their number separately, if at all.
		phoneNumber: firstPhoneNumber([entry.id, entry.phoneNumber, entry.jid]),
		name: asText(entry.name) ?? asText(entry.notify) ?? asText(entry.verifiedName) ?? '',
	};
}

/** groups.update sends only what changed: fields that did not change are null. */
export function simplifyGroup(header: ItemHeader, entry: IDataObject): IDataObject {
	return {
		...header,
		groupId: asId(entry.id) ?? null,
		name: asText(entry.subject) ?? null,
		description: asText(entry.desc) ?? null,
		onlyAdminsCanSend: typeof entry.announce === 'boolean' ? entry.announce : null,
		onlyAdminsCanEditInfo: typeof entry.restrict === 'boolean' ? entry.restrict : null,
		changedBy: firstPhoneNumber([entry.authorPn, entry.author]),
	};
}

function firstPhoneNumber(values: unknown[]): string | null {
	for (const value of values) {
		const text = asText(value);
		const number = text === undefined ? undefined : normalisePhoneNumber(text);
		if (number !== undefined) return number;
	}
	return null;
}
