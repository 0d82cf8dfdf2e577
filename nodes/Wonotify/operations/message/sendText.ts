import { chatIdField } from '../../fields/common-fields';
import { parseRecipient } from '../../sending/recipients';
import { textOperation } from '../send-operation';

export const sendText = textOperation({
	value: 'sendText',
	name: 'Send Text',
	action: 'Send a text message',
	description: 'Send a text message to a phone number or chat',
	recipientField: chatIdField,
	toRecipient: (value, defaultCountryCode) => parseRecipient(chatIdField.displayName, value, defaultCountryCode),
	examples: [{ parameters: { chatId: '919876543210', message: 'Hello' } }],
});
