// Download Media on: each message item with a file also carries it as binary data. A failed
// download never loses the message: the item goes out without the file, with `mediaError`
// saying why.
import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { InputError } from '../shared/input-error';
import { fetchMediaFile } from '../shared/media/download';
import { readMediaDownloadOptions } from '../shared/media/download-settings';
import { MediaError } from '../shared/media/media-error';
import { carriesMedia, readMediaReference } from '../shared/media/reference';

export interface MediaSettings {
	binaryPropertyName: string;
	/** Media Types to Download: other files are left where they are. */
	types: Set<string>;
	/** The trigger's options; the download settings among them are checked per item, so a bad one is reported, not fatal. */
	options: IDataObject;
}

export async function withMediaFiles(
	context: IWebhookFunctions,
	items: IDataObject[],
	settings: MediaSettings,
): Promise<INodeExecutionData[]> {
	const result: INodeExecutionData[] = [];
	// One file after another: a webhook call rarely carries more than one, and files can be large.
	for (const json of items) {
		if (!carriesMedia(json)) {
			result.push({ json });
			continue;
		}
		try {
			const reference = readMediaReference(json);
			if (!settings.types.has(reference.type)) {
				result.push({ json });
				continue;
			}
			const file = await fetchMediaFile(context, reference, readMediaDownloadOptions(settings.options));
			result.push({ json, binary: { [settings.binaryPropertyName]: file } });
		} catch (error) {
			const mediaError =
				error instanceof MediaError
					? `${error.message}. ${error.hint}`
					: error instanceof InputError
						? `Download Media is set up wrongly: ${error.message}`
						: `Downloading the media failed: ${(error as Error).message}`;
			context.logger.debug(`Wonotify Trigger could not download a message's media: ${mediaError}`, {
				workflowId: context.getWorkflow().id,
				nodeName: context.getNode().name,
			});
			result.push({ json: { ...json, mediaError } });
		}
	}
	return result;
}
