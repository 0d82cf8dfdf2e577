import type { IDataObject } from 'n8n-workflow';

import { resolveInstanceId } from '../../../shared/instance-id';
import { readOptions, textField } from '../../fields/common-fields';
import { buttonTextField, inputModeField, personChatIdField, renderingNotice, replyIdField, richOptions } from '../../fields/rich-message-fields';
import { requireText } from '../../../shared/input-error';
import {
	buttonsFromFields,
	buttonsFromInteractiveJson,
	MAX_INTERACTIVE_BUTTONS,
	toInteractiveButtons,
	type ButtonFields,
} from '../../interactive/buttons';
import { buttonChoicesText, type TextFallback } from '../../interactive/plain-text';
import { parsePersonRecipient } from '../../sending/recipients';
import { richMessageCall } from '../../sending/send';
import type { WonotifyOperation } from '../../types';

const fieldsMode = { show: { buttonsInput: ['fields'] } };
const jsonMode = { show: { buttonsInput: ['json'] } };

export const sendButtons: WonotifyOperation = {
	value: 'sendButtons',
	name: 'Send Buttons',
	action: 'Send a message with buttons',
	description: 'Send a message with quick reply, URL, call or copy-code buttons',
	needsInstance: true,
	properties: [
		renderingNotice('WhatsApp often does not show buttons, especially on WhatsApp Web and Desktop.'),
		personChatIdField,
		{ ...textField, description: 'The text above the buttons' },
		inputModeField('buttonsInput', 'Buttons'),
		{
			displayName: 'Buttons',
			name: 'buttons',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			default: {},
			placeholder: 'Add Button',
			description: `Up to ${MAX_INTERACTIVE_BUTTONS} buttons`,
			displayOptions: fieldsMode,
			options: [
				{
					displayName: 'Button',
					name: 'button',
					values: [
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							default: 'quick_reply',
							options: [
								{ name: 'Quick Reply', value: 'quick_reply', description: 'The customer taps it to answer' },
								{ name: 'Open URL', value: 'cta_url', description: 'Opens a web page' },
								{ name: 'Call Phone Number', value: 'cta_call', description: 'Starts a phone call' },
								{ name: 'Copy Code', value: 'cta_copy', description: 'Copies a code, e.g. a coupon' },
							],
						},
						buttonTextField,
						{ ...replyIdField, displayOptions: { show: { type: ['quick_reply'] } } },
						{
							displayName: 'URL',
							name: 'url',
							type: 'string',
							default: '',
							placeholder: 'e.g. https://example.com/shop',
							displayOptions: { show: { type: ['cta_url'] } },
						},
						{
							displayName: 'Phone Number',
							name: 'phoneNumber',
							type: 'string',
							default: '',
							placeholder: 'e.g. +919876543210',
							displayOptions: { show: { type: ['cta_call'] } },
						},
						{
							displayName: 'Code to Copy',
							name: 'copyCode',
							type: 'string',
							default: '',
							placeholder: 'e.g. PROMO2024',
							displayOptions: { show: { type: ['cta_copy'] } },
						},
					],
				},
			],
		},
		{
			displayName: 'Buttons (JSON)',
			name: 'buttonsJson',
			type: 'json',
			default:
				'[\n  { "name": "quick_reply", "buttonParamsJson": { "display_text": "Yes", "id": "yes" } },\n  { "name": "cta_url", "buttonParamsJson": { "display_text": "Open shop", "url": "https://example.com" } }\n]',
			description:
				'The gateway\'s interactiveButtons array. Names: quick_reply, cta_url, cta_call, cta_copy. buttonParamsJson may be an object; it is sent as a JSON string.',
			displayOptions: jsonMode,
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Bold heading above the text' },
				{ displayName: 'Subtitle', name: 'subtitle', type: 'string', default: '' },
				{ displayName: 'Footer', name: 'footer', type: 'string', default: '', description: 'Small grey text under the message' },
			],
		},
		richOptions,
	],
	async prepare(context, itemIndex) {
		const instanceId = await resolveInstanceId(context, itemIndex);
		const number = parsePersonRecipient(personChatIdField.displayName, context.getNodeParameter('chatId', itemIndex));
		const text = requireText(textField.displayName, context.getNodeParameter('message', itemIndex));
		const buttons =
			context.getNodeParameter('buttonsInput', itemIndex) === 'json'
				? buttonsFromInteractiveJson('Buttons (JSON)', context.getNodeParameter('buttonsJson', itemIndex))
				: buttonsFromFields(
						context.getNodeParameter('buttons.button', itemIndex, []) as ButtonFields[],
						MAX_INTERACTIVE_BUTTONS,
						['quick_reply', 'cta_url', 'cta_call', 'cta_copy'],
					);
		const { title = '', subtitle = '', footer = '' } = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const { textFallback = 'none', timeoutSeconds } = readOptions<{ textFallback?: TextFallback }>(context, itemIndex);
		return richMessageCall({
			instanceId,
			number,
			type: 'interactive',
			text,
			choices: buttonChoicesText(buttons),
			fallback: textFallback,
			heading: String(title),
			footer: String(footer),
			timeoutSeconds,
			message: (bodyText) => ({
				text: bodyText,
				title,
				subtitle,
				footer,
				interactiveButtons: toInteractiveButtons(buttons),
			}),
		});
	},
};
