import { buttonTextField, inputModeField, replyIdField } from '../../fields/rich-message-fields';
import {
	buttonsFromFields,
	buttonsFromInteractiveJson,
	MAX_INTERACTIVE_BUTTONS,
	toInteractiveButtons,
	type ButtonFields,
} from '../../interactive/buttons';
import { buttonChoicesText } from '../../interactive/plain-text';
import { footerField, richOperation, subtitleField, titleField } from './rich-operation';

const fieldsMode = { show: { buttonsInput: ['fields'] } };
const jsonMode = { show: { buttonsInput: ['json'] } };

export const sendButtons = richOperation({
	value: 'sendButtons',
	name: 'Send Buttons',
	action: 'Send a message with buttons',
	description: 'Send a message with quick reply, URL, call or copy-code buttons',
	renderingProblem: 'WhatsApp often does not show buttons, especially on WhatsApp Web and Desktop.',
	textDescription: 'The text above the buttons',
	choiceFields: [
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
	],
	additionalFields: [titleField, subtitleField, footerField],
	examples: [
		{
			parameters: {
				chatId: '919876543210',
				message: 'Pick one',
				buttonsInput: 'fields',
				buttons: { button: [{ type: 'quick_reply', displayText: 'Yes', id: 'yes' }] },
			},
		},
	],
	readChoices(context, itemIndex) {
		const buttons =
			context.getNodeParameter('buttonsInput', itemIndex) === 'json'
				? buttonsFromInteractiveJson('Buttons (JSON)', context.getNodeParameter('buttonsJson', itemIndex))
				: buttonsFromFields(
						context.getNodeParameter('buttons.button', itemIndex, []) as ButtonFields[],
						MAX_INTERACTIVE_BUTTONS,
						['quick_reply', 'cta_url', 'cta_call', 'cta_copy'],
					);
		return {
			type: 'interactive',
			choices: buttonChoicesText(buttons),
			message: (bodyText, { title = '', subtitle = '', footer = '' }) => ({
				text: bodyText,
				title,
				subtitle,
				footer,
				interactiveButtons: toInteractiveButtons(buttons),
			}),
		};
	},
});
