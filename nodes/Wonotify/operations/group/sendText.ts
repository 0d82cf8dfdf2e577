import { groupIdField } from '../../fields/common-fields';
import { parseGroupId } from '../../sending/recipients';
import { textOperation } from '../send-operation';

export const sendGroupText = textOperation({
	value: 'sendText',
	name: 'Send Text',
	action: 'Send a text message to a group',
	description: 'Send a text message to a WhatsApp group',
	recipientField: groupIdField,
	toRecipient: (value) => ({ kind: 'group', groupId: parseGroupId(groupIdField.displayName, value) }),
	examples: [{ parameters: { groupId: '120363023285171234@g.us', message: 'Hello team' } }],
});
