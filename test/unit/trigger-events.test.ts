import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_MEDIA_MB, DEFAULT_MEDIA_TIMEOUT_SECONDS } from '../../nodes/shared/media/download-settings';
import { eventsToItems as eventsToItemsNow } from '../../nodes/WonotifyTrigger/events';
import { TRIGGER_EVENT_OPTIONS } from '../../nodes/WonotifyTrigger/event-options';
import { DEFAULT_TRIGGER_SETTINGS, type TriggerSettings } from '../../nodes/WonotifyTrigger/settings';
import { triggerProperties } from '../../nodes/WonotifyTrigger/trigger-fields';
import albumHeader from '../fixtures/events/album-header.json';
import albumPhoto from '../fixtures/events/album-photo.json';
import audio from '../fixtures/events/audio.json';
import buttonReplyLegacy from '../fixtures/events/button-reply-legacy.json';
import buttonReplyNativeFlow from '../fixtures/events/button-reply-native-flow.json';
import connectionClose401 from '../fixtures/events/connection-close-401.json';
import connectionClose515 from '../fixtures/events/connection-close-515.json';
import connectionOpen from '../fixtures/events/connection-open.json';
import connectionQr from '../fixtures/events/connection-qr.json';
import contact from '../fixtures/events/contact.json';
import contactsUpdate from '../fixtures/events/contacts-update.json';
import contactsUpsert from '../fixtures/events/contacts-upsert.json';
import documentMessage from '../fixtures/events/document.json';
import groupText from '../fixtures/events/group-text.json';
import groupsUpdate from '../fixtures/events/groups-update.json';
import imageCaption from '../fixtures/events/image-caption.json';
import lidGroupParticipant from '../fixtures/events/lid-group-participant.json';
import lidPrivate from '../fixtures/events/lid-private.json';
import lidSenderPn from '../fixtures/events/lid-sender-pn.json';
import listReplyLegacy from '../fixtures/events/list-reply-legacy.json';
import listReplyNativeFlow from '../fixtures/events/list-reply-native-flow.json';
import location from '../fixtures/events/location.json';
import malformed from '../fixtures/events/malformed.json';
import multiMessage from '../fixtures/events/multi-message.json';
import noContentStub from '../fixtures/events/no-content-stub.json';
import otherInstance from '../fixtures/events/other-instance.json';
import ownEcho from '../fixtures/events/own-echo.json';
import ownPhoneMessage from '../fixtures/events/own-phone-message.json';
import protocolDelete from '../fixtures/events/protocol-delete.json';
import reaction from '../fixtures/events/reaction.json';
import reactionRemoved from '../fixtures/events/reaction-removed.json';
import receipts from '../fixtures/events/receipts.json';
import statusBroadcast from '../fixtures/events/status-broadcast.json';
import sticker from '../fixtures/events/sticker.json';
import templateButtonReply from '../fixtures/events/template-button-reply.json';
import textConversation from '../fixtures/events/text-conversation.json';
import textExtendedQuote from '../fixtures/events/text-extended-quote.json';
import unknownEvent from '../fixtures/events/unknown-event.json';
import video from '../fixtures/events/video.json';
import voiceNote from '../fixtures/events/voice-note.json';

const INSTANCE = '66F1C2A3B4D5E';
const RAVI = '919876543210@s.whatsapp.net';
const PRIYA = '919812345678@s.whatsapp.net';
const GROUP = '120363041234567890@g.us';
const JAN_1 = '2025-01-01T00:00:00.000Z';
// Receipts and connection updates carry no time of their own: they get the time they arrived.
const NOW = '2025-03-04T05:06:07.000Z';
/** The fixtures were recorded on 2025-01-01 (messageTimestamp 1735689600…1735689660); here they arrive two minutes later. */
const FIXTURES_ARRIVE_AT_MS = (1735689600 + 120) * 1000;
const eventsToItems: typeof eventsToItemsNow = (body, settings = {}, seen) =>
	eventsToItemsNow(body, { receivedAtMs: FIXTURES_ARRIVE_AT_MS, ...settings }, seen);

beforeAll(() => jest.useFakeTimers({ now: new Date(NOW) }));
afterAll(() => jest.useRealTimers());

/** A simplified incoming message with every field; each test states what differs. */
function received(fields: IDataObject): IDataObject {
	return {
		event: 'messageReceived',
		gatewayEvent: 'messages.upsert',
		instanceId: INSTANCE,
		messageId: '',
		chatId: RAVI,
		from: '919876543210',
		fromName: 'Ravi',
		fromMe: false,
		isGroup: false,
		groupId: null,
		participant: null,
		type: 'text',
		text: '',
		buttonReplyId: null,
		listReplyId: null,
		media: null,
		location: null,
		contacts: null,
		quotedMessageId: null,
		timestamp: JAN_1,
		...fields,
	};
}

/** The one item a request gives, asserting nothing was dropped. */
function onlyItem(body: unknown, settings: Partial<TriggerSettings> = {}): IDataObject {
	const result = eventsToItems(body, settings);
	expect(result.ignored).toBe('');
	expect(result.items).toHaveLength(1);
	return result.items[0];
}

function dropped(body: unknown, settings: Partial<TriggerSettings> = {}): string {
	const result = eventsToItems(body, settings);
	expect(result.items).toEqual([]);
	expect(result.ignored).not.toBe('');
	return result.ignored;
}

