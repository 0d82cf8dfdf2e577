'use strict';
// Webhook payloads, in the shapes of wonotify-webhook-events.md: the envelope, the echo of a
// message sent through the API, a message typed by someone, and connection changes.

function envelope(instanceId, event, data) {
	return { instance_id: instanceId, data: { event, data } };
}

/** Messages sent through the API come back as `append` with fromMe and PENDING. */
function ownMessageEcho(instanceId, sent) {
	return envelope(instanceId, 'messages.upsert', {
		type: 'append',
		messages: [
			{
				key: sent.key,
				message: sent.message,
				messageTimestamp: Number(sent.messageTimestamp),
				status: 'PENDING',
			},
		],
	});
}

/**
 * A message typed on a phone: by a contact (`fromMe` false) or by the account owner on their
 * own phone (`fromMe` true, the case an auto-reply flow must not answer). `message` is its
 * content, e.g. `{ conversation: 'Hi' }` or `{ imageMessage: {…} }`.
 */
function incomingMessage(instance, { from, pushName, group, participant, fromMe = false, id }, message, newId) {
	const key = { remoteJid: chatJid({ from, group }), fromMe: Boolean(fromMe), id: id ?? newId() };
	if (group) key.participant = fromMe ? personJid(instance.phone, 'the instance phone') : personJid(participant ?? from, 'participant or from');
	return envelope(instance.id, 'messages.upsert', {
		type: 'notify',
		messages: [
			{
				key,
				messageTimestamp: Math.floor(Date.now() / 1000),
				pushName: fromMe ? instance.name : (pushName ?? 'Simulator Contact'),
				broadcast: false,
				message,
			},
		],
	});
}

function typedText(instance, sender, newId) {
	if (typeof sender.text !== 'string' || sender.text === '') throw new TypeError('text is required');
	return incomingMessage(instance, sender, { conversation: sender.text }, newId);
}

function connectionOpen(instanceId) {
	return envelope(instanceId, 'connection.update', { connection: 'open' });
}

/** 401 is WhatsApp's "logged out" close code. */
function connectionLoggedOut(instanceId) {
	return envelope(instanceId, 'connection.update', {
		connection: 'close',
		lastDisconnect: { date: new Date().toISOString(), error: { output: { statusCode: 401 } } },
	});
}

/** `919812345678`, `+91 98123 45678` or a full JID → a person's JID. */
function personJid(value, what) {
	const text = value === undefined || value === null ? '' : String(value);
	if (text.includes('@')) return text;
	const digits = text.replace(/\D/g, '');
	if (digits === '') throw new TypeError(`${what} must be a phone number with country code, e.g. 919812345678`);
	return `${digits}@s.whatsapp.net`;
}

/** The chat a message from `from` (or in `group`) belongs to. */
function chatJid({ from, group }) {
	return group ? groupJid(group) : personJid(from, 'from');
}

function groupJid(value) {
	const text = String(value);
	return text.includes('@') ? text : `${text}@g.us`;
}

module.exports = { envelope, ownMessageEcho, incomingMessage, typedText, connectionOpen, connectionLoggedOut, chatJid };
