// The download settings both nodes offer (the trigger's Download Media option and the action
// node's Download Media operation), and how they are read and checked.
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { InputError } from '../input-error';
import type { MediaDownloadOptions } from './download';

export const DEFAULT_MAX_MEDIA_MB = 100;
export const DEFAULT_MEDIA_TIMEOUT_SECONDS = 120;

export const mediaBinaryPropertyField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	hint: 'The name of the output binary field to put the file in',
};

export const maxMediaSizeOption: INodeProperties = {
	displayName: 'Max Media Size (MB)',
	name: 'maxMediaSizeMb',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_MAX_MEDIA_MB,
	description: 'Larger files are not downloaded. WhatsApp allows files of up to 2 GB.',
};

export const allowedMediaHostsOption: INodeProperties = {
	displayName: 'Allowed Media Hosts',
	name: 'allowedMediaHosts',
	type: 'string',
	default: '',
	placeholder: 'e.g. media.example.com, 127.0.0.1:5680',
	description:
		"Hosts besides WhatsApp's own (*.whatsapp.net) that media may be downloaded from, separated by commas: a gateway that rewrites media URLs, or the Wonotify simulator. Files on other hosts are refused, so a forged message cannot make n8n fetch internal addresses.",
};

export const mediaTimeoutOption: INodeProperties = {
	displayName: 'Download Timeout (Seconds)',
	name: 'mediaTimeoutSeconds',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_MEDIA_TIMEOUT_SECONDS,
	description: 'Seconds the whole download of one file may take',
};

/** From the options collection of either node; throws InputError on a value that cannot work. */
export function readMediaDownloadOptions(options: IDataObject): MediaDownloadOptions {
	const maxMb = Number(options.maxMediaSizeMb ?? DEFAULT_MAX_MEDIA_MB);
	if (!Number.isFinite(maxMb) || maxMb <= 0) throw new InputError('Max Media Size (MB)', `must be a number above 0, got "${String(options.maxMediaSizeMb)}"`);
	const timeoutSeconds = Number(options.mediaTimeoutSeconds ?? DEFAULT_MEDIA_TIMEOUT_SECONDS);
	if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
		throw new InputError('Download Timeout (Seconds)', `must be a number above 0, got "${String(options.mediaTimeoutSeconds)}"`);
	}
	const hosts = String(options.allowedMediaHosts ?? '')
		.split(/[\s,]+/)
		.map((host) => host.trim())
		.filter((host) => host !== '');
	const invalid = hosts.find((host) => !/^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i.test(host) && !/^\[[0-9a-f:]+\](:\d{1,5})?$/i.test(host));
	if (invalid !== undefined) {
		throw new InputError('Allowed Media Hosts', `"${invalid}" is not a host name`, 'Write host names only, e.g. media.example.com or 127.0.0.1:5680, without http:// or a path.');
	}
	return { maxBytes: Math.round(maxMb * 1_000_000), allowedHosts: hosts, timeoutSeconds };
}
