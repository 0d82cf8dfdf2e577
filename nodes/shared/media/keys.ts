// WhatsApp's media encryption: one random 32-byte mediaKey per file, expanded with HKDF into
// the AES-CBC key and IV and the HMAC key. The expansion's `info` depends on the kind of media.
import { hkdfSync } from 'node:crypto';

export type MediaKind = 'image' | 'video' | 'audio' | 'document';

const HKDF_INFO: Record<MediaKind, string> = {
	image: 'WhatsApp Image Keys',
	video: 'WhatsApp Video Keys',
	audio: 'WhatsApp Audio Keys',
	document: 'WhatsApp Document Keys',
};

export const MEDIA_KEY_BYTES = 32;
/** The MAC at the end of every encrypted file: the first 10 bytes of an HMAC-SHA256. */
export const MAC_BYTES = 10;

export interface MediaKeys {
	iv: Buffer;
	cipherKey: Buffer;
	macKey: Buffer;
}

export function expandMediaKey(mediaKey: Buffer, kind: MediaKind): MediaKeys {
	const expanded = Buffer.from(hkdfSync('sha256', mediaKey, Buffer.alloc(32), HKDF_INFO[kind], 112));
	return { iv: expanded.subarray(0, 16), cipherKey: expanded.subarray(16, 48), macKey: expanded.subarray(48, 80) };
}
