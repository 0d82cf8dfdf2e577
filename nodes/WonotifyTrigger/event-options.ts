// The events a user can choose in the trigger, and the `event` name each output item carries.
import type { INodePropertyOptions } from 'n8n-workflow';

export type TriggerEvent =
	| 'any'
	| 'connectionUpdate'
	| 'contactsUpdate'
	| 'groupUpdate'
	| 'messageReceived'
	| 'messageSent'
	| 'messageStatus';

/** The node's Events multi-select; `value` is also the `event` field of every output item. */
export const TRIGGER_EVENT_OPTIONS: Array<INodePropertyOptions & { value: TriggerEvent }> = [
	{
		name: 'Any',
		value: 'any',
		description: 'Every event, including ones this node does not know (those come as received)',
	},
	{
		name: 'Connection Update',
		value: 'connectionUpdate',
		description: 'The WhatsApp connection opened, closed, or needs a QR code scan',
	},
	{ name: 'Contacts Update', value: 'contactsUpdate', description: 'Contacts were added or changed their name' },
	{ name: 'Group Update', value: 'groupUpdate', description: 'A group changed its name, description or settings' },
	{
		name: 'Message Received',
		value: 'messageReceived',
		description: 'Someone sent a message to this WhatsApp account, in a private chat or a group',
	},
	{
		name: 'Message Sent',
		value: 'messageSent',
		description: 'This WhatsApp account sent a message: from a workflow, or typed on the phone',
	},
	{
		name: 'Message Status Update',
		value: 'messageStatus',
		description: 'A message was sent, delivered, read, played, or failed',
	},
];
