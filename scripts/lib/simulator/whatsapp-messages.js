'use strict';
// The WhatsApp message a send turns into: what the gateway echoes back in `message.message`
// and in the own-message webhook echo. Shapes follow the WhatsApp Web library underneath
// the gateway (Baileys). `undefined` means the gateway fails inside and answers a bare
// {"status":"success"}.

// The gateway picks the media kind from the URL's extension only.
const MEDIA_BY_EXTENSION = {
	jpg: ['imageMessage', 'image/jpeg'],
	jpeg: ['imageMessage', 'image/jpeg'],
	png: ['imageMessage', 'image/png'],
	gif: ['imageMessage', 'image/gif'],
	mp4: ['videoMessage', 'video/mp4'],
	ogg: ['audioMessage', 'audio/ogg; codecs=opus'],
};
const DOCUMENT_MIME_TYPES = {
	pdf: 'application/pdf',
	txt: 'text/plain',
	csv: 'text/csv',
	zip: 'application/zip',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function textMessage(text) {
	return { extendedTextMessage: { text } };
}

/** `download`: what the gateway downloaded (size, SHA-256), which WhatsApp's message carries too. */
function mediaMessage({ mediaUrl, caption, filename, download }) {
	let url;
	let baseName;
	try {
		url = new URL(mediaUrl);
		baseName = decodeURIComponent(url.pathname.split('/').pop() ?? '');
	} catch {
		return undefined; // the gateway cannot download it
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
	const extension = (/\.([a-z0-9]+)$/i.exec(baseName)?.[1] ?? '').toLowerCase();
	const known = MEDIA_BY_EXTENSION[extension];
	const file = download?.ok ? { fileLength: String(download.size), fileSha256: Buffer.from(download.sha256, 'hex').toString('base64') } : {};
	if (known) {
		const [kind, mimetype] = known;
		// Voice/audio messages have no caption in WhatsApp.
		return { [kind]: kind === 'audioMessage' ? { url: mediaUrl, mimetype, ptt: false, ...file } : { url: mediaUrl, mimetype, caption, ...file } };
	}
	// The kind comes from the URL's path only (a link such as n8n's .../signed?token=… is a
	// document); the file name says what the file is.
	const namedExtension = (/\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1] ?? '').toLowerCase();
	return {
		documentMessage: {
			url: mediaUrl,
			mimetype: DOCUMENT_MIME_TYPES[extension] ?? DOCUMENT_MIME_TYPES[namedExtension] ?? download?.contentType ?? 'application/octet-stream',
			fileName: filename || baseName || 'file',
			caption,
			...file,
		},
	};
}

/** `send_template`'s three kinds, by their `type`. */
const RICH_MESSAGES = { interactive: interactiveMessage, template: templateMessage, list: listMessage };
const RICH_TYPES = Object.keys(RICH_MESSAGES);

/** A message of one of RICH_TYPES; undefined for one the gateway would choke on. */
function richMessage(type, message) {
	return RICH_MESSAGES[type](message);
}

function interactiveMessage(message) {
	const buttons = message.interactiveButtons ?? [];
	// The contract's trap: buttonParamsJson must be a JSON *string*. An object (or text that is
	// not JSON) makes the gateway fail inside while still answering "success".
	if (!Array.isArray(buttons) || !buttons.every(isValidNativeFlowButton)) return undefined;
	return {
		interactiveMessage: {
			header: { title: message.title, subtitle: message.subtitle, hasMediaAttachment: false },
			body: { text: message.text },
			footer: { text: message.footer },
			nativeFlowMessage: { buttons: buttons.map(({ name, buttonParamsJson }) => ({ name, buttonParamsJson })) },
		},
	};
}

function isValidNativeFlowButton(button) {
	if (typeof button !== 'object' || button === null || typeof button.buttonParamsJson !== 'string') return false;
	try {
		const params = JSON.parse(button.buttonParamsJson);
		return typeof params === 'object' && params !== null;
	} catch {
		return false;
	}
}

function templateMessage(message) {
	const buttons = message.templateButtons ?? [];
	if (!Array.isArray(buttons)) return undefined;
	return {
		templateMessage: {
			hydratedTemplate: { hydratedContentText: message.text, hydratedFooterText: message.footer, hydratedButtons: buttons },
		},
	};
}

function listMessage(message) {
	const sections = message.sections;
	if (!Array.isArray(sections) || sections.length === 0 || !sections.every((s) => Array.isArray(s?.rows))) return undefined;
	return {
		listMessage: {
			title: message.title,
			description: message.text,
			buttonText: message.buttonText,
			footerText: message.footer,
			listType: 'SINGLE_SELECT',
			sections,
		},
	};
}

/** What a sent message shows a person, in one line: its kind and its text (for `simulator state`). */
function summarise(content) {
	const [key, body] = Object.entries(content ?? {})[0] ?? ['unknown', {}];
	const kind = key === 'extendedTextMessage' || key === 'conversation' ? 'text' : key.replace(/Message$/, '');
	const text =
		(typeof body === 'string' ? body : undefined) ??
		body?.text ??
		body?.caption ??
		body?.body?.text ?? // interactive
		body?.description ?? // list
		body?.hydratedTemplate?.hydratedContentText ??
		body?.url ??
		'';
	return { kind, text };
}

module.exports = { textMessage, mediaMessage, richMessage, RICH_TYPES, summarise };
