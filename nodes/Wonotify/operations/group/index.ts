import type { WonotifyResource } from '../../types';
import { sendGroupMedia } from './sendMedia';
import { sendGroupText } from './sendText';

export const groupResource: WonotifyResource = {
	value: 'group',
	name: 'Group',
	operations: [sendGroupText, sendGroupMedia],
};
