import { chatIdField } from '../../fields';
import { parseRecipient } from '../../recipients';
import { textOperation } from '../text-and-media';

export const sendText = textOperation({
	value: 'sendText',
	name: 'Send Text',
	action: 'Send a text message',
	description: 'Send a text message to a phone number or chat',
	recipientField: chatIdField,
	toRecipient: (value) => parseRecipient(chatIdField.displayName, value),
});
