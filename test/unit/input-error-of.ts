import { InputError } from '../../nodes/shared/input-error';

/** Runs `fn`, expects it to throw an InputError and returns it. */
export function inputErrorOf(fn: () => unknown): InputError {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return error as InputError;
	}
	throw new Error('expected an InputError, but nothing was thrown');
}
