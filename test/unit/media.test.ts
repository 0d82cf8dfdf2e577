// Incoming media: reading what a message says about its file (every shape of the byte fields),
// WhatsApp's decryption checked against the openssl CLI (known answer) and against the
// simulator's encryption, and the checks made before any request.
// Test code, never shipped: it reads the sample files.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { readBytes } from '../../nodes/shared/media/bytes';
import { EncryptedMediaReader } from '../../nodes/shared/media/decrypt';
import { checkBeforeDownload, type MediaDownloadOptions } from '../../nodes/shared/media/download';
import { mediaFileName } from '../../nodes/shared/media/file-name';
import { readMediaDownloadOptions } from '../../nodes/shared/media/download-settings';
import { MAC_BYTES, expandMediaKey, type MediaKind } from '../../nodes/shared/media/keys';
import { MediaError } from '../../nodes/shared/media/media-error';
import { readMediaReference, type MediaReference } from '../../nodes/shared/media/reference';
import { eventsToItems } from '../../nodes/WonotifyTrigger/events';
import knownAnswer from '../fixtures/media/known-answer.json';

// The simulator's own encryption, written apart from the nodes' decryption.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { encryptMedia, inShape, KINDS, KEY_SHAPES } = require('../../scripts/lib/simulator/media') as {
	encryptMedia(plain: Buffer, info: string, key?: Buffer): { encrypted: Buffer; mediaKey: Buffer; fileSha256: Buffer; fileEncSha256: Buffer };
	inShape(bytes: Buffer, shape: string): unknown;
	KINDS: Record<string, { part: string; info: string; mimetype: string; ptt?: boolean }>;
	KEY_SHAPES: string[];
};

const root = join(__dirname, '..', '..');
const voiceNote = readFileSync(join(root, knownAnswer.plainFile));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest();

/** Feeds the download in uneven chunks, as a network would. */
function decrypt(encrypted: Buffer, mediaKey: Buffer, kind: MediaKind, expected = {}, chunk = 997) {
	const reader = new EncryptedMediaReader(expandMediaKey(mediaKey, kind));
	for (let offset = 0; offset < encrypted.length; offset += chunk) reader.push(encrypted.subarray(offset, offset + chunk));
	return reader.finish(expected);
}

/** What the trigger turns an incoming media message into (simplified or raw). */
function triggerItem(part: Record<string, unknown>, partKey: string, simplify = true) {
	const body = {
		instance_id: 'I1',
		data: {
			event: 'messages.upsert',
			data: {
				type: 'notify',
				messages: [{ key: { remoteJid: '919812345678@s.whatsapp.net', fromMe: false, id: '3AMEDIA01' }, message: { [partKey]: part } }],
			},
		},
	};
	return eventsToItems(body, { simplify }).items[0];
}

function reasonOf(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		if (error instanceof MediaError) return `${error.message} | ${error.hint}`;
		throw error;
	}
	throw new Error('expected a MediaError');
}

describe('known answer: a file encrypted with the openssl CLI', () => {
	const encrypted = Buffer.from(knownAnswer.encrypted, 'base64');
	const mediaKey = Buffer.from(knownAnswer.mediaKey, 'base64');

	test('decrypts to the original voice note, hashes checked', () => {
		const result = decrypt(encrypted, mediaKey, 'audio', {
			fileSha256: Buffer.from(knownAnswer.fileSha256, 'base64'),
			fileEncSha256: Buffer.from(knownAnswer.fileEncSha256, 'base64'),
		});
		expect('file' in result && result.file.equals(voiceNote)).toBe(true);
	});

	test('with the keys of another media kind the MAC does not match, and nothing is decrypted', () => {
		expect(decrypt(encrypted, mediaKey, 'image')).toEqual({ problem: expect.stringMatching(/MAC does not match/) });
	});

	test('one changed byte fails the MAC', () => {
		const damaged = Buffer.from(encrypted);
		damaged[100] ^= 1;
		expect(decrypt(damaged, mediaKey, 'audio')).toEqual({ problem: expect.stringMatching(/MAC does not match/) });
	});

	test('a cut-off download fails the MAC', () => {
		expect(decrypt(encrypted.subarray(0, encrypted.length - 16), mediaKey, 'audio')).toEqual({ problem: expect.stringMatching(/MAC/) });
	});

	test('a wrong announced hash is refused, of the download and of the plain file', () => {
		const other = Buffer.alloc(32, 7);
		expect(decrypt(encrypted, mediaKey, 'audio', { fileEncSha256: other })).toEqual({ problem: expect.stringMatching(/fileEncSha256/) });
		expect(decrypt(encrypted, mediaKey, 'audio', { fileSha256: other })).toEqual({ problem: expect.stringMatching(/fileSha256/) });
	});

	test('the decryption holds the file once: the plain file is the buffer sized from Content-Length', () => {
		const reader = new EncryptedMediaReader(expandMediaKey(mediaKey, 'audio'), encrypted.length);
		reader.push(encrypted);
		const result = reader.finish({});
		if (!('file' in result)) throw new Error(result.problem);
		// The reader's one buffer (never grown, never copied), and the right bytes.
		const kept = (reader as unknown as { plain: Buffer }).plain;
		expect(result.file.buffer).toBe(kept.buffer);
		expect(kept.length).toBe(encrypted.length - MAC_BYTES);
		expect(result.file.equals(voiceNote)).toBe(true);
	});

	test.each([1, 3, 9, 10, 11, 16, 17, 4096])('chunks of %i bytes: the MAC held back across chunks, the same file', (size) => {
		const hashes = { fileEncSha256: sha256(encrypted), fileSha256: sha256(voiceNote) };
		const result = decrypt(encrypted, mediaKey, 'audio', hashes, size);
		if (!('file' in result)) throw new Error(result.problem);
		expect(result.file.equals(voiceNote)).toBe(true);
	});
});

