import type { WonotifyResource } from '../../types';
import { downloadMedia } from './downloadMedia';
import { sendAndWait } from './sendAndWait';
import { sendButtons } from './sendButtons';
import { sendList } from './sendList';
import { sendMedia } from './sendMedia';
import { sendTemplate } from './sendTemplate';
import { sendText } from './sendText';

export const messageResource: WonotifyResource = {
	value: 'message',
	name: 'Message',
	operations: [sendText, sendMedia, sendButtons, sendTemplate, sendList, sendAndWait, downloadMedia],
};
