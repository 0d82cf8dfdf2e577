// List messages: rows grouped into sections, from the node's fields or from JSON.
import type { IDataObject } from 'n8n-workflow';

import { InputError, requireText } from '../../shared/input-error';
import { isObject, textOf } from '../../shared/values';
import { checkCount, checkUnique, parseJsonArray } from './json-input';

/** One row as the node's fields describe it; rows sharing a Section Title form one section. */
export interface ListRowFields {
	section?: string;
	title?: string;
	rowId?: string;
	description?: string;
}

export interface ListSection {
	title: string;
	rows: Array<{ title: string; rowId: string; description: string }>;
}

export const MAX_LIST_ROWS = 10;
const FIELD = 'Rows';

export function sectionsFromFields(rows: ListRowFields[]): ListSection[] {
	checkCount(FIELD, rows.length, 1, MAX_LIST_ROWS, 'rows');
	const sections: ListSection[] = [];
	rows.forEach((row, index) => {
		const label = `${FIELD} → row ${index + 1}`;
		const title = requireText(`${label} → Title`, row.title);
		const sectionTitle = textOf(row.section);
		let section = sections.find((candidate) => candidate.title === sectionTitle);
		if (section === undefined) {
			section = { title: sectionTitle, rows: [] };
			sections.push(section);
		}
		section.rows.push({ title, rowId: textOf(row.rowId) || title, description: textOf(row.description) });
	});
	checkRowIds(FIELD, sections);
	return sections;
}

/** JSON mode: the gateway's own `sections` format, `[{ title, rows: [{ title, rowId, description }] }]`. */
export function sectionsFromJson(field: string, value: unknown): ListSection[] {
	const entries = parseJsonArray(field, value);
	checkCount(field, entries.length, 1, MAX_LIST_ROWS, 'sections');
	const sections = entries.map((entry, sectionIndex) => {
		const label = `${field} → section ${sectionIndex + 1}`;
		if (!isObject(entry) || !Array.isArray(entry.rows)) throw new InputError(label, 'must be an object with a rows array');
		if (entry.rows.length === 0) throw new InputError(label, 'has no rows');
		return {
			title: textOf(entry.title),
			rows: entry.rows.map((row, rowIndex) => {
				const rowLabel = `${label} → row ${rowIndex + 1}`;
				if (!isObject(row)) throw new InputError(rowLabel, 'must be an object with a title');
				const title = requireText(`${rowLabel} → title`, row.title);
				return { title, rowId: textOf(row.rowId) || title, description: textOf(row.description) };
			}),
		};
	});
	const rowCount = sections.reduce((sum, section) => sum + section.rows.length, 0);
	checkCount(field, rowCount, 1, MAX_LIST_ROWS, 'rows');
	checkRowIds(field, sections);
	return sections;
}

function checkRowIds(field: string, sections: ListSection[]): void {
	checkUnique(field, sections.flatMap((section) => section.rows.map((row) => row.rowId)), 'Row ID');
}

export function toListSections(sections: ListSection[]): IDataObject[] {
	return sections.map((section) => ({
		title: section.title,
		rows: section.rows.map((row) => ({ title: row.title, rowId: row.rowId, description: row.description })),
	}));
}
