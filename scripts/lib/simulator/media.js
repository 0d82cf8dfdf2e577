'use strict';
// Encrypted media as WhatsApp serves it. Each file gets its own random mediaKey and is
// encrypted the way WhatsApp does it (HKDF-SHA256 → AES-256-CBC → a 10-byte HMAC-SHA256 at
// the end), then served by the simulator under /v/t62.7118-24/<id>.enc like WhatsApp's CDN;
// the message part (imageMessage, audioMessage with ptt, documentMessage…) points at it.
// Written apart from the nodes' decryption on purpose: each checks the other.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const SAMPLES = path.join(__dirname, 'samples');

/** What each kind of incoming media looks like, and the sample file `npm run simulator` sends. */
const KINDS = {
	image: { part: 'imageMessage', info: 'WhatsApp Image Keys', mimetype: 'image/jpeg', sample: 'photo.jpg' },
	voice: { part: 'audioMessage', info: 'WhatsApp Audio Keys', mimetype: 'audio/ogg; codecs=opus', sample: 'voice-note.ogg', ptt: true },
	audio: { part: 'audioMessage', info: 'WhatsApp Audio Keys', mimetype: 'audio/ogg; codecs=opus', sample: 'voice-note.ogg', ptt: false },
	document: { part: 'documentMessage', info: 'WhatsApp Document Keys', mimetype: 'application/pdf', sample: 'invoice.pdf', fileName: 'invoice.pdf' },
	video: { part: 'videoMessage', info: 'WhatsApp Video Keys', mimetype: 'video/mp4' },
	sticker: { part: 'stickerMessage', info: 'WhatsApp Image Keys', mimetype: 'image/webp' },
};
const KEY_SHAPES = ['base64', 'buffer', 'indexed'];
const MEDIA_PATH = '/v/t62.7118-24/';

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest();

/** WhatsApp's media encryption of `plain` with `mediaKey` (random when not given). */
function encryptMedia(plain, info, mediaKey = crypto.randomBytes(32)) {
	const expanded = Buffer.from(crypto.hkdfSync('sha256', mediaKey, Buffer.alloc(32), info, 112));
	const iv = expanded.subarray(0, 16);
	const cipher = crypto.createCipheriv('aes-256-cbc', expanded.subarray(16, 48), iv);
	const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
	const mac = crypto.createHmac('sha256', expanded.subarray(48, 80)).update(iv).update(ciphertext).digest().subarray(0, 10);
	const encrypted = Buffer.concat([ciphertext, mac]);
	return { encrypted, mediaKey, fileSha256: sha256(plain), fileEncSha256: sha256(encrypted) };
}

/** Bytes in one of the JSON shapes gateways serialise them to. */
function inShape(bytes, shape) {
	if (shape === 'base64') return bytes.toString('base64');
	if (shape === 'buffer') return { type: 'Buffer', data: [...bytes] };
	if (shape === 'indexed') return Object.fromEntries([...bytes].map((byte, index) => [String(index), byte]));
	throw new TypeError(`keyShape must be one of ${KEY_SHAPES.join(', ')}`);
}

/** The encrypted files the simulator serves, and the plain copies (for comparisons and benchmarks). */
function createMediaStore({ newId }) {
	const files = new Map();
	/** GET requests for files (any answer), so tests can tell that nothing was fetched. */
	let downloads = 0;

	/**
	 * Encrypts and stores a file; returns the message part that points at it.
	 * @param {string} origin the simulator's http://127.0.0.1:port
	 * @param {{ kind?: string, file?: Buffer, fileName?: string, mimetype?: string, caption?: string, keyShape?: string, withHashes?: boolean }} spec
	 */
	function add(origin, { kind = 'image', file, fileName, mimetype, caption, keyShape = 'base64', withHashes = true } = {}) {
		const about = KINDS[kind];
		if (!about) throw new TypeError(`media must be one of ${Object.keys(KINDS).join(', ')}`);
		const plain = file ?? (about.sample ? fs.readFileSync(path.join(SAMPLES, about.sample)) : undefined);
		if (!plain) throw new TypeError(`media ${kind} needs a file`);
		const { encrypted, mediaKey, fileSha256, fileEncSha256 } = encryptMedia(plain, about.info);
		const id = newId();
		const directPath = `${MEDIA_PATH}${id}.enc?ccb=11-4&oh=01_simulator&oe=${Math.floor(Date.now() / 1000) + 86400}`;
		files.set(id, { id, plain, encrypted, expired: false, damaged: false });
		const part = {
			url: `${origin}${directPath}`,
			directPath,
			mimetype: mimetype ?? about.mimetype,
			fileLength: String(plain.length),
			mediaKey: inShape(mediaKey, keyShape),
			...(withHashes ? { fileSha256: inShape(fileSha256, keyShape), fileEncSha256: inShape(fileEncSha256, keyShape) } : {}),
			mediaKeyTimestamp: String(Math.floor(Date.now() / 1000)),
		};
		if (about.ptt !== undefined) Object.assign(part, { ptt: about.ptt, seconds: 3 });
		if (kind === 'document') part.fileName = fileName ?? about.fileName;
		if (caption !== undefined && kind !== 'voice' && kind !== 'audio') part.caption = caption;
		return { id, plain, message: { [about.part]: part } };
	}

	/** GET /v/t62.7118-24/<id>.enc (the encrypted file) and /v/t62.7118-24/<id>.plain (the same, unencrypted). */
	function handle(req, res, url) {
		downloads += 1;
		const match = /^\/v\/t62\.7118-24\/([A-Za-z0-9]+)\.(enc|plain)$/.exec(url.pathname);
		const stored = match && files.get(match[1]);
		if (req.method !== 'GET' || !stored) return send(res, 404, Buffer.from('Not Found'));
		if (stored.expired) return send(res, 410, Buffer.from('Gone'));
		if (match[2] === 'plain') return send(res, 200, stored.plain);
		if (!stored.damaged) return send(res, 200, stored.encrypted);
		const damaged = Buffer.from(stored.encrypted);
		damaged[Math.floor(damaged.length / 2)] ^= 0xff;
		return send(res, 200, damaged);
	}

	function mark(id, flag) {
		const stored = files.get(id);
		if (!stored) throw Object.assign(new Error(`No media ${id}`), { statusCode: 404 });
		stored[flag] = true;
	}

	return {
		add,
		handle,
		isMediaPath: (pathname) => pathname.startsWith(MEDIA_PATH),
		/** The stored files, oldest first: {id, plain, encrypted, expired, damaged}. */
		list: () => [...files.values()],
		/** WhatsApp's link has expired: the file answers 410. */
		expire: (id) => mark(id, 'expired'),
		/** The CDN serves the file with one byte changed. */
		damage: (id) => mark(id, 'damaged'),
		get downloads() {
			return downloads;
		},
		clear: () => {
			files.clear();
			downloads = 0;
		},
	};
}

function send(res, status, body) {
	res.writeHead(status, { 'Content-Type': status === 200 ? 'application/octet-stream' : 'text/plain', 'Content-Length': body.length });
	res.end(body);
}

module.exports = { createMediaStore, encryptMedia, inShape, KINDS, KEY_SHAPES };
