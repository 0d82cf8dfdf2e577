// Fields several operations share, and the readers that validate them, so each concept has
// one name and one hint everywhere.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError, MAX_TEXT_LENGTH, requireText, withinLength } from '../../shared/input-error';
import { DEFAULT_TIMEOUT_SECONDS } from '../../shared/transport';

/** How to write a phone number, for every field that takes one. */
export const PHONE_NUMBER_FORMAT =
	'Country code and number, e.g. 919876543210 (+, spaces, dashes and a (0) after the country code are removed)';

export const chatIdField: INodeProperties = {
	displayName: 'Phone Number or Chat ID',
	name: 'chatId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 919876543210',
	description: `${PHONE_NUMBER_FORMAT}. The chatId of a Wonotify Trigger message works as it is, also for groups.`,
};

export const groupIdField: INodeProperties = {
	displayName: 'Group ID',
	name: 'groupId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 120363023285171234@g.us',
	description:
		'The WhatsApp group ID, ending with @g.us. The Wonotify Trigger gives it as groupId on group messages.',
};

export const textField: INodeProperties = {
	displayName: 'Message',
	name: 'message',
	type: 'string',
	default: '',
	required: true,
	typeOptions: { rows: 3 },
	description: 'The text to send. WhatsApp formatting works: *bold*, _italic_, ~strikethrough~.',
};

/** The Message field of an item: filled in, and no longer than WhatsApp takes. */
export function requireMessageText(context: IExecuteFunctions, itemIndex: number): string {
	return withinLength(textField.displayName, requireText(textField.displayName, context.getNodeParameter('message', itemIndex)), MAX_TEXT_LENGTH);
}

/** Where Send Media takes the file from: a public URL, or a file (binary data) of the input item. */
export const fileSourceField: INodeProperties = {
	displayName: 'File Source',
	name: 'fileSource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'URL', value: 'url', description: 'A file at a public address' },
		{
			name: 'Binary File',
			value: 'binary',
			description: 'A file from an earlier node (e.g. Convert to File), sent through a signed n8n link',
		},
	],
	default: 'url',
};

export const inputBinaryField: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	placeholder: 'e.g. data',
	hint: 'The name of the input field containing the file',
	description:
		"Wonotify downloads the file from n8n through a signed link that expires, so n8n's address (its WEBHOOK_URL) must be reachable from the internet",
	displayOptions: { show: { fileSource: ['binary'] } },
};

export const mediaFields: INodeProperties[] = [
	{
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://example.com/invoice.pdf',
		description:
			'Public address of the file: Wonotify downloads it from there. Its extension decides how WhatsApp shows it: .jpg .jpeg .png .gif image, .mp4 video, .ogg audio, anything else a document.',
		displayOptions: { show: { fileSource: ['url'] } },
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
		description: 'Text shown under the image, video or document',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'e.g. invoice.pdf',
		description:
			"Name shown for documents, and its extension decides how WhatsApp shows the file. Leave empty to use the name in the URL, or the binary file's own name.",
	},
];

export const MAX_DELAY_SECONDS = 600;

export const delayOption: INodeProperties = {
	displayName: 'Delay Between Messages (Seconds)',
	name: 'delaySeconds',
	type: 'number',
	default: 0,
	typeOptions: { minValue: 0, maxValue: MAX_DELAY_SECONDS, numberPrecision: 1 },
	description:
		'Wait this long between two sends. Pacing bulk messages lowers the risk that WhatsApp bans the number for spam.',
};

export const DEFAULT_LINK_EXPIRY_MINUTES = 60;

export const linkExpiryOption: INodeProperties = {
	displayName: 'Link Expiry (Minutes)',
	name: 'linkExpiryMinutes',
	type: 'number',
	default: DEFAULT_LINK_EXPIRY_MINUTES,
	typeOptions: { minValue: 1, maxValue: 10080 },
	description:
		'For File Source Binary File: how long the signed link to the file works. Wonotify downloads the file at once; a short time keeps the link from being used later.',
};

export const MAX_PARALLEL_SENDS = 20;

export const parallelSendsOption: INodeProperties = {
	displayName: 'Parallel Sends',
	name: 'parallelSends',
	type: 'number',
	default: 1,
	typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_SENDS },
	description:
		'How many messages to different chats may be on their way at once. Messages to the same chat always leave one after another, in input order. 1 sends one at a time.',
};

const MAX_TIMEOUT_SECONDS = 300;

export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeoutSeconds',
	type: 'number',
	default: DEFAULT_TIMEOUT_SECONDS,
	typeOptions: { minValue: 1, maxValue: MAX_TIMEOUT_SECONDS },
	description: 'How long to wait for Wonotify to answer each request',
};

export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options,
	};
}

export interface CommonOptions {
	timeoutSeconds?: number;
	delaySeconds?: number;
}

/** The item's Options; a Timeout that would not bound the wait (0, negative, not a number) is bad input. */
export function readOptions<T extends object = object>(context: IExecuteFunctions, itemIndex: number): CommonOptions & T {
	const options = context.getNodeParameter('options', itemIndex, {}) as CommonOptions & T;
	if (options.timeoutSeconds !== undefined) checkTimeout(options.timeoutSeconds);
	return options;
}

function checkTimeout(value: unknown): void {
	const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS) return;
	throw new InputError(
		timeoutOption.displayName,
		`${JSON.stringify(value) ?? String(value)} is not a number of seconds from 1 to ${MAX_TIMEOUT_SECONDS}`,
		`Set it between 1 and ${MAX_TIMEOUT_SECONDS}, or remove the option to wait the default ${DEFAULT_TIMEOUT_SECONDS} seconds.`,
	);
}