function firstMessage(body: unknown): IDataObject {
	return ((body as IDataObject).data as IDataObject).data as IDataObject;
}

describe('simplified messages', () => {
	const vcard = (contact.data.data.messages[0].message.contactMessage as IDataObject).vcard;

	it.each<[string, unknown, IDataObject]>([
		['text (conversation)', textConversation, { messageId: '3A1F0C9E8B7D6A5B4C3D', text: 'Hi, price?' }],
		[
			'extended text quoting a message (timestamp as a string)',
			textExtendedQuote,
			{
				messageId: '3A2B3C4D5E6F70819203',
				text: 'Yes, the blue one',
				quotedMessageId: '3EB0C5A1D2E3F4A5B6C7',
				timestamp: '2025-01-01T00:01:00.000Z',
			},
		],
		[
			'group text: the chat is the group, the sender its participant',
			groupText,
			{
				messageId: '3AB1C2D3E4F5A6B7C8D9',
				chatId: GROUP,
				from: '919812345678',
				fromName: 'Priya',
				isGroup: true,
				groupId: GROUP,
				participant: PRIYA,
				text: 'Meeting at 5?',
			},
		],
		[
			'@lid private chat: phone JID from remoteJidAlt',
			lidPrivate,
			{ messageId: '3A9D8C7B6A5F4E3D2C1B', text: 'Hello from a privacy ID' },
		],
		[
			'@lid group participant: phone JID from participantAlt',
			lidGroupParticipant,
			{
				messageId: '3AC0FFEE000000000001',
				chatId: GROUP,
				from: '919812345678',
				fromName: 'Priya',
				isGroup: true,
				groupId: GROUP,
				participant: PRIYA,
				text: 'Group hello',
			},
		],
		[
			'@lid private chat: phone JID from senderPn',
			lidSenderPn,
			{ messageId: '3AD1E2F3A4B5C6D7E8F9', text: 'Order #42 status?' },
		],
		[
			'a photo of an album (wrapped in associatedChildMessage)',
			albumPhoto,
			{
				messageId: '3A21A2B3C4D5E6F7A8B9',
				type: 'image',
				text: 'Broken part, two sides',
				media: { mimetype: 'image/jpeg', fileName: null, size: 84211, caption: 'Broken part, two sides', download: expect.any(Object) },
			},
		],
		[
			'image with caption',
			imageCaption,
			{
				messageId: '3AE1A2B3C4D5E6F7A8B9',
				type: 'image',
				text: 'Invoice',
				media: { mimetype: 'image/jpeg', fileName: null, size: 84211, caption: 'Invoice', download: expect.any(Object) },
				quotedMessageId: '3EB0AAAABBBBCCCCDDDD',
			},
		],
		[
			'video (size as a protobuf Long)',
			video,
			{
				messageId: '3AF1A2B3C4D5E6F7A8B9',
				type: 'video',
				media: { mimetype: 'video/mp4', fileName: null, size: 1048576, caption: null, download: expect.any(Object) },
			},
		],
		[
			'audio',
			audio,
			{
				messageId: '3A01A2B3C4D5E6F7A8B9',
				type: 'audio',
				media: { mimetype: 'audio/mpeg', fileName: null, size: 3145728, caption: null, download: expect.any(Object) },
			},
		],
		[
			'voice note (ptt)',
			voiceNote,
			{
				messageId: '3A02A2B3C4D5E6F7A8B9',
				type: 'voice',
				media: { mimetype: 'audio/ogg; codecs=opus', fileName: null, size: 20480, caption: null, download: expect.any(Object) },
			},
		],
		[
			'document with caption (wrapped in documentWithCaptionMessage)',
			documentMessage,
			{
				messageId: '3A03A2B3C4D5E6F7A8B9',
				type: 'document',
				text: 'Here is the quote',
				media: {
					mimetype: 'application/pdf',
					fileName: 'Quote-2025.pdf',
					size: 245760,
					caption: 'Here is the quote',
					download: expect.any(Object),
				},
			},
		],
		[
			'sticker',
			sticker,
			{
				messageId: '3A04A2B3C4D5E6F7A8B9',
				type: 'sticker',
				media: { mimetype: 'image/webp', fileName: null, size: 14336, caption: null, download: expect.any(Object) },
			},
		],
		[
			'location',
			location,
			{
				messageId: '3A05A2B3C4D5E6F7A8B9',
				type: 'location',
				location: {
					latitude: 19.076,
					longitude: 72.8777,
					name: 'Gateway of India',
					address: 'Apollo Bandar, Colaba, Mumbai',
				},
			},
		],
		[
			'contact card: number from the vCard waid',
			contact,
			{
				messageId: '3A06A2B3C4D5E6F7A8B9',
				type: 'contact',
				contacts: [{ name: 'Asha Sales', phoneNumber: '919811122233', vcard }],
			},
		],
		[
			'button reply (native flow paramsJson)',
			buttonReplyNativeFlow,
			{
				messageId: '3A07A2B3C4D5E6F7A8B9',
				type: 'buttonReply',
				text: 'Yes, confirm',
				buttonReplyId: 'confirm_order_42',
				quotedMessageId: '3EB0B1B2B3B4B5B6B7B8',
			},
		],
		[
			'button reply (legacy buttonsResponseMessage)',
			buttonReplyLegacy,
			{
				messageId: '3A08A2B3C4D5E6F7A8B9',
				type: 'buttonReply',
				text: 'Yes',
				buttonReplyId: 'btn_yes',
				quotedMessageId: '3EB0C1C2C3C4C5C6C7C8',
			},
		],
		[
			'template button reply',
			templateButtonReply,
			{
				messageId: '3A09A2B3C4D5E6F7A8B9',
				type: 'buttonReply',
				text: 'Track order',
				buttonReplyId: 'tpl_track',
				quotedMessageId: '3EB0D1D2D3D4D5D6D7D8',
			},
		],
		[
			'list reply (legacy listResponseMessage)',
			listReplyLegacy,
			{
				messageId: '3A10A2B3C4D5E6F7A8B9',
				type: 'listReply',
				text: 'Large pizza',
				listReplyId: 'pizza_large',
				quotedMessageId: '3EB0E1E2E3E4E5E6E7E8',
			},
		],
		[
			'list reply (native flow single_select)',
			listReplyNativeFlow,
			{
				messageId: '3A11A2B3C4D5E6F7A8B9',
				type: 'listReply',
				text: 'Medium pizza',
				listReplyId: 'pizza_medium',
				quotedMessageId: '3EB0F1F2F3F4F5F6F7F8',
			},
		],
	])('%s', (_name, body, fields) => {
		expect(onlyItem(body)).toEqual(received(fields));
	});

	it.each<[string, unknown, IDataObject]>([
		[
			'reaction: the emoji, and the message it reacts to',
			reaction,
			{ messageId: '3A14A2B3C4D5E6F7A8B9', type: 'reaction', text: '👍', quotedMessageId: '3EB0A1B2C3D4E5F60718' },
		],
		[
			'reaction removed: an empty text',
			reactionRemoved,
			{
				messageId: '3A17A2B3C4D5E6F7A8B9',
				type: 'reaction',
				text: '',
				quotedMessageId: '3EB0A1B2C3D4E5F60718',
				timestamp: '2025-01-01T00:01:00.000Z',
			},
		],
	])('%s, with Ignore Reactions off', (_name, body, fields) => {
		expect(onlyItem(body, { ignoreReactions: false })).toEqual(received(fields));
	});

	it('gives a multi-message request as one item per message, in order', () => {
		const { items, ignored } = eventsToItems(multiMessage);
		expect(ignored).toBe('');
		expect(items).toEqual([
			received({ messageId: '3A20000000000000000A', text: 'first' }),
			received({
				messageId: '3A20000000000000000B',
				chatId: PRIYA,
				from: '919812345678',
				fromName: 'Priya',
				text: 'second',
				timestamp: '2025-01-01T00:00:01.000Z',
			}),
			received({
				messageId: '3A20000000000000000C',
				chatId: GROUP,
				from: '919811122233',
				fromName: 'Asha',
				isGroup: true,
				groupId: GROUP,
				participant: '919811122233@s.whatsapp.net',
				text: 'third',
				timestamp: '2025-01-01T00:00:02.000Z',
			}),
		]);
	});

	it('gives an @lid chat without any phone JID as it is, with no phone number', () => {
		const body = {
			instance_id: INSTANCE,
			data: {
				event: 'messages.upsert',
				data: { messages: [{ key: { remoteJid: '123456789012345@lid', id: 'L1' }, message: { conversation: 'hi' } }] },
			},
		};
		expect(onlyItem(body)).toMatchObject({ chatId: '123456789012345@lid', from: null, text: 'hi' });
	});

	it('unwraps disappearing and view-once messages', () => {
		const body = {
			instance_id: INSTANCE,
			data: {
				event: 'messages.upsert',
				data: {
					messages: [
						{
							key: { remoteJid: RAVI, id: 'E1' },
							message: {
								ephemeralMessage: {
									message: { viewOnceMessageV2: { message: { imageMessage: { mimetype: 'image/jpeg', caption: 'once' } } } },
								},
							},
						},
					],
				},
			},
		};
		expect(onlyItem(body)).toMatchObject({ type: 'image', text: 'once', media: { caption: 'once', size: null } });
	});
});

