import { NodeApiError } from 'n8n-workflow';

import { describeItemIndexes, partialBatchNote, withPartialBatchNote } from '../../nodes/Wonotify/engine/batch-failure';

const node = { id: '1', name: 'Wonotify', type: 'n8n-nodes-wonotify.wonotify', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

describe('describeItemIndexes', () => {
	it.each([
		[[4], 'item 4'],
		[[0, 1], 'items 0 and 1'],
		[Array.from({ length: 37 }, (_, index) => index), 'items 0–36'],
		[[0, 1, 2, 5, 7, 8], 'items 0–2, 5, 7 and 8'],
		[[9, 3, 4, 5, 3], 'items 3–5 and 9'],
	])('%j → %s', (indexes, text) => {
		expect(describeItemIndexes(indexes)).toBe(text);
	});

	it('keeps a long scattered list short', () => {
		const everyOther = Array.from({ length: 30 }, (_, index) => index * 2);
		expect(describeItemIndexes(everyOther)).toBe('items 0, 2, 4, 6, 8, 10, 12, 14 and 22 more');
	});

	it('counts the items left over, not the parts of the list', () => {
		const scatteredThenRun = [0, 2, 4, 6, 8, 10, 12, 14, ...Array.from({ length: 85 }, (_, index) => 16 + index)];
		expect(describeItemIndexes(scatteredThenRun)).toBe('items 0, 2, 4, 6, 8, 10, 12, 14 and 85 more');
	});

	it('counts both items of a pair cut off by the limit', () => {
		// Parts: 0, 2, 4, 6, 8, 10, 12, 13 (of the pair 12–13, listed as two), then 20–29.
		expect(describeItemIndexes([0, 2, 4, 6, 8, 10, 12, 13, ...Array.from({ length: 10 }, (_, index) => 20 + index)])).toBe(
			'items 0, 2, 4, 6, 8, 10, 12, 13 and 10 more',
		);
		expect(describeItemIndexes([0, 2, 4, 6, 8, 10, 12, 14, 15])).toBe('items 0, 2, 4, 6, 8, 10, 12, 14 and 1 more');
	});
});

describe('partialBatchNote', () => {
	it('is undefined when nothing went through', () => {
		expect(partialBatchNote([], true)).toBeUndefined();
	});

	it('counts one message in the singular', () => {
		expect(partialBatchNote([0], true)).toMatch(/^Item 0 \(1 message\) was already sent before this error stopped the node\. Running the workflow again, or retrying this execution, sends it again\./);
	});

	it('names the On Error settings that keep going past failures', () => {
		expect(partialBatchNote([0, 1, 2], true)).toContain(
			'open this node\'s Settings → On Error and choose "Continue (using error output)" or "Continue"',
		);
	});

	it('speaks of actions, not messages, for instance operations', () => {
		expect(partialBatchNote([0, 1], false)).toMatch(/^Items 0 and 1 \(2 actions\) were already done .* does them again\./);
	});
});

describe('withPartialBatchNote', () => {
	it('adds the note after the advice about the error itself', () => {
		const error = new NodeApiError(node, { message: 'x' }, { message: 'Wonotify: quota', description: 'Upgrade the plan.' });
		expect(withPartialBatchNote(error, [0, 1], true).description).toMatch(/^Upgrade the plan\.\n\nItems 0 and 1 \(2 messages\)/);
	});

	it('leaves the error alone when nothing went through', () => {
		const error = new NodeApiError(node, { message: 'x' }, { message: 'Wonotify: quota', description: 'Upgrade the plan.' });
		expect(withPartialBatchNote(error, [], true).description).toBe('Upgrade the plan.');
	});
});
