// Send Media's Binary File source. The gateway takes only a URL, so the node hands it n8n's
// own signed, expiring link to the stored file (n8n answers it without login). The file is
// never read here: n8n streams it from its binary data storage when the gateway fetches it.
import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_LINK_EXPIRY_MINUTES, inputBinaryField, readOptions } from '../fields/common-fields';
import { InputError, requireText } from '../../shared/input-error';
import { isPrivateHost } from '../../shared/reachability';

/** n8n's setting that decides the address in its file links. */
export const N8N_ADDRESS_SETTING = "n8n's WEBHOOK_URL environment variable";
const SET_ADDRESS = `Set ${N8N_ADDRESS_SETTING} to n8n's public address (for example https://n8n.example.com/) and restart n8n.`;

export interface SignedFile {
	/** The signed link the gateway downloads (its token opens this one file until it expires). */
	url: string;
	/** Where the link points, without its token: what messages may show. */
	address: string;
	/** The link's token, kept out of every error. */
	token: string;
	fileName: string;
	/** Set when the address is local or private: a gateway on the internet cannot fetch it. */
	warning?: string;
}

/** The item's file in the Input Binary Field, checked, as a signed n8n link. */
export async function signedFileLink(context: IExecuteFunctions, itemIndex: number): Promise<SignedFile> {
	const field = inputBinaryField.displayName;
	const name = requireText(field, context.getNodeParameter('binaryPropertyName', itemIndex));
	const item = context.getInputData()[itemIndex];
	const file = fileIn(field, name, item?.binary, item?.json);
	if ((await sizeOf(context, file)) === 0) {
		throw new InputError(field, `the file in "${name}"${file.fileName ? ` (${file.fileName})` : ''} is empty`, 'WhatsApp cannot send an empty file. Check the node that made it.');
	}
	const stored = await storedFile(context, field, file);
	if (typeof context.helpers.createBinarySignedUrl !== 'function') {
		throw new InputError(field, 'this n8n cannot make links to its files', 'Update n8n (1.85 or newer), or use File Source URL.');
	}
	const { linkExpiryMinutes } = readOptions<{ linkExpiryMinutes?: number }>(context, itemIndex);
	const minutes = Math.max(1, Math.round(Number(linkExpiryMinutes ?? DEFAULT_LINK_EXPIRY_MINUTES) || DEFAULT_LINK_EXPIRY_MINUTES));
	const url = context.helpers.createBinarySignedUrl(stored, `${minutes} minutes`);
	const link = new URL(url);
	const address = `${link.origin}${link.pathname}`;
	return {
		url,
		address,
		token: link.searchParams.get('token') ?? '',
		fileName: stored.fileName ?? '',
		warning: isPrivateHost(link.hostname)
			? `Wonotify was given the file at ${address}, a local or private address: a Wonotify server on the internet cannot download it from there (one on the same network can). ${SET_ADDRESS}`
			: undefined,
	};
}

/** Why the gateway could not fetch n8n's link, in words, with the address and the setting. */
export function unreachableFileAdvice(address: string): string {
	return `Wonotify was given the file at ${address} (n8n's signed link) and could not download it from there. n8n builds that address from its webhook URL: ${SET_ADDRESS} If n8n is public, check that a proxy or firewall lets ${address} through, and that executions are saved (the link works as long as its execution's files are kept).`;
}

function fileIn(field: string, name: string, binary: Record<string, IBinaryData> | undefined, json: IDataObject | undefined): IBinaryData {
	const file = binary?.[name];
	if (file === undefined) {
		const files = Object.keys(binary ?? {});
		if (json !== undefined && Object.hasOwn(json, name)) {
			throw new InputError(field, `"${name}" is a JSON field of the item, not a file`, `Make the file first (e.g. with Convert to File)${files.length ? `, or use one of the item's files: ${files.join(', ')}` : ''}.`);
		}
		throw new InputError(
			field,
			files.length ? `the item has no file "${name}" (its files: ${files.join(', ')})` : `the item has no file "${name}": it has no files at all`,
			'Put the name of the input field that holds the file (see the Binary tab of the previous node), or make the file first (e.g. with Convert to File).',
		);
	}
	if (typeof file !== 'object' || file === null || (typeof file.id !== 'string' && typeof file.data !== 'string')) {
		throw new InputError(field, `"${name}" does not hold a file`, 'Use a binary field made by a node such as Convert to File or HTTP Request.');
	}
	return file;
}

/** The file's size in bytes, from n8n's own records: never by reading the file. */
async function sizeOf(context: IExecuteFunctions, file: IBinaryData): Promise<number> {
	if (typeof file.bytes === 'number') return file.bytes;
	if (file.id) return Number((await context.helpers.getBinaryMetadata(file.id)).fileSize);
	// A file kept in memory (Code node output): its base64 text is already all there is.
	return Buffer.byteLength(file.data, 'base64');
}

/**
 * The file with a storage ID, which signed links need. A file held in memory (made by a Code
 * node, say) is handed to n8n's storage first; with n8n keeping all files in memory (n8n 1.x's
 * default) there is no storage to link to.
 */
async function storedFile(context: IExecuteFunctions, field: string, file: IBinaryData): Promise<IBinaryData> {
	if (file.id) return file;
	const stored = await context.helpers.prepareBinaryData(Buffer.from(file.data, 'base64'), file.fileName, file.mimeType);
	if (stored.id) return stored;
	throw new InputError(
		field,
		'n8n keeps files in memory, so it has no link to give Wonotify',
		'Set the environment variable N8N_DEFAULT_BINARY_DATA_MODE=filesystem (or database, in queue mode) and restart n8n, or use File Source URL.',
	);
}
