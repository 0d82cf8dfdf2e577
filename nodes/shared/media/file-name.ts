// The file name a downloaded media file gets: documents keep the sender's (made safe to use
// as a file name); photos, voice notes and videos have none in WhatsApp, so they get one from
// their type, message ID and mimetype.
import type { MediaReference } from './reference';

const EXTENSIONS: Record<string, string> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp',
	'image/gif': 'gif',
	'video/mp4': 'mp4',
	'video/3gpp': '3gp',
	'audio/ogg': 'ogg',
	'audio/mpeg': 'mp3',
	'audio/mp4': 'm4a',
	'audio/aac': 'aac',
	'audio/amr': 'amr',
	'application/pdf': 'pdf',
	'text/plain': 'txt',
	'text/csv': 'csv',
	'application/zip': 'zip',
	'application/msword': 'doc',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'application/vnd.ms-excel': 'xls',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'application/vnd.ms-powerpoint': 'ppt',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
	'video/quicktime': 'mov',
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
};

/** `audio/ogg; codecs=opus` → `audio/ogg`: what nodes that compare mimetypes expect. */
export function baseMimeType(mimeType: string): string {
	return mimeType.split(';')[0].trim().toLowerCase() || 'application/octet-stream';
}

// File systems take at most 255 bytes for a name.
const MAX_NAME_BYTES = 255;
const EXTENSION = /\.[A-Za-z0-9]{1,10}$/;

export function mediaFileName(reference: MediaReference): string {
	const extension = extensionOf(baseMimeType(reference.mimeType));
	const given = safeName(reference.fileName ?? '');
	if (given !== '') return withinNameLength(EXTENSION.test(given) || extension === 'bin' ? given : `${given}.${extension}`);
	const id = reference.messageId?.replace(/[^A-Za-z0-9_-]/g, '') || 'file';
	return `${reference.type}-${id}.${extension}`;
}

function extensionOf(mimeType: string): string {
	const subtype = mimeType.split('/')[1] ?? '';
	return EXTENSIONS[mimeType] ?? (/^[a-z0-9]{1,5}$/.test(subtype) ? subtype : 'bin');
}

/**
 * The sender's name without what would make it a path (n8n splits `a/b.pdf` into a folder
 * and a name) or trouble on a disk: slashes, backslashes and control characters become `_`,
 * leading dots go. Direction marks and overrides go too: `invoice\u202Efdp.exe` would show as
 * `invoiceexe.pdf`. A name without a letter or digit left is no name.
 */
function safeName(name: string): string {
	const safe = name
		// eslint-disable-next-line no-control-regex
		.replace(/[/\\\u0000-\u001f\u007f]/g, '_')
		.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
		.trim()
		.replace(/^\.+/, '')
		.trim();
	return /[\p{L}\p{N}]/u.test(safe) ? safe : '';
}

/** The name cut to what file systems accept, in whole characters, keeping its extension. */
function withinNameLength(name: string): string {
	if (Buffer.byteLength(name) <= MAX_NAME_BYTES) return name;
	const extension = EXTENSION.exec(name)?.[0] ?? '';
	const characters = [...name.slice(0, name.length - extension.length)];
	while (Buffer.byteLength(characters.join('') + extension) > MAX_NAME_BYTES) characters.pop();
	return characters.join('').trimEnd() + extension;
}
