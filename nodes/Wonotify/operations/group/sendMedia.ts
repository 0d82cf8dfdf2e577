import { groupIdField } from '../../fields/common-fields';
import { parseGroupId } from '../../sending/recipients';
import { withReachableMedia } from '../../sending/gateway-reach';
import { mediaOperation } from '../send-operation';

export const sendGroupMedia = withReachableMedia(
	mediaOperation({
		value: 'sendMedia',
		name: 'Send Media',
		action: 'Send an image, video, audio or document to a group',
		description: 'Send a file from a public URL or from an earlier node, with an optional caption, to a WhatsApp group',
		recipientField: groupIdField,
		toRecipient: (value) => ({ kind: 'group', groupId: parseGroupId(groupIdField.displayName, value) }),
		examples: [{ parameters: { groupId: '120363023285171234@g.us', mediaUrl: 'https://example.com/photo.jpg' } }],
	}),
);
