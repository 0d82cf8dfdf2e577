// Where a message's file is and how to open it, read from whatever the user has: a Wonotify
// Trigger item (simplified, with `media.download`, or raw), a message as the gateway sends
// it, or the media part itself (`imageMessage`'s value).
import type { IDataObject } from 'n8n-workflow';

import { unwrap } from '../message-unwrap';
import { asFlag, asId, asNumber, asObject, asText } from '../values';
import { readBytes } from './bytes';
import { MEDIA_KEY_BYTES, type MediaKind } from './keys';
import { MediaError } from './media-error';

export type MediaType = 'image' | 'video' | 'audio' | 'voice' | 'document' | 'sticker';

/** Baileys' media parts: the item `type` they give and the keys their file is encrypted with. */
export const MEDIA_PARTS: Record<string, { type: Exclude<MediaType, 'voice'>; kind: MediaKind }> = {
	imageMessage: { type: 'image', kind: 'image' },
	stickerMessage: { type: 'sticker', kind: 'image' },
	videoMessage: { type: 'video', kind: 'video' },
	ptvMessage: { type: 'video', kind: 'video' },
	audioMessage: { type: 'audio', kind: 'audio' },
	documentMessage: { type: 'document', kind: 'document' },
};

const KIND_OF_TYPE: Record<MediaType, MediaKind> = {
	image: 'image',
	sticker: 'image',
	video: 'video',
	audio: 'audio',
	voice: 'audio',
	document: 'document',
};

/** WhatsApp's media server: where it serves a `directPath` when the message has no usable `url`. */
const WHATSAPP_MEDIA_HOST = 'mmg.whatsapp.net';
export const WHATSAPP_MEDIA_ORIGIN = `https://${WHATSAPP_MEDIA_HOST}`;

/** One of WhatsApp's own hosts (`whatsapp.net` and its subdomains), whatever the case or a trailing dot. */
export function isWhatsAppHostname(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/\.$/, '');
	return host === 'whatsapp.net' || host.endsWith('.whatsapp.net');
}

export interface MediaReference {
	type: MediaType;
	kind: MediaKind;
	/** The encrypted file. */
	url: string;
	mediaKey: Buffer;
	fileSha256?: Buffer;
	fileEncSha256?: Buffer;
	mimeType: string;
	/** Documents only: the name the sender gave it. */
	fileName?: string;
	/** Plain size in bytes, as announced. */
	size?: number;
	messageId?: string;
}

/**
 * What a simplified trigger item keeps so that the Download Media operation can fetch the
 * file later: the byte fields as base64 whatever shape they arrived in (an unreadable value
 * is kept as received, for the download to name the problem).
 */
export function downloadDetails(part: IDataObject): IDataObject {
	const base64 = (value: unknown) => readBytes(value)?.toString('base64') ?? (value as IDataObject[string]) ?? null;
	return {
		url: asText(part.url) ?? null,
		directPath: asText(part.directPath) ?? null,
		mediaKey: base64(part.mediaKey),
		fileSha256: base64(part.fileSha256),
		fileEncSha256: base64(part.fileEncSha256),
	};
}

/** Throws MediaError when the source has no media, or not what it takes to download it. */
export function readMediaReference(source: unknown): MediaReference {
	const object = asObject(source);
	if (object === undefined) throw noMedia('it is not an object');
	const simplified = asObject(asObject(object.media)?.download);
	if (simplified !== undefined && typeof object.type === 'string' && Object.hasOwn(KIND_OF_TYPE, object.type)) {
		const media = asObject(object.media) as IDataObject;
		const type = object.type as MediaType;
		return build(type, simplified, {
			mimetype: media.mimetype,
			fileName: media.fileName,
			size: media.size,
			messageId: object.messageId,
		});
	}
	if (object.media === null && typeof object.type === 'string') {
		throw noMedia(`it is a message of type "${object.type}"`);
	}
	const entry = asObject(object.message) !== undefined ? object : undefined;
	const found = findMediaPart(entry === undefined ? object : (object.message as IDataObject));
	if (found !== undefined) {
		const { key, part } = found;
		const type = key === 'audioMessage' && asFlag(part.ptt) ? 'voice' : MEDIA_PARTS[key].type;
		return build(type, part, { ...part, messageId: asObject(entry?.key)?.id });
	}
	// The media part itself, e.g. `{{ $json.message.imageMessage }}`: only a document has a
	// file name; the others are told apart by their mimetype (a photo sent as a document is
	// still a document, and is encrypted as one).
	if (object.mediaKey !== undefined && (object.url !== undefined || object.directPath !== undefined)) {
		return build(object.fileName !== undefined ? 'document' : typeFromMimeType(asText(object.mimetype)), object, object);
	}
	throw noMedia('it holds no image, video, audio, document or sticker');
}

