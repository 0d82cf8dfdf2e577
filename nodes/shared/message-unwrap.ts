// Baileys wraps a message's content in containers (disappearing, view-once, captioned
// documents, edits, the photos and videos of an album): the real content is the `message`
// inside.
import type { IDataObject } from 'n8n-workflow';

import { asObject } from './values';

// Containers whose `message` holds the real content (WhatsApp's FutureProofMessage).
const WRAPPERS = [
	'ephemeralMessage',
	'viewOnceMessage',
	'viewOnceMessageV2',
	'viewOnceMessageV2Extension',
	'documentWithCaptionMessage',
	'editedMessage',
	'deviceSentMessage',
	// Each photo or video sent together as an album.
	'associatedChildMessage',
	'lottieStickerMessage',
	'groupMentionedMessage',
	'botInvokeMessage',
	'groupStatusMessage',
	'groupStatusMessageV2',
];
const MAX_WRAPPING = 5;

/** The innermost content of a message, whatever wrappers it comes in. */
export function unwrap(message: IDataObject | undefined): IDataObject | undefined {
	let current = message;
	for (let depth = 0; depth < MAX_WRAPPING && current !== undefined; depth++) {
		const wrapped: IDataObject = current;
		const inner = WRAPPERS.map((wrapper) => asObject(asObject(wrapped[wrapper])?.message)).find(
			(candidate) => candidate !== undefined,
		);
		if (inner === undefined) return current;
		current = inner;
	}
	return current;
}
