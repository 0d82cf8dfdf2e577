// Send Buttons, Send Template Buttons and Send List are one operation with different
// choices: the same notice, recipient, text, Additional Fields and options, and the same
// send with its Plain-Text Fallback. Each says only what its choices are and how they are read.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getWonotifyCredentials } from '../../../shared/credentials';
import { resolveInstanceId } from '../../../shared/instance-id';
import { readOptions, requireMessageText, textField } from '../../fields/common-fields';
import { personChatIdField, renderingNotice, richOptions } from '../../fields/rich-message-fields';
import type { TextFallback } from '../../interactive/plain-text';
import { parsePersonRecipient } from '../../sending/recipients';
import { richMessageCall } from '../../sending/send';
import type { OperationEntry, WonotifyOperation } from '../../types';

/** What the choices of one item are, for the gateway and for the plain-text version. */
export interface RichContent {
	type: 'interactive' | 'template' | 'list';
	/** The choices as numbered plain text. */
	choices: string;
	/** The gateway's `message` object around the body text, with the Additional Fields. */
	message: (bodyText: string, additional: IDataObject) => IDataObject;
}

interface RichOperationSpec extends OperationEntry {
	/** When WhatsApp does not show this kind of message, in the notice's words. */
	renderingProblem: string;
	/** What the text is, e.g. `The text above the buttons`. */
	textDescription: string;
	/** The fields that define the choices, shown between the text and the Additional Fields. */
	choiceFields: INodeProperties[];
	additionalFields: INodeProperties[];
	readChoices(context: IExecuteFunctions, itemIndex: number): RichContent;
}

export const titleField: INodeProperties = { displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Bold heading above the text' };
export const subtitleField: INodeProperties = { displayName: 'Subtitle', name: 'subtitle', type: 'string', default: '' };
export const footerField: INodeProperties = {
	displayName: 'Footer',
	name: 'footer',
	type: 'string',
	default: '',
	description: 'Small grey text under the message',
};

export function richOperation(spec: RichOperationSpec): WonotifyOperation {
	const { renderingProblem, textDescription, choiceFields, additionalFields, readChoices, ...entry } = spec;
	return {
		...entry,
		needsInstance: true,
		properties: [
			renderingNotice(renderingProblem),
			personChatIdField,
			{ ...textField, description: textDescription },
			...choiceFields,
			{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: additionalFields },
			richOptions,
		],
		async prepare(context, itemIndex) {
			const instanceId = await resolveInstanceId(context, itemIndex);
			const { defaultCountryCode } = await getWonotifyCredentials(context);
			const number = parsePersonRecipient(personChatIdField.displayName, context.getNodeParameter('chatId', itemIndex), defaultCountryCode);
			const text = requireMessageText(context, itemIndex);
			const { type, choices, message } = readChoices(context, itemIndex);
			const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const { textFallback = 'none', timeoutSeconds } = readOptions<{ textFallback?: TextFallback }>(context, itemIndex);
			return richMessageCall({
				instanceId,
				number,
				type,
				text,
				choices,
				fallback: textFallback,
				heading: String(additional.title ?? ''),
				footer: String(additional.footer ?? ''),
				timeoutSeconds,
				message: (bodyText) => message(bodyText, additional),
			});
		},
	};
}
