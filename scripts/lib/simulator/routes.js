'use strict';
// The gateway's API endpoints (below /api), with the gateway's checks, in its order: token,
// instance, connection, quota, then the fields. Each handler returns the answer (an object
// sent as JSON, or a string sent as is); webhook events are queued with ctx.afterAnswer so
// that they go out once the answer has been written.
const { QR_PNG_BASE64 } = require('./qr-image');
const { QUOTA_MESSAGE } = require('./failures');
const { connectionLoggedOut, ownMessageEcho } = require('./events');
const { fetchFailedAnswer, fetchMedia } = require('./media-fetch');
const { mediaMessage, richMessage, RICH_TYPES, textMessage } = require('./whatsapp-messages');

const fail = (message, extra = {}) => ({ status: 'error', message, ...extra });
// The trap: a send the gateway could not do inside still says "success", with no message.
const SILENT_FAILURE = { status: 'success' };
const PHONE_NUMBER = /^\d{7,15}$/;
// New groups are `<digits>@g.us`, old ones `<creator number>-<timestamp>@g.us`.
const GROUP_JID = /^\d{5,25}(-\d{6,12})?@g\.us$/;

/**
 * A message type the API contract does not document. What the real gateway does with it is
 * unknown, so the simulator neither pretends to send it nor invents the gateway's answer: it
 * says so, naming the type, and a test of an operation that sends it fails here until the
 * simulator learns the type (see ARCHITECTURE.md, "Where to add").
 */
function unknownType(endpoint, type, known) {
	return fail(
		`The simulator does not know the message type "${type}" of /${endpoint} (it knows ${known.join(', ')}); teach it in scripts/lib/simulator/ first`,
	);
}

/**
 * @param {object} deps
 * @param {ReturnType<import('./state').createState>} deps.state
 * @param {ReturnType<import('./ids').createIds>} deps.ids
 * @param {(instance: object, payload: object) => void} deps.notify posts to the instance's webhook, if enabled
 * @param {(download: object) => void} [deps.recordDownload] each media download the gateway made (or skipped)
 */