describe("the simulator's encryption, every kind and byte shape", () => {
	const kindOf: Record<string, MediaKind> = {
		image: 'image',
		sticker: 'image',
		video: 'video',
		voice: 'audio',
		audio: 'audio',
		document: 'document',
	};
	const plain = Buffer.from('%PDF-1.4 a small file whose length is not a multiple of sixteen');

	test.each(Object.keys(KINDS).flatMap((kind) => KEY_SHAPES.map((shape) => [kind, shape])))('%s with %s byte fields', (kind, shape) => {
		const about = KINDS[kind];
		const { encrypted, mediaKey, fileSha256, fileEncSha256 } = encryptMedia(plain, about.info);
		const part = {
			url: 'https://mmg.whatsapp.net/v/t62.7118-24/1.enc',
			mimetype: about.mimetype,
			fileLength: String(plain.length),
			mediaKey: inShape(mediaKey, shape),
			fileSha256: inShape(fileSha256, shape),
			fileEncSha256: inShape(fileEncSha256, shape),
			...(about.ptt === undefined ? {} : { ptt: about.ptt }),
		};
		// Through the trigger's simplified item (what Download Media gets later) and its raw item.
		for (const simplify of [true, false]) {
			const reference = readMediaReference(triggerItem(part, about.part, simplify));
			expect(reference).toMatchObject({ type: kind, kind: kindOf[kind], size: plain.length, messageId: '3AMEDIA01' });
			const result = decrypt(encrypted, reference.mediaKey, reference.kind, reference);
			expect('file' in result && result.file.equals(plain)).toBe(true);
		}
	});
});

describe('byte fields', () => {
	const bytes = Buffer.from([171, 123, 0, 255]);

	test('base64, a Buffer as JSON, an index-keyed object and a list of byte values are the same bytes', () => {
		for (const shape of ['q3sA/w==', { type: 'Buffer', data: [171, 123, 0, 255] }, { 0: 171, 1: 123, 2: 0, 3: 255 }, [171, 123, 0, 255]]) {
			expect(readBytes(shape)).toEqual(bytes);
		}
	});

	test.each([
		['text that is not base64', 'b64…'],
		['an empty string', ''],
		['a Buffer with a value over 255', { type: 'Buffer', data: [1, 256] }],
		['index keys with a gap', { 0: 1, 2: 2 }],
		['a number', 42],
		['a list with a value over 255', [1, 256]],
		['a list of text', ['1', '2']],
		['an empty list', []],
	])('%s is refused', (_, value) => {
		expect(readBytes(value)).toBeUndefined();
	});
});