describe('event choice and filters', () => {
	it('drops own messages unless Message Sent is chosen', () => {
		expect(dropped(ownEcho)).toBe('messageSent not among the chosen events');
		expect(dropped(ownEcho, { events: ['any'] })).toBe('own message');
		expect(onlyItem(ownEcho, { events: ['any'], ignoreOwnMessages: false })).toMatchObject({
			event: 'messageSent',
			fromMe: true,
		});
	});

	it('gives own messages under Message Sent: API echoes and messages typed on the phone', () => {
		const settings = { events: ['messageReceived', 'messageSent'] };
		expect(onlyItem(ownEcho, settings)).toEqual(
			received({
				event: 'messageSent',
				messageId: '3EB0A1B2C3D4E5F60718',
				from: null,
				fromName: '',
				fromMe: true,
				text: 'Thanks! We will reply soon.',
			}),
		);
		expect(onlyItem(ownPhoneMessage, settings)).toEqual(
			received({
				event: 'messageSent',
				messageId: '3A12A2B3C4D5E6F7A8B9',
				from: null,
				fromName: 'Shop Owner',
				fromMe: true,
				text: 'Sure, I will call you',
			}),
		);
	});

	// Gateways serialise flags as they like: each form of "true" is an own message, each form
	// of "false" an incoming one.
	const withFlag = <T>(fixture: T, path: (copy: IDataObject) => IDataObject, name: string, value: unknown): T => {
		const copy = structuredClone(fixture) as IDataObject;
		path(copy)[name] = value as IDataObject[string];
		return copy as T;
	};
	const firstEntry = (body: IDataObject) => (((body.data as IDataObject).data as IDataObject).messages as IDataObject[])[0];

	it.each([true, 'true', 'TRUE', 1, '1', ' true '])('an own message with fromMe %j starts nothing', (fromMe) => {
		const body = withFlag(textConversation, (copy) => firstEntry(copy).key as IDataObject, 'fromMe', fromMe);
		expect(dropped(body, { events: ['any'] })).toBe('own message');
		expect(dropped(body)).toBe('messageSent not among the chosen events');
	});

	it.each([false, 'false', 0, '0', null, undefined])('fromMe %j is an incoming message', (fromMe) => {
		const body = withFlag(ownEcho, (copy) => firstEntry(copy).key as IDataObject, 'fromMe', fromMe);
		expect(onlyItem(body, { events: ['any'] })).toMatchObject({ event: 'messageReceived', fromMe: false });
	});

	it.each([true, 'true', 1, '1'])('a voice note flagged ptt %j is a voice note', (ptt) => {
		const body = withFlag(voiceNote, (copy) => (firstEntry(copy).message as IDataObject).audioMessage as IDataObject, 'ptt', ptt);
		expect(onlyItem(body)).toMatchObject({ type: 'voice' });
	});

	it('drops incoming messages when only Message Sent is chosen', () => {
		expect(dropped(textConversation, { events: ['messageSent'] })).toBe('messageReceived not among the chosen events');
	});

	it('drops status broadcasts by default', () => {
		expect(dropped(statusBroadcast)).toBe('status broadcast');
		expect(onlyItem(statusBroadcast, { ignoreStatusBroadcasts: false })).toEqual(
			received({
				messageId: '3A13A2B3C4D5E6F7A8B9',
				chatId: 'status@broadcast',
				participant: RAVI,
				type: 'image',
				text: 'Sunday vibes',
				media: { mimetype: 'image/jpeg', fileName: null, size: 50000, caption: 'Sunday vibes', download: expect.any(Object) },
			}),
		);
	});

	describe('reactions', () => {
		it('are dropped by default: a 👍, and a reaction being removed', () => {
			expect(dropped(reaction)).toBe('reaction');
			expect(dropped(reactionRemoved)).toBe('reaction');
			expect(dropped(reactionRemoved, { events: ['any'] })).toBe('reaction');
		});

		it('are kept when Ignore Reactions is off', () => {
			expect(onlyItem(reaction, { ignoreReactions: false })).toMatchObject({ type: 'reaction', text: '👍' });
			expect(onlyItem(reactionRemoved, { ignoreReactions: false })).toMatchObject({ type: 'reaction', text: '' });
		});

		// An auto-reply answering a removed reaction sends "You wrote: " to someone who wrote nothing.
		it('never start Message Received with an empty text under the default filters, however they come', () => {
			const removal = firstMessage(reactionRemoved).messages as IDataObject[];
			const { key, message } = removal[0] as { key: IDataObject; message: { reactionMessage: IDataObject } };
			const withoutText = { reactionMessage: { key: message.reactionMessage.key } };
			const nullText = { reactionMessage: { ...message.reactionMessage, text: null } };
			const shapes: Array<[string, IDataObject, IDataObject]> = [
				['as sent', key, message],
				['without a text field', key, withoutText],
				['with a null text', key, nullText],
				['in a disappearing chat', key, { ephemeralMessage: { message } }],
				['with context info first', key, { messageContextInfo: {}, ...message }],
				['in a group', { ...key, remoteJid: GROUP, participant: PRIYA }, message],
				['from a privacy ID', { ...key, remoteJid: '123456789012345@lid', remoteJidAlt: RAVI }, message],
			];
			for (const [name, shapeKey, shapeMessage] of shapes) {
				const body = {
					instance_id: INSTANCE,
					data: { event: 'messages.upsert', data: { type: 'notify', messages: [{ key: shapeKey, message: shapeMessage }] } },
				};
				for (const events of [['messageReceived'], ['any']]) {
					const { items, ignored } = eventsToItems(body, { events });
					expect({ name, items, ignored }).toEqual({ name, items: [], ignored: 'reaction' });
				}
			}
		});
	});

	it('drops deletes and edits by default', () => {
		expect(dropped(protocolDelete)).toBe('delete or edit');
		expect(onlyItem(protocolDelete, { ignoreProtocolMessages: false })).toEqual(
			received({ messageId: '3A15A2B3C4D5E6F7A8B9', type: 'unknown' }),
		);
	});

	it('drops messages without content (failed decryption, stubs) by default', () => {
		expect(dropped(noContentStub)).toBe('message without content');
		expect(onlyItem(noContentStub, { ignoreEmptyMessages: false })).toEqual(
			received({ messageId: '3A16A2B3C4D5E6F7A8B9', type: 'unknown' }),
		);
	});

	it("drops an album's announcement (its photos come as messages of their own) as a message without content", () => {
		expect(dropped(albumHeader)).toBe('message without content');
		expect(onlyItem(albumHeader, { ignoreEmptyMessages: false })).toMatchObject({ messageId: '3A20A2B3C4D5E6F7A8B9', type: 'unknown' });
	});

	it('includes, ignores or only takes group messages', () => {
		expect(onlyItem(groupText, { groupMessages: 'include' })).toMatchObject({ isGroup: true });
		expect(onlyItem(textConversation, { groupMessages: 'include' })).toMatchObject({ isGroup: false });
		expect(dropped(groupText, { groupMessages: 'ignore' })).toBe('group message');
		expect(onlyItem(textConversation, { groupMessages: 'ignore' })).toMatchObject({ isGroup: false });
		expect(onlyItem(groupText, { groupMessages: 'only' })).toMatchObject({ isGroup: true });
		expect(dropped(textConversation, { groupMessages: 'only' })).toBe('not a group message');
	});

	describe('Only Chats', () => {
		it.each([
			['a number as people type it', ['+91 98765-43210']],
			['digits', ['919876543210']],
			['a chat ID', [RAVI]],
			['a @c.us chat ID', ['919876543210@c.us']],
			['a leading 00', ['0091 98765 43210']],
			['text with several chats', '919999999999, +91 98765-43210\n120363041234567890@g.us'],
		])('matches %s', (_name, onlyChats) => {
			expect(onlyItem(textConversation, { onlyChats })).toMatchObject({ chatId: RAVI });
		});

		it('matches @lid chats by their phone number and by their privacy ID', () => {
			expect(onlyItem(lidPrivate, { onlyChats: ['+91 98765-43210'] })).toMatchObject({ chatId: RAVI });
			expect(onlyItem(lidSenderPn, { onlyChats: ['919876543210'] })).toMatchObject({ chatId: RAVI });
			expect(onlyItem(lidPrivate, { onlyChats: ['123456789012345@LID'] })).toMatchObject({ chatId: RAVI });
		});

		it('matches groups by group ID, not by the sender', () => {
			expect(onlyItem(groupText, { onlyChats: [GROUP] })).toMatchObject({ groupId: GROUP });
			expect(dropped(groupText, { onlyChats: ['919812345678'] })).toBe('chat not among the chosen chats');
		});

		it('drops other chats, and keeps the chosen ones of a multi-message request', () => {
			expect(dropped(textConversation, { onlyChats: ['+91 99999 99999'] })).toBe('chat not among the chosen chats');
			const { items, ignored } = eventsToItems(multiMessage, { onlyChats: ['919812345678', GROUP] });
			expect(items.map((item) => item.text)).toEqual(['second', 'third']);
			expect(ignored).toBe('chat not among the chosen chats');
		});

		it('lets everything through when empty', () => {
			expect(eventsToItems(multiMessage, { onlyChats: [] }).items).toHaveLength(3);
			expect(eventsToItems(multiMessage, { onlyChats: ' , ' }).items).toHaveLength(3);
		});
	});

	it('counts the reasons when several messages of one request are dropped', () => {
		const messages = [
			...firstMessage(statusBroadcast).messages as IDataObject[],
			...firstMessage(statusBroadcast).messages as IDataObject[],
			...firstMessage(textConversation).messages as IDataObject[],
			...firstMessage(ownPhoneMessage).messages as IDataObject[],
		];
		const body = { instance_id: INSTANCE, data: { event: 'messages.upsert', data: { type: 'notify', messages } } };
		const { items, ignored } = eventsToItems(body, { events: ['any'] });
		expect(items.map((item) => item.messageId)).toEqual(['3A1F0C9E8B7D6A5B4C3D']);
		expect(ignored).toBe('status broadcast (2), own message');
	});

	describe('instance ID', () => {
		it('ignores events for another instance when the node has one set', () => {
			expect(dropped(otherInstance, { instanceId: INSTANCE })).toBe(
				'event for instance 77AABBCCDDEEF, not 66F1C2A3B4D5E',
			);
			expect(onlyItem(textConversation, { instanceId: ` ${INSTANCE.toLowerCase()} ` })).toMatchObject({
				instanceId: INSTANCE,
			});
		});

		it('takes events of any instance when the node has none set', () => {
			expect(onlyItem(otherInstance)).toMatchObject({ instanceId: '77AABBCCDDEEF', text: 'Hi' });
			expect(onlyItem(otherInstance, { instanceId: '' })).toMatchObject({ instanceId: '77AABBCCDDEEF' });
		});

		it('ignores events without an instance ID when the node has one set', () => {
			const body = { data: textConversation.data };
			expect(dropped(body, { instanceId: INSTANCE })).toBe('event without an instance ID');
			expect(onlyItem(body)).toMatchObject({ instanceId: '' });
		});
	});

	it('uses the defaults for options the node leaves undefined', () => {
		expect(onlyItem(textConversation, { simplify: undefined, events: undefined })).toEqual(
			received({ messageId: '3A1F0C9E8B7D6A5B4C3D', text: 'Hi, price?' }),
		);
		expect(DEFAULT_TRIGGER_SETTINGS).toEqual({
			events: ['messageReceived'],
			ignoreOwnMessages: true,
			groupMessages: 'include',
			ignoreStatusBroadcasts: true,
			onlyChats: [],
			ignoreReactions: true,
			ignoreProtocolMessages: true,
			ignoreEmptyMessages: true,
			emitChatAnswers: false,
			simplify: true,
			ignoreOlderThanMinutes: 10,
			ignoreRepeatedMessages: true,
		});
	});

	// The node leaves options nobody added unset, so the event functions fill them in: the
	// editor must show the same defaults the events are filtered with.
	it("shows the defaults the events are filtered with in the node's fields", () => {
		const field = (name: string) => triggerProperties.find((property) => property.name === name);
		const options = (field('options')?.options ?? []) as INodeProperties[];
		const shown = Object.fromEntries(
			[field('events'), field('simplify'), ...options].map((property) => [property?.name, property?.default]),
		);
		// Only These Chats is text in the editor: empty text and an empty list both mean every chat.
		// Download Media is off by default; its settings are not filters.
		expect(shown).toEqual({
			...DEFAULT_TRIGGER_SETTINGS,
			onlyChats: '',
			downloadMedia: false,
			binaryPropertyName: 'data',
			allowedMediaHosts: '',
			maxMediaSizeMb: DEFAULT_MAX_MEDIA_MB,
			mediaTimeoutSeconds: DEFAULT_MEDIA_TIMEOUT_SECONDS,
			// Every kind of file, as before the option existed.
			downloadMediaTypes: ['audio', 'document', 'image', 'sticker', 'video', 'voice'],
		});
	});
});

