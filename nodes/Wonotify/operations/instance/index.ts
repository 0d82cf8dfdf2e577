import type { WonotifyResource } from '../../types';
import { create } from './create';
import { getQrCode } from './getQrCode';
import { logout } from './logout';
import { reboot } from './reboot';
import { reconnect } from './reconnect';
import { reset } from './reset';
import { setWebhook } from './setWebhook';

export const instanceResource: WonotifyResource = {
	value: 'instance',
	name: 'Instance',
	operations: [create, getQrCode, reboot, reset, reconnect, logout, setWebhook],
};
