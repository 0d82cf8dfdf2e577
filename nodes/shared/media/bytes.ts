// Byte fields of a WhatsApp media message (mediaKey, fileSha256, fileEncSha256) arrive in
// whatever JSON shape the gateway serialised the library's objects to: a base64 string, a
// Node Buffer as JSON ({ type: 'Buffer', data: [...] }) or a typed array turned into an
// object with index keys ({ "0": 171, "1": 123, … }); a plain list of byte values is what
// `Array.from(buffer)` in a Code node gives.
import { asObject } from '../values';

/** The bytes, or undefined when the value is none of these shapes (or holds no bytes). */
export function readBytes(value: unknown): Buffer | undefined {
	if (typeof value === 'string') return fromBase64(value);
	if (Array.isArray(value)) return fromByteList(value);
	const object = asObject(value);
	if (object === undefined) return undefined;
	if (object.type === 'Buffer' && Array.isArray(object.data)) return fromByteList(object.data);
	const keys = Object.keys(object);
	if (keys.length === 0 || !keys.every((key, index) => key === String(index))) return undefined;
	return fromByteList(keys.map((key) => object[key]));
}

function fromBase64(text: string): Buffer | undefined {
	const trimmed = text.trim();
	// Buffer.from ignores what is not base64; a strict check keeps "garbage" from becoming a key.
	if (trimmed === '' || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return undefined;
	return Buffer.from(trimmed, 'base64');
}

function fromByteList(values: unknown[]): Buffer | undefined {
	if (values.length === 0 || !values.every((v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 255)) {
		return undefined;
	}
	return Buffer.from(values as number[]);
}
