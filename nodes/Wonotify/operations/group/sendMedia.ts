import { groupIdField } from '../../fields';
import { parseGroupId } from '../../recipients';
import { withReachableMedia } from '../../gateway-reach';
import { mediaOperation } from '../text-and-media';

export const sendGroupMedia = withReachableMedia(
	mediaOperation({
		value: 'sendMedia',
		name: 'Send Media',
		action: 'Send an image, video, audio or document to a group',
		description: 'Send a file from a public URL, with an optional caption, to a WhatsApp group',
		recipientField: groupIdField,
		toRecipient: (value) => ({ kind: 'group', groupId: parseGroupId(groupIdField.displayName, value) }),
	}),
);