describe('message status updates', () => {
	const receipt = (fields: IDataObject): IDataObject => ({
		event: 'messageStatus',
		gatewayEvent: 'messages.update',
		instanceId: INSTANCE,
		messageId: '3EB0A1B2C3D4E5F60718',
		chatId: RAVI,
		fromMe: true,
		isGroup: false,
		groupId: null,
		participant: null,
		failureCode: null,
		timestamp: NOW,
		...fields,
	});

	it('drops them when Message Status Update is not chosen', () => {
		expect(dropped(receipts)).toBe('messageStatus not among the chosen events');
	});

	it('says the status in words, with the failure code of a refused message', () => {
		const { items, ignored } = eventsToItems(receipts, { events: ['messageStatus'] });
		expect(ignored).toBe('');
		expect(items).toEqual([
			receipt({ status: 'sent', statusCode: 2 }),
			receipt({ status: 'delivered', statusCode: 3 }),
			receipt({ status: 'read', statusCode: 4 }),
			receipt({
				messageId: '3EB0FAFAFAFAFAFAFAFA',
				chatId: '918888777766@s.whatsapp.net',
				status: 'failed',
				statusCode: 0,
				failureCode: '463',
			}),
		]);
	});

	it('reads statuses written as protobuf names, and drops updates that are not about delivery', () => {
		const body = {
			instance_id: INSTANCE,
			data: {
				event: 'messages.update',
				data: [
					{ key: { remoteJid: RAVI, id: 'P1', fromMe: true }, update: { status: 'PLAYED' } },
					{ key: { remoteJid: RAVI, id: 'P2', fromMe: true }, update: { status: 'PENDING' } },
					{ key: { remoteJid: RAVI, id: 'P3', fromMe: false }, update: { message: { editedMessage: {} } } },
					{ key: { remoteJid: RAVI, id: 'P4', fromMe: true }, update: { status: 9 } },
				],
			},
		};
		const { items, ignored } = eventsToItems(body, { events: ['messageStatus'] });
		expect(items.map((item) => [item.messageId, item.status, item.statusCode])).toEqual([
			['P1', 'played', 5],
			['P2', 'pending', 1],
		]);
		expect(ignored).toBe('message update without a status (2)');
	});

	it('applies the chat filters, but not Ignore Own Messages', () => {
		const settings = { events: ['messageStatus'], ignoreOwnMessages: true };
		expect(eventsToItems(receipts, { ...settings, onlyChats: ['+91 98765 43210'] }).items).toHaveLength(3);
		expect(dropped(receipts, { ...settings, groupMessages: 'only' })).toBe('not a group message (4)');
	});

	it('gives them as received in raw mode', () => {
		const { items } = eventsToItems(receipts, { events: ['messageStatus'], simplify: false });
		expect(items[3]).toEqual({
			key: { remoteJid: '918888777766@s.whatsapp.net', id: '3EB0FAFAFAFAFAFAFAFA', fromMe: true },
			update: { status: 0, messageStubParameters: ['463'] },
			event: 'messageStatus',
			gatewayEvent: 'messages.update',
			instanceId: INSTANCE,
		});
	});
});

