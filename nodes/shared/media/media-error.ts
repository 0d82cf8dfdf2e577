/**
 * A media download that cannot be done, in words for the user: what happened, and in `hint`
 * what to do. The action node turns it into a node error; the trigger into the item's
 * `mediaError`, so the message itself still reaches the workflow.
 */
export class MediaError extends Error {
	constructor(
		message: string,
		readonly hint: string,
	) {
		super(message);
		this.name = 'MediaError';
	}
}