function createRoutes({ state, ids, notify, recordDownload = () => {} }) {
	function tokenError(token) {
		if (token === '') return fail('Access token is required');
		if (!state.isToken(token)) return fail('Access token does not exist');
		return undefined;
	}

	/** The instance named in the request, if it belongs to the request's token. */
	function ownInstance(ctx) {
		const token = ctx.param('access_token');
		const answer = tokenError(token);
		if (answer) return { answer };
		const instanceId = ctx.param('instance_id');
		if (instanceId === '') return { answer: fail('Instance ID is required') };
		const instance = state.get(instanceId);
		if (!instance || instance.token !== token) return { answer: fail('Instance ID Invalidated') };
		return { instance };
	}

	/** Like ownInstance, and the instance must be able to send now. */
	function sendingInstance(ctx) {
		const found = ownInstance(ctx);
		if (found.answer) return found;
		if (!found.instance.connected) return { answer: fail('This WhatsApp account relogin required') };
		if (!(state.quotaLeft(found.instance.token) > 0)) return { answer: { status: 'success', message: QUOTA_MESSAGE } };
		return found;
	}

	/**
	 * `type` text or media, as /send and /send_group read it. For media, the gateway downloads
	 * the file before it answers: a download that fails is answered with its error.
	 */
	async function textOrMedia(ctx, endpoint) {
		const type = ctx.param('type');
		const text = ctx.param('message');
		if (type === 'media') {
			const mediaUrl = ctx.param('media_url');
			if (mediaUrl === '') return { answer: fail('Please enter media url or message') };
			const download = await fetchMedia(mediaUrl);
			recordDownload(download);
			if (download.ok === false) return { answer: fetchFailedAnswer(mediaUrl) };
			const content = mediaMessage({ mediaUrl, caption: text, filename: ctx.param('filename'), download });
			return { content, media: download.ok ? download : undefined };
		}
		if (type === 'text') {
			if (text === '') return { answer: fail('Please enter media url or message') };
			return { content: textMessage(text) };
		}
		return { answer: unknownType(endpoint, type, ['text', 'media']) };
	}

	/** Sends `content` (undefined: the gateway failed inside) and answers like the gateway. */
	function deliver(ctx, instance, endpoint, remoteJid, content, media) {
		if (content === undefined) return SILENT_FAILURE;
		state.spendQuota(instance.token);
		const sent = {
			key: { remoteJid, fromMe: true, id: ids.sentMessageId() },
			message: content,
			messageTimestamp: String(Math.floor(Date.now() / 1000)),
			status: 'PENDING',
		};
		state.recordSent(instance, { endpoint, ...structuredClone(sent), ...(media ? { media } : {}), at: Date.now() });
		ctx.afterAnswer(() => notify(instance, ownMessageEcho(instance.id, sent)));
		return { status: 'success', message: sent };
	}

	/** The phone's WhatsApp session ends; the webhook hears about it like from WhatsApp. */
	function disconnect(ctx, instance) {
		instance.connected = false;
		const payload = connectionLoggedOut(instance.id);
		ctx.afterAnswer(() => notify(instance, payload));
	}

	return {
		'/create_instance'(ctx) {
			const token = ctx.param('access_token');
			const answer = tokenError(token);
			if (answer) return answer;
			const instance = state.addInstance({ token });
			return { status: 'success', message: 'Instance ID generated successfully', instance_id: instance.id };
		},

		'/get_qrcode'(ctx) {
			const { instance, answer } = ownInstance(ctx);
			if (answer) return answer;
			if (instance.connected) return fail('Instance ID has been used');
			return { status: 'success', message: 'Success', base64: `data:image/png;base64,${QR_PNG_BASE64}` };
		},

		'/reboot'(ctx) {
			const { instance, answer } = ownInstance(ctx);
			if (answer) return answer;
			if (instance.connected) disconnect(ctx, instance);
			return { status: 'success', message: 'Success' };
		},

		// Deletes the instance and its data (webhook included) and hands back no new ID.
		'/reset_instance'(ctx) {
			const { instance, answer } = ownInstance(ctx);
			if (answer) return answer;
			if (instance.connected) disconnect(ctx, instance);
			state.delete(instance.id);
			return { status: 'success', message: 'Reset Instance ID was successful' };
		},

		'/reconnect'(ctx) {
			const { instance, answer } = ownInstance(ctx);
			if (answer) return answer;
			if (!instance.connected) return fail('Error', { relogin: true });
			return {
				status: 'success',
				message: 'Success',
				data: {
					id: `${instance.phone}:12@s.whatsapp.net`,
					name: instance.name,
					// Like the real one: a signed WhatsApp CDN address that has already expired.
					avatar: `https://pps.whatsapp.net/v/t61.24694-24/simulator_${instance.phone}_n.jpg?oh=00_simulator&oe=00000000`,
				},
			};
		},

		// The trap: success is the plain text "Success", not JSON.
		'/logout'(ctx) {
			const { instance, answer } = ownInstance(ctx);
			if (answer) return answer;
			if (!instance.connected) return fail('This account seems to have logged out before.');
			disconnect(ctx, instance);
			return 'Success';
		},

		'/set_webhook'(ctx) {
			const { instance, answer } = ownInstance(ctx);
			if (answer) return answer;
			const webhookUrl = ctx.param('webhook_url');
			if (!isHttpUrl(webhookUrl)) return fail('Webhook URL is not a valid URL');
			instance.webhookUrl = webhookUrl;
			// Only the exact word enables it, as in the panel's PHP.
			instance.webhookEnabled = ctx.param('enable') === 'true';
			return { status: 'success', message: 'Webhook URI Saved' };
		},

		async '/send'(ctx) {
			const { instance, answer } = sendingInstance(ctx);
			if (answer) return answer;
			const number = ctx.param('number');
			if (!PHONE_NUMBER.test(number)) return fail('Phone number is required');
			const { content, media, answer: contentError } = await textOrMedia(ctx, 'send');
			if (contentError) return contentError;
			return deliver(ctx, instance, 'send', `${number}@s.whatsapp.net`, content, media);
		},

		// The trap: group_id is read from the query string only; in the body alone it is not seen.
		async '/send_group'(ctx) {
			const { instance, answer } = sendingInstance(ctx);
			if (answer) return answer;
			const groupId = typeof ctx.query.group_id === 'string' ? ctx.query.group_id : '';
			const { content, media, answer: contentError } = await textOrMedia(ctx, 'send_group');
			if (contentError) return contentError;
			if (!GROUP_JID.test(groupId)) return SILENT_FAILURE;
			return deliver(ctx, instance, 'send_group', groupId, content, media);
		},

		'/send_template'(ctx) {
			const { instance, answer } = sendingInstance(ctx);
			if (answer) return answer;
			const number = ctx.param('number');
			if (!PHONE_NUMBER.test(number)) return fail('Phone number is required');
			const type = ctx.param('type');
			if (!RICH_TYPES.includes(type)) return unknownType('send_template', type, RICH_TYPES);
			const message = isPlainObject(ctx.body) ? ctx.body.message : undefined;
			if (!isPlainObject(message) || typeof message.text !== 'string' || message.text === '') {
				return fail('Please enter media url or message');
			}
			return deliver(ctx, instance, 'send_template', `${number}@s.whatsapp.net`, richMessage(type, message));
		},
	};
}

function isPlainObject(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHttpUrl(text) {
	try {
		const url = new URL(text);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

/**
 * A request's parameters the way the panel reads them: from the JSON (or form) body of a
 * POST first, else from the query string.
 */
function paramReader(query, body) {
	const fromBody = isPlainObject(body) ? body : {};
	return (name) => asText(fromBody[name]) || asText(query[name]);
}

function asText(value) {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return '';
}

module.exports = { createRoutes, paramReader };