describe('connection updates', () => {
	const connection = (fields: IDataObject): IDataObject => ({
		event: 'connectionUpdate',
		gatewayEvent: 'connection.update',
		instanceId: INSTANCE,
		reason: null,
		statusCode: null,
		qr: null,
		timestamp: NOW,
		...fields,
	});
	const settings = { events: ['connectionUpdate'] };

	it.each<[string, unknown, IDataObject]>([
		['open', connectionOpen, { connection: 'open' }],
		[
			'closed: logged out (401)',
			connectionClose401,
			{ connection: 'close', reason: 'logged out', statusCode: 401, timestamp: JAN_1 },
		],
		[
			'closed: restart required (515)',
			connectionClose515,
			{ connection: 'close', reason: 'restart required', statusCode: 515, timestamp: '2025-01-01T00:05:00.000Z' },
		],
		['QR code to scan', connectionQr, { connection: 'qr', qr: '2@Xy9AbCdEfGh,IjKlMnOpQr=,StUvWxYz=,AbCd=' }],
	])('%s', (_name, body, fields) => {
		expect(onlyItem(body, settings)).toEqual(connection(fields));
	});

	it('drops them when not chosen, and updates without a state', () => {
		expect(dropped(connectionOpen)).toBe('connectionUpdate not among the chosen events');
		const noState = { instance_id: INSTANCE, data: { event: 'connection.update', data: { receivedPendingNotifications: true } } };
		expect(dropped(noState, settings)).toBe('connection update without a state');
	});

	it('gives a close code it does not know without a reason', () => {
		const body = {
			instance_id: INSTANCE,
			data: { event: 'connection.update', data: { connection: 'close', lastDisconnect: { error: { output: { statusCode: 499 } } } } },
		};
		expect(onlyItem(body, settings)).toEqual(connection({ connection: 'close', statusCode: 499 }));
	});

	it('gives the update as received in raw mode', () => {
		expect(onlyItem(connectionOpen, { ...settings, simplify: false })).toEqual({
			connection: 'open',
			event: 'connectionUpdate',
			gatewayEvent: 'connection.update',
			instanceId: INSTANCE,
		});
	});
});

