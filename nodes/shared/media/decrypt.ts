// Checks and decrypts an encrypted WhatsApp file as it arrives. The download is collected in
// one buffer (sized from Content-Length when the server sends it); the MAC, the download's hash
// and the decryption all advance chunk by chunk while the network is the bottleneck, the
// decrypted bytes overwriting the encrypted ones behind the read position (one copy of the
// file in memory). Nothing decrypted leaves the reader before the MAC and the announced hashes
// have matched: a wrong key or a damaged download is an error, never garbage.
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
	private data: Buffer;
	/** Bytes known to be ciphertext so far: all but the last MAC_BYTES seen, which may be the MAC. */
	private ciphertextEnd = 0;
	/** Decrypted bytes so far, at the start of `data`; always behind ciphertextEnd. */
	private plainEnd = 0;
	private readonly mac: Hmac;
	private readonly downloadHash: Hash = createHash('sha256');
	private readonly plainHash: Hash = createHash('sha256');
	private readonly decipher: Decipher;

	constructor(keys: MediaKeys, expectedBytes?: number) {
		this.data = Buffer.allocUnsafe(expectedBytes !== undefined && expectedBytes > 0 ? expectedBytes : 1 << 16);
		this.mac = createHmac('sha256', keys.macKey).update(keys.iv);
		this.decipher = createDecipheriv('aes-256-cbc', keys.cipherKey, keys.iv);
	}

	push(chunk: Buffer): void {
		if (this.bytes + chunk.length > this.data.length) {
			const grown = Buffer.allocUnsafe(Math.max(this.data.length * 2, this.bytes + chunk.length));
			this.data.copy(grown, 0, 0, this.bytes);
			this.data = grown;
		}
		chunk.copy(this.data, this.bytes);
		this.bytes += chunk.length;
		this.downloadHash.update(chunk);
		const end = this.bytes - MAC_BYTES;
		if (end <= this.ciphertextEnd) return;
		const ciphertext = this.data.subarray(this.ciphertextEnd, end);
		this.mac.update(ciphertext);
		this.ciphertextEnd = end;
		this.writePlain(this.decipher.update(ciphertext));
	}

	/** The plain file once the MAC and the hashes match; otherwise the reason, in words. */
	finish(expected: ExpectedHashes): { file: Buffer } | { problem: string } {
		if (this.bytes <= MAC_BYTES) return { problem: 'the file is shorter than its own MAC' };
		const mac = this.mac.digest().subarray(0, MAC_BYTES);
		if (!timingSafeEqual(mac, this.data.subarray(this.ciphertextEnd, this.bytes))) {
			return { problem: 'its MAC does not match: the media key is wrong or the download is damaged' };
		}
		if (expected.fileEncSha256 !== undefined && !sameBytes(this.downloadHash.digest(), expected.fileEncSha256)) {
			return { problem: 'the download does not match the fileEncSha256 the message announced' };
		}
		if (this.ciphertextEnd % 16 !== 0) return { problem: 'it does not decrypt to a whole file (not whole AES blocks)' };
		let last: Buffer;
		try {
			last = this.decipher.final();
		} catch {
			// The MAC matched, so only a sender that encrypted wrongly gets here.
			return { problem: 'it does not decrypt to a whole file (bad padding)' };
		}
		this.writePlain(last);
		if (expected.fileSha256 !== undefined && !sameBytes(this.plainHash.digest(), expected.fileSha256)) {
			return { problem: 'the decrypted file does not match the fileSha256 the message announced' };
		}
		return { file: this.data.subarray(0, this.plainEnd) };
	}

	/** AES-CBC output never gets ahead of its input, so it can overwrite what was already read. */
	private writePlain(plain: Buffer): void {
		plain.copy(this.data, this.plainEnd);
		this.plainEnd += plain.length;
		this.plainHash.update(plain);
	}
}

function sameBytes(a: Buffer, b: Buffer): boolean {
	return a.length === b.length && timingSafeEqual(a, b);
}
