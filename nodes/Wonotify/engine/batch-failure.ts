// When a failure stops the node, n8n keeps none of its output: the items that went through
// before it look lost, although WhatsApp did send them, and running the workflow again sends
// them a second time. The error says so, and how to keep going past failures instead.
import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

// Enough to see the pattern; a long scattered list (parallel sends) would bury the advice.
const MAX_LISTED_PARTS = 8;

/**
 * `item 4`, `items 0–36`, `items 0–2, 5, 7 and 8`: item indexes, compactly and in order. A
 * long list names its first parts and counts the items left: `items 0, 2, …, 14 and 85 more`.
 */
export function describeItemIndexes(indexes: number[]): string {
	const sorted = [...new Set(indexes)].sort((a, b) => a - b);
	const parts = listParts(sorted);
	if (parts.length === 1) return `${sorted.length === 1 ? 'item' : 'items'} ${parts[0].text}`;
	if (parts.length > MAX_LISTED_PARTS) {
		const listed = parts.slice(0, MAX_LISTED_PARTS);
		const itemsLeft = sorted.length - listed.reduce((sum, part) => sum + part.items, 0);
		return `items ${listed.map((part) => part.text).join(', ')} and ${itemsLeft} more`;
	}
	const texts = parts.map((part) => part.text);
	return `items ${texts.slice(0, -1).join(', ')} and ${texts[texts.length - 1]}`;
}

/** Runs of consecutive indexes as `0–36`; a run of two reads better as two parts, `5` and `6`. */
function listParts(sorted: number[]): Array<{ text: string; items: number }> {
	const runs: Array<[number, number]> = [];
	for (const index of sorted) {
		const last = runs[runs.length - 1];
		if (last !== undefined && index === last[1] + 1) last[1] = index;
		else runs.push([index, index]);
	}
	return runs.flatMap(([first, last]) => {
		if (last - first >= 2) return [{ text: `${first}–${last}`, items: last - first + 1 }];
		return (first === last ? [first] : [first, last]).map((index) => ({ text: `${index}`, items: 1 }));
	});
}

/**
 * The note for a node stopped by a failure after `doneIndexes` went through; undefined when
 * nothing did. `sendsMessages`: the items were WhatsApp messages (else instance actions).
 */
export function partialBatchNote(doneIndexes: number[], sendsMessages: boolean): string | undefined {
	const count = new Set(doneIndexes).size;
	if (count === 0) return undefined;
	const one = count === 1;
	const what = sendsMessages ? (one ? 'message' : 'messages') : one ? 'action' : 'actions';
	const done = sendsMessages ? 'sent' : 'done';
	const again = sendsMessages ? `sends ${one ? 'it' : 'them'} again` : `does ${one ? 'it' : 'them'} again`;
	const items = describeItemIndexes(doneIndexes);
	return (
		`${items.charAt(0).toUpperCase()}${items.slice(1)} (${count} ${what}) ${one ? 'was' : 'were'} already ${done} before this error stopped the node. ` +
		`Running the workflow again, or retrying this execution, ${again}. ` +
		'To keep going past failed items instead, open this node\'s Settings → On Error and choose "Continue (using error output)" or "Continue".'
	);
}

/** Adds the note to the error's description (after the advice about the error itself). */
export function withPartialBatchNote<T extends NodeApiError | NodeOperationError>(
	error: T,
	doneIndexes: number[],
	sendsMessages: boolean,
): T {
	const note = partialBatchNote(doneIndexes, sendsMessages);
	if (note === undefined) return error;
	const advice = typeof error.description === 'string' ? error.description.trim() : '';
	error.description = advice === '' ? note : `${advice}\n\n${note}`;
	return error;
}