describe('contacts and group updates', () => {
	it('gives one item per contact, with the phone number of privacy-ID contacts', () => {
		const { items, ignored } = eventsToItems(contactsUpsert, { events: ['contactsUpdate'] });
		expect(ignored).toBe('');
		const header = { event: 'contactsUpdate', gatewayEvent: 'contacts.upsert', instanceId: INSTANCE };
		expect(items).toEqual([
			{ ...header, contactId: RAVI, phoneNumber: '919876543210', name: 'Ravi Kumar' },
			{ ...header, contactId: '123456789012345@lid', phoneNumber: '919812345678', name: 'Priya' },
		]);
	});

	it('gives contacts.update the same way', () => {
		expect(onlyItem(contactsUpdate, { events: ['contactsUpdate'] })).toEqual({
			event: 'contactsUpdate',
			gatewayEvent: 'contacts.update',
			instanceId: INSTANCE,
			contactId: RAVI,
			phoneNumber: '919876543210',
			name: 'Ravi',
		});
		expect(dropped(contactsUpdate)).toBe('contactsUpdate not among the chosen events');
	});

	it('gives one item per group update, with only what changed', () => {
		const { items } = eventsToItems(groupsUpdate, { events: ['groupUpdate'] });
		const header = { event: 'groupUpdate', gatewayEvent: 'groups.update', instanceId: INSTANCE };
		expect(items).toEqual([
			{
				...header,
				groupId: GROUP,
				name: 'Sales team 2025',
				description: null,
				onlyAdminsCanSend: null,
				onlyAdminsCanEditInfo: null,
				changedBy: '919812345678',
			},
			{
				...header,
				groupId: '120363099999999999@g.us',
				name: null,
				description: null,
				onlyAdminsCanSend: true,
				onlyAdminsCanEditInfo: null,
				changedBy: null,
			},
		]);
	});

	it('applies Only Chats to group updates', () => {
		const { items, ignored } = eventsToItems(groupsUpdate, { events: ['groupUpdate'], onlyChats: [GROUP] });
		expect(items.map((item) => item.groupId)).toEqual([GROUP]);
		expect(ignored).toBe('chat not among the chosen chats');
	});

	it('gives entries as received in raw mode', () => {
		const { items } = eventsToItems(contactsUpdate, { events: ['any'], simplify: false });
		expect(items).toEqual([
			{ id: RAVI, notify: 'Ravi', event: 'contactsUpdate', gatewayEvent: 'contacts.update', instanceId: INSTANCE },
		]);
	});
});

