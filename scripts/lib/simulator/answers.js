'use strict';
// A person answering a message the instance sent: tapping one of its quick-reply buttons, or
// replying to it (WhatsApp's Reply, which quotes it). Shapes as Baileys delivers them: a tap
// is an interactiveResponseMessage with the button's ID in paramsJson; a reply carries the
// quoted message's ID and content in contextInfo.

/** The newest message sent to `to` (a JID), or the one with `messageId`; an error says what was sent. */
function sentMessage(instance, to, messageId) {
	const candidates = instance.sent.filter((sent) => (messageId === undefined ? sent.key.remoteJid === to : sent.key.id === messageId));
	const found = candidates.at(-1);
	if (found === undefined) {
		const what = messageId === undefined ? `to ${to}` : `with ID ${messageId}`;
		throw Object.assign(new TypeError(`Instance ${instance.id} sent no message ${what}: send one first (e.g. Send and Wait for Response)`), { statusCode: 404 });
	}
	return found;
}

/** The quick-reply buttons of a sent message: [{ label, id }]. */
function quickReplies(sent) {
	const buttons = sent.message.interactiveMessage?.nativeFlowMessage?.buttons ?? [];
	return buttons
		.filter((button) => button.name === 'quick_reply')
		.map((button) => JSON.parse(button.buttonParamsJson))
		.map((params) => ({ label: String(params.display_text ?? ''), id: String(params.id ?? '') }));
}

function contextOf(instance, sent) {
	return { stanzaId: sent.key.id, participant: `${instance.phone}@s.whatsapp.net`, quotedMessage: structuredClone(sent.message) };
}

/**
 * The content of a tap on a button of the newest message sent to `to`: the one labelled
 * `button` (any case), else the first. `buttonId` taps a button with that ID instead, as a
 * copied or forged one would be (the message is then only quoted if there is one).
 */
function buttonTap(instance, to, { button, buttonId, messageId }) {
	let sent;
	let chosen;
	if (buttonId !== undefined) {
		sent = instance.sent.filter((entry) => entry.key.remoteJid === to).at(-1);
		chosen = { label: button ?? 'Button', id: String(buttonId) };
	} else {
		sent = sentMessage(instance, to, messageId);
		const buttons = quickReplies(sent);
		if (buttons.length === 0) throw Object.assign(new TypeError(`Message ${sent.key.id} has no quick-reply buttons to tap`), { statusCode: 400 });
		chosen = button === undefined ? buttons[0] : buttons.find((b) => b.label.toLowerCase() === String(button).toLowerCase());
		if (chosen === undefined) {
			throw Object.assign(new TypeError(`Message ${sent.key.id} has no button "${button}" (it has: ${buttons.map((b) => b.label).join(', ')})`), { statusCode: 400 });
		}
	}
	return {
		interactiveResponseMessage: {
			body: { text: chosen.label, format: 'DEFAULT' },
			nativeFlowResponseMessage: { name: 'quick_reply', paramsJson: JSON.stringify({ id: chosen.id, display_text: chosen.label }), version: 3 },
			...(sent && { contextInfo: { stanzaId: sent.key.id, participant: `${instance.phone}@s.whatsapp.net` } }),
		},
	};
}

/** The content of a reply quoting the newest message sent to `to` (or the one with `messageId`). */
function quotingReply(instance, to, { text, messageId }) {
	if (typeof text !== 'string' || text === '') throw new TypeError('text is required');
	return { extendedTextMessage: { text, contextInfo: contextOf(instance, sentMessage(instance, to, messageId)) } };
}

module.exports = { buttonTap, quotingReply, quickReplies };
