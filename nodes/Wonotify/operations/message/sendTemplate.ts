import { buttonTextField, inputModeField, replyIdField } from '../../fields/rich-message-fields';
import {
	buttonsFromFields,
	buttonsFromTemplateJson,
	MAX_TEMPLATE_BUTTONS,
	toTemplateButtons,
	type ButtonFields,
} from '../../interactive/buttons';
import { buttonChoicesText } from '../../interactive/plain-text';
import { footerField, richOperation } from './rich-operation';

export const sendTemplate = richOperation({
	value: 'sendTemplate',
	name: 'Send Template Buttons',
	action: 'Send a message with template buttons',
	description: 'Send a message with up to 3 template buttons (the older WhatsApp button format)',
	renderingProblem: 'WhatsApp often does not show buttons, and sometimes does not show this older button format at all.',
	textDescription: 'The text above the buttons',
	choiceFields: [
		inputModeField('templateButtonsInput', 'Buttons'),
		{
			displayName: 'Buttons',
			name: 'templateButtons',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			default: {},
			placeholder: 'Add Button',
			description: `Up to ${MAX_TEMPLATE_BUTTONS} buttons`,
			displayOptions: { show: { templateButtonsInput: ['fields'] } },
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
								{ name: 'Quick Reply', value: 'quick_reply' },
								{ name: 'Open URL', value: 'cta_url' },
								{ name: 'Call Phone Number', value: 'cta_call' },
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
					],
				},
			],
		},
		{
			displayName: 'Buttons (JSON)',
			name: 'templateButtonsJson',
			type: 'json',
			default:
				'[\n  { "index": 1, "quickReplyButton": { "displayText": "Yes", "id": "yes" } },\n  { "index": 2, "urlButton": { "displayText": "Open shop", "url": "https://example.com" } }\n]',
			description: "The gateway's templateButtons array (quickReplyButton, urlButton or callButton entries)",
			displayOptions: { show: { templateButtonsInput: ['json'] } },
		},
	],
	additionalFields: [footerField],
	examples: [
		{
			parameters: {
				chatId: '919876543210',
				message: 'Pick one',
				templateButtonsInput: 'fields',
				templateButtons: { button: [{ type: 'quick_reply', displayText: 'Yes', id: 'yes' }] },
			},
		},
	],
	readChoices(context, itemIndex) {
		const buttons =
			context.getNodeParameter('templateButtonsInput', itemIndex) === 'json'
				? buttonsFromTemplateJson('Buttons (JSON)', context.getNodeParameter('templateButtonsJson', itemIndex))
				: buttonsFromFields(
						context.getNodeParameter('templateButtons.button', itemIndex, []) as ButtonFields[],
						MAX_TEMPLATE_BUTTONS,
						['quick_reply', 'cta_url', 'cta_call'],
					);
		return {
			type: 'template',
			choices: buttonChoicesText(buttons),
			message: (bodyText, { footer = '' }) => ({ text: bodyText, footer, templateButtons: toTemplateButtons(buttons) }),
		};
	},
});