describe('events this node does not know', () => {
	it('passes them through as received under Any', () => {
		expect(onlyItem(unknownEvent, { events: ['any'] })).toEqual({
			event: 'battery.update',
			gatewayEvent: 'battery.update',
			instanceId: INSTANCE,
			data: { level: 57, charging: false },
		});
		expect(dropped(unknownEvent)).toBe('battery.update not among the chosen events');
	});

	it('offers Any and the six known events in the multi-select', () => {
		expect(TRIGGER_EVENT_OPTIONS.map((option) => [option.name, option.value])).toEqual([
			['Any', 'any'],
			['Connection Update', 'connectionUpdate'],
			['Contacts Update', 'contactsUpdate'],
			['Group Update', 'groupUpdate'],
			['Message Received', 'messageReceived'],
			['Message Sent', 'messageSent'],
			['Message Status Update', 'messageStatus'],
		]);
	});

	it('recognises event names spelled in upper case with underscores', () => {
		const body = { instance_id: INSTANCE, data: { event: 'MESSAGES_UPSERT', data: firstMessage(textConversation) } };
		expect(onlyItem(body)).toMatchObject({ event: 'messageReceived', gatewayEvent: 'MESSAGES_UPSERT', text: 'Hi, price?' });
	});
});

describe('raw mode', () => {
	it('gives the message as received plus event and instanceId, one item per message', () => {
		const { items } = eventsToItems(multiMessage, { simplify: false });
		const messages = firstMessage(multiMessage).messages as IDataObject[];
		expect(items).toEqual(
			messages.map((message) => ({
				...message,
				event: 'messageReceived',
				gatewayEvent: 'messages.upsert',
				instanceId: INSTANCE,
			})),
		);
	});

	it('still applies the filters', () => {
		expect(dropped(ownEcho, { simplify: false })).toBe('messageSent not among the chosen events');
		expect(dropped(statusBroadcast, { simplify: false, events: ['any'] })).toBe('status broadcast');
	});
});

