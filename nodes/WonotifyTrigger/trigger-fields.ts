// The trigger's parameters and how they become the settings the event functions take.
import type { IDataObject, INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import { instanceIdField } from '../shared/instance-id';
import {
	allowedMediaHostsOption,
	maxMediaSizeOption,
	mediaBinaryPropertyField,
	mediaTimeoutOption,
} from '../shared/media/download-settings';
import type { MediaSettings } from './attach-media';
import type { MediaType } from '../shared/media/reference';
import { TRIGGER_EVENT_OPTIONS } from './event-options';
import { DEFAULT_TRIGGER_SETTINGS, type TriggerSettings } from './settings';

const MEDIA_TYPE_OPTIONS: Array<{ name: string; value: MediaType }> = [
	{ name: 'Audio', value: 'audio' },
	{ name: 'Document', value: 'document' },
	{ name: 'Image', value: 'image' },
	{ name: 'Sticker', value: 'sticker' },
	{ name: 'Video', value: 'video' },
	{ name: 'Voice Note', value: 'voice' },
];
const ALL_MEDIA_TYPES: MediaType[] = MEDIA_TYPE_OPTIONS.map((option) => option.value);

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"An instance has one webhook. Activating this workflow points it at n8n, replacing a webhook set in the Wonotify dashboard or by another workflow. 'Listen for test event' points it at n8n's test URL until the test ends: if this workflow is active, deactivate and activate it again after testing.",
		name: 'webhookNotice',
		type: 'notice',
		default: '',
	},
	instanceIdField,
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: TRIGGER_EVENT_OPTIONS,
		default: ['messageReceived'],
		required: true,
		description: 'The WhatsApp events that start the workflow',
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return one tidy item per message (chat ID, phone number, text, type, …) instead of the data as Wonotify sends it',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			downloadMediaSetting(allowedMediaHostsOption),
			{
				displayName: 'Download Media',
				name: 'downloadMedia',
				type: 'boolean',
				default: false,
				description:
					"Whether to download each message's photo, voice note, video, document or sticker into the item's binary data, decrypted, as it arrives. A failed download leaves the item without the file and says why in mediaError.",
			},
			downloadMediaSetting(mediaTimeoutOption),
			{
				displayName: 'Emit Answers to Send and Wait',
				name: 'emitChatAnswers',
				type: 'boolean',
				default: false,
				description:
					"Whether a button tap or reply that answers a Wonotify node's Send and Wait also starts this workflow. The answer reaches the waiting workflow either way; off, an auto-reply does not answer it.",
			},
			{
				displayName: 'Group Messages',
				name: 'groupMessages',
				type: 'options',
				options: [
					{ name: 'Include', value: 'include', description: 'Messages from private chats and groups' },
					{ name: 'Ignore', value: 'ignore', description: 'Only messages from private chats' },
					{ name: 'Only', value: 'only', description: 'Only messages from groups' },
				],
				default: 'include',
			},
			{
				displayName: 'Ignore Deletes and Edits',
				name: 'ignoreProtocolMessages',
				type: 'boolean',
				default: true,
				description: 'Whether to skip notices that a message was deleted or edited',
			},
			{
				displayName: 'Ignore Empty Messages',
				name: 'ignoreEmptyMessages',
				type: 'boolean',
				default: true,
				description: 'Whether to skip messages WhatsApp delivered without content (failed decryption, system notices)',
			},
			{
				displayName: 'Ignore Messages Older Than (Minutes)',
				name: 'ignoreOlderThanMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 10,
				description:
					"Skip messages sent longer ago than this, by the message's own time. After WhatsApp reconnects, Wonotify delivers what arrived while it was offline: without this, the workflow would answer all of them at once. Messages dated up to 5 minutes ahead of n8n's clock are fine. 0 turns this off.",
			},
			{
				displayName: 'Ignore Own Messages',
				name: 'ignoreOwnMessages',
				type: 'boolean',
				default: true,
				description:
					'Whether to skip messages this WhatsApp account sent itself. Keep it on for auto-replies: otherwise a reply starts the workflow again, forever. Choosing the Message Sent event turns it off.',
			},
			{
				displayName: 'Ignore Reactions',
				name: 'ignoreReactions',
				type: 'boolean',
				default: true,
				description:
					'Whether to skip emoji reactions to messages. When off, a reaction arrives as a message of type "reaction" whose text is the emoji, or empty when the reaction is removed.',
			},
			{
				displayName: 'Ignore Repeated Messages',
				name: 'ignoreRepeatedMessages',
				type: 'boolean',
				default: true,
				description:
					'Whether to start the workflow once per message when Wonotify delivers the same message again (same instance, chat and message ID). n8n remembers the messages of the last minutes with the workflow, across restarts.',
			},
			{
				displayName: 'Ignore Status Broadcasts',
				name: 'ignoreStatusBroadcasts',
				type: 'boolean',
				default: true,
				description: "Whether to skip your contacts' status stories",
			},
			downloadMediaSetting(maxMediaSizeOption),
			{
				displayName: 'Media Types to Download',
				name: 'downloadMediaTypes',
				type: 'multiOptions',
				options: MEDIA_TYPE_OPTIONS,
				default: [...ALL_MEDIA_TYPES],
				description:
					'Used when Download Media is on. Messages with other kinds of file still arrive, without the file: e.g. leave out videos and documents for an assistant that only listens and looks.',
			},
			{
				displayName: 'Only These Chats',
				name: 'onlyChats',
				type: 'string',
				default: '',
				placeholder: '919876543210, 120363041234567890@g.us',
				description:
					'Phone numbers or group IDs, separated by commas. Messages from other chats are skipped. Leave empty for all chats.',
			},
			downloadMediaSetting(mediaBinaryPropertyField),
		],
	},
];

/** The download settings do nothing unless Download Media is on; their descriptions say so. */
function downloadMediaSetting({ hint, ...option }: INodeProperties): INodeProperties {
	return { ...option, description: `Used when Download Media is on. ${option.description ?? hint ?? ''}`.trim() };
}

/** The instance is the one the webhook was registered for, so events of other instances are dropped. */
export function readTriggerSettings(context: IWebhookFunctions, instanceId: string): Partial<TriggerSettings> {
	return {
		...(readStored(context, 'options', {}) as Partial<TriggerSettings>),
		events: readStored(context, 'events', DEFAULT_TRIGGER_SETTINGS.events) as string[],
		simplify: readStored(context, 'simplify', true) as boolean,
		instanceId,
	};
}

/** Download Media's settings, from the options readTriggerSettings read; undefined when it is off. */
export function mediaSettingsOf(options: IDataObject): MediaSettings | undefined {
	if (options.downloadMedia !== true) return undefined;
	const types = Array.isArray(options.downloadMediaTypes) ? options.downloadMediaTypes : ALL_MEDIA_TYPES;
	return {
		binaryPropertyName: String(options.binaryPropertyName ?? '').trim() || 'data',
		types: new Set(types.map(String)),
		options,
	};
}

/**
 * getNodeParameter resolves expressions (in an isolate by default), which cost more than
 * handling the event itself; these settings are plain values unless someone typed an
 * expression, so the stored parameters are read directly then.
 */
function readStored(context: IWebhookFunctions, name: string, fallback: unknown): unknown {
	const stored = context.getNode().parameters;
	return containsExpression(stored[name]) ? context.getNodeParameter(name, fallback) : (stored[name] ?? fallback);
}

function containsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (typeof value === 'object' && value !== null) return Object.values(value).some(containsExpression);
	return false;
}
