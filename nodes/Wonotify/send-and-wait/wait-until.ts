// When waiting for an answer stops: Limit Wait Time, or never.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';

import { InputError } from '../../shared/input-error';

const SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

export function waitUntil(context: IExecuteFunctions): Date {
	const limit = context.getNodeParameter('options.limitWaitTime.values', 0, {}) as IDataObject;
	if (Object.keys(limit).length === 0) return WAIT_INDEFINITELY;
	if (limit.limitType === 'atSpecifiedTime') {
		const date = new Date(String(limit.maxDateAndTime ?? ''));
		if (Number.isNaN(date.getTime())) throw new InputError('Limit Wait Time → Max Date and Time', `"${String(limit.maxDateAndTime)}" is not a date`);
		return date;
	}
	const amount = Number(limit.resumeAmount ?? 1);
	const unit = SECONDS[String(limit.resumeUnit ?? 'hours')];
	if (!Number.isFinite(amount) || amount < 0 || unit === undefined) throw new InputError('Limit Wait Time → Amount', `"${String(limit.resumeAmount)}" is not a number of ${String(limit.resumeUnit)}`);
	return new Date(Date.now() + amount * unit * 1000);
}
