/**
 * A promise's value or its error, so that the error can be turned into a node error outside a
 * catch block (n8n's lint rules want node errors, not other errors, thrown from catch blocks).
 */
export async function settle<T>(run: () => Promise<T>): Promise<{ value: T } | { error: unknown }> {
	try {
		return { value: await run() };
	} catch (error) {
		return { error };
	}
}
