// Fields of the button and list operations.
import type { INodeProperties } from 'n8n-workflow';

import { delayOption, optionsCollection, parallelSendsOption, timeoutOption } from './fields';

export const textFallbackOption: INodeProperties = {
	displayName: 'Plain-Text Fallback',
	name: 'textFallback',
	type: 'options',
	default: 'none',
	description:
		'WhatsApp often does not show buttons and lists (WhatsApp Web and Desktop rarely do). A numbered plain-text version of the choices reaches everyone.',
	options: [
		{ name: 'Off', value: 'none', description: 'Send the buttons or list only' },
		{
			name: 'Append Numbered Choices',
			value: 'append',
			description: 'Add the choices as a numbered list to the message text',
		},
		{
			name: 'Send Plain Text Instead',
			value: 'textOnly',
			description: 'Send a normal text message with the numbered choices, no buttons',
		},
	],
};

export const richOptions = optionsCollection([textFallbackOption, delayOption, parallelSendsOption, timeoutOption]);

export function inputModeField(name: string, what: string): INodeProperties {
	return {
		displayName: `${what} Input`,
		name,
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{ name: 'Using JSON', value: 'json' },
		],
		description: `Build the ${what.toLowerCase()} with fields, or paste them as JSON in the gateway's format`,
	};
}

export const buttonTextField: INodeProperties = {
	displayName: 'Button Text',
	name: 'displayText',
	type: 'string',
	default: '',
	required: true,
	description: 'The label on the button',
};

export const replyIdField: INodeProperties = {
	displayName: 'Reply ID',
	name: 'id',
	type: 'string',
	default: '',
	description:
		'Returned as buttonReplyId by the Wonotify Trigger when the customer taps the button. Leave empty to use the button text.',
};
