// Fields of the button and list operations.
import type { INodeProperties } from 'n8n-workflow';

import { chatIdField, delayOption, optionsCollection, parallelSendsOption, PHONE_NUMBER_FORMAT, timeoutOption } from './common-fields';

/**
 * The gateway sends buttons and lists with send_template, which takes a phone number;
 * groups only get text and media (send_group). So these operations reach people only.
 */
export const personChatIdField: INodeProperties = {
	...chatIdField,
	description: `${PHONE_NUMBER_FORMAT}, or the chatId of a Wonotify Trigger message from a contact. Buttons and lists cannot be sent to groups.`,
};

/**
 * WhatsApp shows buttons and lists inconsistently while the send still succeeds, so the user
 * hears it where they build them, with the way out.
 */
export function renderingNotice(problem: string): INodeProperties {
	return {
		displayName: `${problem} To make sure everyone sees the choices, use the Plain-Text Fallback option below.`,
		name: 'renderingNotice',
		type: 'notice',
		default: '',
	};
}

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