describe('malformed requests', () => {
	it.each(Object.entries(malformed))('%s: no items, a reason, no exception', (_name, body) => {
		expect(dropped(body)).toMatch(/\w/);
	});

	it.each<[string, unknown, string]>([
		['not JSON', 'this is not json', 'the request body is not a JSON object'],
		['an array', [], 'the request body is not a JSON object'],
		['empty object', {}, 'the request body has no data.event: not a Wonotify event'],
		['data null', { data: null }, 'the request body has no data.event: not a Wonotify event'],
		['messages not an array', malformed.messagesNotArray, 'messages.upsert without a messages list'],
		[
			'no messages',
			{ instance_id: INSTANCE, data: { event: 'messages.upsert', data: { messages: [] } } },
			'messages.upsert with nothing in it',
		],
		[
			'contacts not a list',
			{ instance_id: INSTANCE, data: { event: 'contacts.update', data: 'x' } },
			'contacts.update without entries',
		],
	])('%s', (_name, body, reason) => {
		expect(dropped(body, { events: ['any'] })).toBe(reason);
	});

	it('reads a body that arrives as JSON text', () => {
		expect(onlyItem(JSON.stringify(textConversation))).toMatchObject({ text: 'Hi, price?' });
	});

	it('never throws, whatever the input', () => {
		const odd: unknown[] = [null, undefined, 0, 42, true, 'x', [], [null], {}, { key: null }, { key: { remoteJid: 5 } }];
		const messages: unknown[] = [
			...odd,
			{ key: { remoteJid: RAVI }, message: null },
			{ key: { remoteJid: RAVI, id: 7 }, message: [] },
			{ key: { remoteJid: RAVI }, message: { imageMessage: null, videoMessage: 'x' } },
			{ key: { remoteJid: RAVI }, message: { audioMessage: [], fileLength: {} } },
			{ key: { remoteJid: RAVI }, message: { interactiveResponseMessage: { nativeFlowResponseMessage: { paramsJson: '{not json' } } } },
			{ key: { remoteJid: RAVI }, message: { interactiveResponseMessage: { nativeFlowResponseMessage: { paramsJson: 'null' } } } },
			{ key: { remoteJid: RAVI }, message: { contactsArrayMessage: { contacts: [null, 'x', { vcard: 5 }] } } },
			{ key: { remoteJid: RAVI }, message: { locationMessage: { degreesLatitude: 'north' } } },
			{ key: { remoteJid: RAVI }, message: { listResponseMessage: { singleSelectReply: 'x' } } },
			{ key: { remoteJid: RAVI }, message: { ephemeralMessage: { message: { ephemeralMessage: null } } } },
			{ key: { remoteJid: RAVI }, message: { constructor: { message: {} }, toString: 1 } },
			{ key: { remoteJid: GROUP, participant: ['x'], participantAlt: {} }, messageTimestamp: 'soon', pushName: 3 },
		];
		const datas: unknown[] = [
			...odd,
			{ messages },
			{ messages: 'x' },
			messages,
			{ connection: 5, qr: {} },
			{ connection: 'close', lastDisconnect: { error: 'boom', date: 'yesterday' } },
			[{ key: { remoteJid: RAVI }, update: null }],
			[{ key: { remoteJid: RAVI }, update: { status: 'constructor', messageStubParameters: 'x' } }],
			[{ id: null, subject: 5, announce: 'yes' }],
		];
		const names = [
			'messages.upsert',
			'messages.update',
			'connection.update',
			'contacts.upsert',
			'groups.update',
			'constructor',
			'__proto__',
			'toString',
			'',
			5,
		];
		const settingsList: Array<Partial<TriggerSettings>> = [
			{ events: ['any'], ignoreOwnMessages: false, ignoreEmptyMessages: false, ignoreProtocolMessages: false },
			{ events: ['any'], simplify: false, onlyChats: ['x', '+91 98765 43210', GROUP] },
			{ events: ['any'], instanceId: INSTANCE, groupMessages: 'only' },
			{},
		];
		for (const name of names) {
			for (const data of datas) {
				for (const instanceId of [INSTANCE, 5, null]) {
					for (const settings of settingsList) {
						const body = { instance_id: instanceId, data: { event: name, data } };
						const result = eventsToItems(body, settings);
						expect(typeof result.ignored).toBe('string');
						for (const item of result.items) expect(typeof item.event).toBe('string');
						if (result.items.length === 0) expect(result.ignored).not.toBe('');
					}
				}
			}
		}
	});
});
