// The file name a downloaded media file gets: documents keep the sender's; photos, voice notes
// and videos have none in WhatsApp, so they get one from their type, message ID and mimetype.
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
};

/** `audio/ogg; codecs=opus` → `audio/ogg`: what nodes that compare mimetypes expect. */
export function baseMimeType(mimeType: string): string {
	return mimeType.split(';')[0].trim().toLowerCase() || 'application/octet-stream';
}

export function mediaFileName(reference: MediaReference): string {
	if (reference.fileName !== undefined) return reference.fileName;
	const mimeType = baseMimeType(reference.mimeType);
	const subtype = mimeType.split('/')[1] ?? '';
	const extension = EXTENSIONS[mimeType] ?? (/^[a-z0-9]{1,5}$/.test(subtype) ? subtype : 'bin');
	const id = reference.messageId?.replace(/[^A-Za-z0-9_-]/g, '') || 'file';
	return `${reference.type}-${id}.${extension}`;
}
