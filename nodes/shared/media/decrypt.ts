// Checks and decrypts an encrypted WhatsApp file as it arrives. Each network chunk is hashed,
// MACed and decrypted while it is still in the CPU's cache; only the decrypted bytes are kept,
// in one buffer (sized from Content-Length when the server sends it). The last MAC_BYTES seen
// are held back, since they may be the MAC. Nothing decrypted leaves the reader before the MAC
// and the announced hashes have matched: a wrong key or a damaged download is an error, never
// garbage.
import { createDecipheriv, createHash, createHmac, timingSafeEqual, type Decipher, type Hash, type Hmac } from 'node:crypto';

import { MAC_BYTES, type MediaKeys } from './keys';

export interface ExpectedHashes {
	/** SHA-256 of the encrypted file as downloaded. */
	fileEncSha256?: Buffer;
	/** SHA-256 of the plain file. */
	fileSha256?: Buffer;
}

export class EncryptedMediaReader {
	/** Encrypted bytes received so far, MAC included. */
	bytes = 0;
	private plain: Buffer;
	private plainEnd = 0;
	/** The last bytes seen (at most MAC_BYTES): the MAC once the download ends. */
	private tail = Buffer.alloc(0);
	private readonly mac: Hmac;
	private readonly downloadHash: Hash = createHash('sha256');
	private readonly plainHash: Hash = createHash('sha256');
	private readonly decipher: Decipher;

	constructor(keys: MediaKeys, expectedBytes?: number) {
		this.plain = Buffer.allocUnsafe(expectedBytes !== undefined && expectedBytes > MAC_BYTES ? expectedBytes - MAC_BYTES : 1 << 16);
		this.mac = createHmac('sha256', keys.macKey).update(keys.iv);
		this.decipher = createDecipheriv('aes-256-cbc', keys.cipherKey, keys.iv);
	}

	push(chunk: Buffer): void {
		this.bytes += chunk.length;
		this.downloadHash.update(chunk);
		if (chunk.length >= MAC_BYTES) {
			if (this.tail.length > 0) this.decrypt(this.tail);
			this.decrypt(chunk.subarray(0, chunk.length - MAC_BYTES));
			this.tail = Buffer.from(chunk.subarray(chunk.length - MAC_BYTES));
			return;
		}
		const seen = Buffer.concat([this.tail, chunk]);
		if (seen.length > MAC_BYTES) this.decrypt(seen.subarray(0, seen.length - MAC_BYTES));
		this.tail = seen.subarray(Math.max(0, seen.length - MAC_BYTES));
	}

	/** The plain file once the MAC and the hashes match; otherwise the reason, in words. */
	finish(expected: ExpectedHashes): { file: Buffer } | { problem: string } {
		if (this.bytes <= MAC_BYTES) return { problem: 'the file is shorter than its own MAC' };
		const mac = this.mac.digest().subarray(0, MAC_BYTES);
		if (!timingSafeEqual(mac, this.tail)) {
			return { problem: 'its MAC does not match: the media key is wrong or the download is damaged' };
		}
		if (expected.fileEncSha256 !== undefined && !sameBytes(this.downloadHash.digest(), expected.fileEncSha256)) {
			return { problem: 'the download does not match the fileEncSha256 the message announced' };
		}
		if ((this.bytes - MAC_BYTES) % 16 !== 0) return { problem: 'it does not decrypt to a whole file (not whole AES blocks)' };
		let last: Buffer;
		try {
			last = this.decipher.final();
		} catch {
			// The MAC matched, so only a sender that encrypted wrongly gets here.
			return { problem: 'it does not decrypt to a whole file (bad padding)' };
		}
		this.keep(last);
		if (expected.fileSha256 !== undefined && !sameBytes(this.plainHash.digest(), expected.fileSha256)) {
			return { problem: 'the decrypted file does not match the fileSha256 the message announced' };
		}
		return { file: this.plain.subarray(0, this.plainEnd) };
	}

	private decrypt(ciphertext: Buffer): void {
		this.mac.update(ciphertext);
		this.keep(this.decipher.update(ciphertext));
	}

	private keep(plain: Buffer): void {
		if (this.plainEnd + plain.length > this.plain.length) {
			const grown = Buffer.allocUnsafe(Math.max(this.plain.length * 2, this.plainEnd + plain.length));
			this.plain.copy(grown, 0, 0, this.plainEnd);
			this.plain = grown;
		}
		plain.copy(this.plain, this.plainEnd);
		this.plainEnd += plain.length;
		this.plainHash.update(plain);
	}
}

function sameBytes(a: Buffer, b: Buffer): boolean {
	return a.length === b.length && timingSafeEqual(a, b);
}
