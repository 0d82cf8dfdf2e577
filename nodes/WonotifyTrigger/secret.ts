// The gateway cannot sign its webhook calls, so the URL it is given carries a random secret
// and every call must bring it back. Compared in constant time so timing reveals nothing.
import { randomBytes, timingSafeEqual } from 'crypto';

export const SECRET_QUERY_PARAMETER = 'secret';

export function newSecret(): string {
	return randomBytes(24).toString('hex');
}

export function withSecret(webhookUrl: string, secret: string): string {
	const url = new URL(webhookUrl);
	url.searchParams.set(SECRET_QUERY_PARAMETER, secret);
	return url.toString();
}

export function secretMatches(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || expected === '') return false;
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}
