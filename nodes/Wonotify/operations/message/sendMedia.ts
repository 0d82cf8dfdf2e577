import { chatIdField } from '../../fields/common-fields';
import { parseRecipient } from '../../sending/recipients';
import { withReachableMedia } from '../../sending/gateway-reach';
import { mediaOperation } from '../send-operation';

export const sendMedia = withReachableMedia(
	mediaOperation({
		value: 'sendMedia',
		name: 'Send Media',
		action: 'Send an image, video, audio or document',
		description: 'Send a file from a public URL or from an earlier node, with an optional caption, to a phone number or chat',
		recipientField: chatIdField,
		toRecipient: (value, defaultCountryCode) => parseRecipient(chatIdField.displayName, value, defaultCountryCode),
		examples: [{ parameters: { chatId: '919876543210', mediaUrl: 'https://example.com/photo.jpg' } }],
	}),
);