describe('what a message says about its file', () => {
	const key = Buffer.alloc(32, 9).toString('base64');
	const image = { url: 'https://mmg.whatsapp.net/v/1.enc', directPath: '/v/1.enc', mimetype: 'image/jpeg', mediaKey: key, fileLength: '1200' };

	test('a simplified item, a raw item, a gateway message and the media part itself all work', () => {
		const sources = [
			triggerItem(image, 'imageMessage'),
			triggerItem(image, 'imageMessage', false),
			{ imageMessage: image },
			{ ephemeralMessage: { message: { imageMessage: image } } },
			image,
		];
		for (const source of sources) {
			expect(readMediaReference(source)).toMatchObject({ type: 'image', kind: 'image', url: image.url, mimeType: 'image/jpeg', size: 1200 });
		}
	});

	test('a voice note is a voice note (ptt), with audio keys', () => {
		expect(readMediaReference(triggerItem({ ...image, mimetype: 'audio/ogg; codecs=opus', ptt: true }, 'audioMessage'))).toMatchObject({
			type: 'voice',
			kind: 'audio',
		});
	});

	test('without a url, WhatsApp’s CDN with the directPath', () => {
		expect(readMediaReference({ ...image, url: undefined }).url).toBe('https://mmg.whatsapp.net/v/1.enc');
	});

	test('a url on another of WhatsApp’s hosts gives way to the directPath; one on a host the user may allow is kept', () => {
		expect(readMediaReference({ ...image, url: 'https://web.whatsapp.net' }).url).toBe('https://mmg.whatsapp.net/v/1.enc');
		expect(readMediaReference({ ...image, url: 'https://media-fra5-1.cdn.whatsapp.net/v/1.enc?x' }).url).toBe('https://mmg.whatsapp.net/v/1.enc');
		expect(readMediaReference({ ...image, url: 'https://mmg.whatsapp.net/v/1.enc?oh=1' }).url).toBe('https://mmg.whatsapp.net/v/1.enc?oh=1');
		expect(readMediaReference({ ...image, url: 'http://127.0.0.1:5680/v/1.enc' }).url).toBe('http://127.0.0.1:5680/v/1.enc');
		expect(readMediaReference({ ...image, url: 'https://web.whatsapp.net', directPath: undefined }).url).toBe('https://web.whatsapp.net');
	});

	test('the media part alone: a file name makes it a document (a photo sent as a file is encrypted as one)', () => {
		expect(readMediaReference({ ...image, fileName: 'IMG_2041.jpg' })).toMatchObject({ type: 'document', kind: 'document', fileName: 'IMG_2041.jpg' });
		expect(readMediaReference({ ...image, mimetype: 'audio/mpeg' })).toMatchObject({ type: 'audio', kind: 'audio' });
	});

	test.each([
		['a text message', { type: 'text', text: 'Hi', media: null }, /no file to download: it is a message of type "text"/],
		['a location', { locationMessage: { degreesLatitude: 1 } }, /no file to download/],
		['no media key', { imageMessage: { ...image, mediaKey: undefined } }, /has no media key/],
		['a media key of another length', { imageMessage: { ...image, mediaKey: 'q3sA/w==' } }, /not 32 bytes/],
		['a media key that is not bytes', triggerItem({ ...image, mediaKey: 'b64…' }, 'imageMessage'), /not 32 bytes/],
		['no url nor directPath', { imageMessage: { ...image, url: undefined, directPath: undefined } }, /does not say where its file is/],
		['a hash that is not a SHA-256', { imageMessage: { ...image, fileSha256: 'q3sA/w==' } }, /fileSha256 is not a SHA-256/],
	])('%s says so', (_, source, reason) => {
		expect(reasonOf(() => readMediaReference(source))).toMatch(reason);
	});
});

