// An incoming message's file (photo, voice note, video, document, sticker) as n8n binary
// data, for workflows that decide after the trigger which files they need. The input item's
// JSON (and any file it has) goes on unchanged, so the chat ID and text are still there to
// reply with.
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { InputError, requireText } from '../../../shared/input-error';
import { asObject, asText, tryParseJson } from '../../../shared/values';
import { checkBeforeDownload, fetchMediaFile } from '../../../shared/media/download';
import {
	allowedMediaHostsOption,
	maxMediaSizeOption,
	mediaBinaryPropertyField,
	mediaTimeoutOption,
	readMediaDownloadOptions,
} from '../../../shared/media/download-settings';
import { MediaError } from '../../../shared/media/media-error';
import { readMediaReference } from '../../../shared/media/reference';
import { optionsCollection } from '../../fields/common-fields';
import type { WonotifyOperation } from '../../types';

const messageField: INodeProperties = {
	displayName: 'Message',
	name: 'incomingMessage',
	type: 'json',
	default: '={{ $json }}',
	description:
		'The message with the file: an item from the Wonotify Trigger (simplified or not) as it is, which the default takes from the input',
};

export const downloadMedia: WonotifyOperation = {
	value: 'downloadMedia',
	name: 'Download Media',
	action: 'Download media from a message',
	description: "Get an incoming message's photo, voice note, video, document or sticker as a file",
	noOutputSchema: 'The output is the input item as it came, with the file added as binary data.',
	properties: [
		messageField,
		mediaBinaryPropertyField,
		optionsCollection([allowedMediaHostsOption, maxMediaSizeOption, mediaTimeoutOption]),
	],
	async prepare(context, itemIndex) {
		const binaryProperty = requireText(mediaBinaryPropertyField.displayName, context.getNodeParameter('binaryPropertyName', itemIndex));
		const options = readMediaDownloadOptions(context.getNodeParameter('options', itemIndex, {}) as IDataObject);
		const reference = asInputError(() => {
			const found = readMediaReference(readMessage(context.getNodeParameter(messageField.name, itemIndex)));
			checkBeforeDownload(found, options);
			return found;
		});
		const input = context.getInputData()[itemIndex];
		const json = input?.json ?? {};
		const chatId = asText(json.chatId) ?? asText(asObject(json.key)?.remoteJid);
		return {
			recipient: chatId === undefined ? undefined : { chatId },
			async run(runContext) {
				// The item's other files go on too, as with n8n's own nodes that add a file.
				return { json, binary: { ...input?.binary, [binaryProperty]: await fetchMediaFile(runContext, reference, options) } };
			},
		};
	},
};

function readMessage(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const parsed = tryParseJson(value);
	if ('problem' in parsed) throw new InputError(messageField.displayName, `is not JSON: ${parsed.problem}`, 'Leave the default {{ $json }} to use the input item.');
	return parsed.value;
}

/** Problems found before the download are input errors: they name the field and the item. */
function asInputError<T>(read: () => T): T {
	let problem: unknown;
	try {
		return read();
	} catch (error) {
		problem = error;
	}
	if (problem instanceof MediaError) throw new InputError(messageField.displayName, problem.message, problem.hint);
	throw problem;
}
