import { groupIdField } from '../../fields';
import { parseGroupId } from '../../recipients';
import { textOperation } from '../text-and-media';

export const sendGroupText = textOperation({
	value: 'sendText',
	name: 'Send Text',
	action: 'Send a text message to a group',
	description: 'Send a text message to a WhatsApp group',
	recipientField: groupIdField,
	toRecipient: (value) => ({ kind: 'group', groupId: parseGroupId(groupIdField.displayName, value) }),
});
