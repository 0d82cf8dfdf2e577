// Checks and decrypts an encrypted WhatsApp file. The download is collected in one buffer
// (sized from Content-Length when the server sends it), the MAC and the download's hash are
// checked before anything is decrypted, and the file is then decrypted in place: the plain
// file takes the memory the encrypted one had, instead of a second copy.
import { createDecipheriv, createHash, createHmac, timingSafeEqual } from 'node:crypto';

import { MAC_BYTES, type MediaKeys } from './keys';

export interface ExpectedHashes {
	/** SHA-256 of the encrypted file as downloaded. */
	fileEncSha256?: Buffer;
	/** SHA-256 of the plain file. */
	fileSha256?: Buffer;
}

/** Bytes decrypted per step: output is copied back into the buffer, behind what is still to read. */
const DECRYPT_SLICE = 1 << 20;

export class EncryptedMediaReader {
	/** Encrypted bytes received so far, MAC included. */
	bytes = 0;
	private data: Buffer;

	constructor(
		private readonly keys: MediaKeys,
		expectedBytes?: number,
	) {
		this.data = Buffer.allocUnsafe(expectedBytes !== undefined && expectedBytes > 0 ? expectedBytes : 1 << 16);
	}

	push(chunk: Buffer): void {
		if (this.bytes + chunk.length > this.data.length) {
			const grown = Buffer.allocUnsafe(Math.max(this.data.length * 2, this.bytes + chunk.length));
			this.data.copy(grown, 0, 0, this.bytes);
			this.data = grown;
		}
		chunk.copy(this.data, this.bytes);
		this.bytes += chunk.length;
	}

	/**
	 * The plain file once the MAC and the hashes match; otherwise the reason it does not, in
	 * words (nothing has been decrypted when the MAC or the download hash is wrong).
	 */
	finish(expected: ExpectedHashes): { file: Buffer } | { problem: string } {
		const downloaded = this.data.subarray(0, this.bytes);
		if (downloaded.length <= MAC_BYTES) return { problem: 'the file is shorter than its own MAC' };
		const ciphertext = downloaded.subarray(0, downloaded.length - MAC_BYTES);
		const mac = createHmac('sha256', this.keys.macKey).update(this.keys.iv).update(ciphertext).digest();
		if (!timingSafeEqual(mac.subarray(0, MAC_BYTES), downloaded.subarray(ciphertext.length))) {
			return { problem: 'its MAC does not match: the media key is wrong or the download is damaged' };
		}
		if (expected.fileEncSha256 !== undefined && !sameBytes(sha256(downloaded), expected.fileEncSha256)) {
			return { problem: 'the download does not match the fileEncSha256 the message announced' };
		}
		if (ciphertext.length % 16 !== 0) return { problem: 'it does not decrypt to a whole file (not whole AES blocks)' };
		const file = this.decryptInPlace(ciphertext);
		if (file === undefined) return { problem: 'it does not decrypt to a whole file (bad padding)' };
		if (expected.fileSha256 !== undefined && !sameBytes(sha256(file), expected.fileSha256)) {
			return { problem: 'the decrypted file does not match the fileSha256 the message announced' };
		}
		return { file };
	}

	private decryptInPlace(ciphertext: Buffer): Buffer | undefined {
		const decipher = createDecipheriv('aes-256-cbc', this.keys.cipherKey, this.keys.iv);
		let written = 0;
		for (let offset = 0; offset < ciphertext.length; offset += DECRYPT_SLICE) {
			// The output never gets ahead of the input read so far, so nothing unread is overwritten.
			written += decipher.update(ciphertext.subarray(offset, offset + DECRYPT_SLICE)).copy(ciphertext, written);
		}
		let last: Buffer;
		try {
			last = decipher.final();
		} catch {
			// The MAC matched, so only a sender that encrypted wrongly gets here.
			return undefined;
		}
		written += last.copy(ciphertext, written);
		return ciphertext.subarray(0, written);
	}
}

function sha256(bytes: Buffer): Buffer {
	return createHash('sha256').update(bytes).digest();
}

function sameBytes(a: Buffer, b: Buffer): boolean {
	return a.length === b.length && timingSafeEqual(a, b);
}