describe('before any request', () => {
	const reference = (url: string, size?: number): MediaReference => ({
		type: 'image',
		kind: 'image',
		url,
		mediaKey: Buffer.alloc(32),
		mimeType: 'image/jpeg',
		size,
	});
	const options = (allowedHosts: string[] = [], maxBytes = 1_000_000): MediaDownloadOptions => ({ allowedHosts, maxBytes, timeoutSeconds: 5 });

	test("WhatsApp's CDN over https is allowed, anything else only when the user allows it", () => {
		expect(() => checkBeforeDownload(reference('https://mmg.whatsapp.net/v/1.enc'), options())).not.toThrow();
		expect(() => checkBeforeDownload(reference('https://media-fra5-1.cdn.whatsapp.net/v/1.enc'), options())).not.toThrow();
		for (const url of ['http://mmg.whatsapp.net/v/1.enc', 'https://whatsapp.net.evil.example/1.enc', 'http://127.0.0.1:5680/v/1.enc', 'http://169.254.169.254/latest']) {
			expect(reasonOf(() => checkBeforeDownload(reference(url), options()))).toMatch(/is not WhatsApp's .* nothing was fetched .*Allowed Media Hosts/);
		}
		expect(() => checkBeforeDownload(reference('http://127.0.0.1:5680/v/1.enc'), options(['127.0.0.1:5680']))).not.toThrow();
		expect(() => checkBeforeDownload(reference('http://127.0.0.1:5681/v/1.enc'), options(['127.0.0.1:5680']))).toThrow(MediaError);
		expect(() => checkBeforeDownload(reference('https://a.media.example.com/1'), options(['*.example.com']))).not.toThrow();
		expect(() => checkBeforeDownload(reference('https://a.example.com:8443/1'), options(['*.example.com:8443']))).not.toThrow();
		expect(() => checkBeforeDownload(reference('https://a.example.com/1'), options(['*.example.com:8443']))).toThrow(MediaError);
		expect(() => checkBeforeDownload(reference('file:///etc/passwd'), options(['localhost']))).toThrow(MediaError);
	});

	test('an announced size over the limit is refused', () => {
		expect(reasonOf(() => checkBeforeDownload(reference('https://mmg.whatsapp.net/1', 2_500_000), options([], 1_000_000)))).toMatch(
			/announces 2\.5 MB, over the Max Media Size of 1\.0 MB/,
		);
	});

	test('settings are read from the options and checked', () => {
		expect(readMediaDownloadOptions({ maxMediaSizeMb: 5, allowedMediaHosts: '127.0.0.1:5680, *.example.com' })).toEqual({
			maxBytes: 5_000_000,
			allowedHosts: ['127.0.0.1:5680', '*.example.com'],
			timeoutSeconds: 120,
		});
		expect(() => readMediaDownloadOptions({ maxMediaSizeMb: 0 })).toThrow(/Max Media Size \(MB\): must be a number above 0/);
		expect(() => readMediaDownloadOptions({ allowedMediaHosts: 'https://media.example.com/x' })).toThrow(/Allowed Media Hosts: "https:\/\/media.example.com\/x" is not a host name/);
	});
});

describe('file names', () => {
	const of = (fields: Partial<MediaReference>) =>
		mediaFileName({ type: 'image', kind: 'image', url: '', mediaKey: Buffer.alloc(0), mimeType: 'image/jpeg', messageId: '3A1B', ...fields });

	test('documents keep theirs; the others are named from type, message ID and mimetype', () => {
		expect(of({ type: 'document', fileName: 'Quote 2025.pdf', mimeType: 'application/pdf' })).toBe('Quote 2025.pdf');
		expect(of({})).toBe('image-3A1B.jpg');
		expect(of({ type: 'voice', mimeType: 'audio/ogg; codecs=opus' })).toBe('voice-3A1B.ogg');
		expect(of({ type: 'sticker', mimeType: 'image/webp' })).toBe('sticker-3A1B.webp');
		expect(of({ type: 'video', mimeType: 'video/mp4', messageId: undefined })).toBe('video-file.mp4');
		expect(of({ type: 'document', mimeType: 'application/x-something-long' })).toBe('document-3A1B.bin');
		expect(of({ type: 'video', mimeType: 'video/quicktime' })).toBe('video-3A1B.mov');
		expect(of({ type: 'document', mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' })).toBe('document-3A1B.pptx');
	});

	test("the sender's name is made safe to use as a file name, and gets an extension when it has none", () => {
		const doc = (fileName: string, mimeType = 'application/pdf') => of({ type: 'document', fileName, mimeType });
		expect(doc('invoices/2025/march.pdf')).toBe('invoices_2025_march.pdf');
		expect(doc('..\\..\\boot.ini', 'text/plain')).toBe('_.._boot.ini');
		expect(doc('.hidden.pdf')).toBe('hidden.pdf');
		expect(doc('line\nbreak.pdf')).toBe('line_break.pdf');
		expect(doc('Invoice March')).toBe('Invoice March.pdf');
		expect(doc('notes', 'application/x-unknown-type')).toBe('notes');
		expect(doc('/')).toBe('document-3A1B.pdf');
		expect(doc('चालान')).toBe('चालान.pdf');
		expect(doc(' .. ')).toBe('document-3A1B.pdf');
	});

	test('direction overrides and marks are removed, so the name shows as it is', () => {
		const doc = (fileName: string) => of({ type: 'document', fileName, mimeType: 'application/pdf' });
		expect(doc('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
		expect(doc('\u2067report\u2069\u200F.pdf')).toBe('report.pdf');
	});

	test('a long name is cut to 255 bytes, in whole characters, keeping its extension', () => {
		const doc = (fileName: string) => of({ type: 'document', fileName, mimeType: 'application/pdf' });
		const long = doc(`${'a'.repeat(300)}.pdf`);
		expect(long).toBe(`${'a'.repeat(251)}.pdf`);
		const hindi = doc(`${'चालान'.repeat(40)}.docx`);
		expect(Buffer.byteLength(hindi)).toBeLessThanOrEqual(255);
		expect(hindi.endsWith('.docx')).toBe(true);
		expect(hindi.startsWith('चालान')).toBe(true);
		// A name without an extension gets one first, and keeps it.
		expect(doc('b'.repeat(300))).toBe(`${'b'.repeat(251)}.pdf`);
	});
});