/** Whether a trigger item (simplified or raw) is a message with a file. */
export function carriesMedia(item: IDataObject): boolean {
	if (asObject(item.media) !== undefined) return true;
	const message = asObject(item.message);
	return message !== undefined && findMediaPart(message) !== undefined;
}

function findMediaPart(message: IDataObject): { key: string; part: IDataObject } | undefined {
	const content = unwrap(message);
	if (content === undefined) return undefined;
	for (const key of Object.keys(MEDIA_PARTS)) {
		const part = asObject(content[key]);
		if (part !== undefined) return { key, part };
	}
	return undefined;
}

function build(type: MediaType, download: IDataObject, about: IDataObject): MediaReference {
	const mediaKey = readBytes(download.mediaKey);
	if (download.mediaKey === undefined || download.mediaKey === null) {
		throw new MediaError(
			'The message has no media key, so its file cannot be opened',
			'WhatsApp encrypts every file and sends the key with the message; this one came without it. Ask the sender to send the file again.',
		);
	}
	if (mediaKey === undefined || mediaKey.length !== MEDIA_KEY_BYTES) {
		throw new MediaError(
			`The message's media key is not ${MEDIA_KEY_BYTES} bytes in a known shape`,
			'It must be base64 text, a Buffer as JSON ({"type":"Buffer","data":[…]}), an object with index keys or a list of byte values, as the gateway sends it. Pass the message as the trigger gives it.',
		);
	}
	return {
		type,
		kind: KIND_OF_TYPE[type],
		url: mediaUrl(download),
		mediaKey,
		fileSha256: hashField(download.fileSha256, 'fileSha256'),
		fileEncSha256: hashField(download.fileEncSha256, 'fileEncSha256'),
		mimeType: asText(about.mimetype)?.trim() ?? 'application/octet-stream',
		fileName: asText(about.fileName)?.trim(),
		size: asNumber(about.size ?? about.fileLength),
		messageId: asId(about.messageId),
	};
}

/**
 * Where the file is. Like WhatsApp clients, a `url` on one of WhatsApp's hosts other than its
 * media server (e.g. web.whatsapp.net) gives way to the media server with the `directPath`;
 * a `url` on another host is kept, for a gateway that rewrites media URLs (or the simulator)
 * and the user allowed in Allowed Media Hosts.
 */
function mediaUrl(download: IDataObject): string {
	const url = asText(download.url)?.trim();
	const directPath = asText(download.directPath)?.trim();
	const viaDirectPath = directPath !== undefined && directPath.startsWith('/') ? `${WHATSAPP_MEDIA_ORIGIN}${directPath}` : undefined;
	if (url !== undefined && /^https?:\/\//i.test(url)) {
		return viaDirectPath !== undefined && isOtherWhatsAppHost(url) ? viaDirectPath : url;
	}
	if (viaDirectPath !== undefined) return viaDirectPath;
	throw new MediaError(
		'The message does not say where its file is (no url or directPath)',
		'Pass the message as the Wonotify Trigger gives it.',
	);
}

function isOtherWhatsAppHost(url: string): boolean {
	const host = URL.canParse(url) ? new URL(url).hostname.toLowerCase().replace(/\.$/, '') : '';
	return host !== WHATSAPP_MEDIA_HOST && isWhatsAppHostname(host);
}

function hashField(value: unknown, name: string): Buffer | undefined {
	if (value === undefined || value === null) return undefined;
	const bytes = readBytes(value);
	if (bytes === undefined || bytes.length !== 32) {
		throw new MediaError(`The message's ${name} is not a SHA-256 in a known shape`, 'Pass the message as the Wonotify Trigger gives it.');
	}
	return bytes;
}

function typeFromMimeType(mimeType: string | undefined): MediaType {
	const top = mimeType?.split('/')[0];
	return top === 'image' || top === 'video' || top === 'audio' ? top : 'document';
}

function noMedia(why: string): MediaError {
	return new MediaError(
		`The message has no file to download: ${why}`,
		'Use Download Media on items of type image, video, audio, voice, document or sticker, e.g. after an If node on {{ $json.type }}.',
	);
}
