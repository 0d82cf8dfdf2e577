// WhatsApp often does not render buttons and lists (WhatsApp Web and Desktop rarely do), so
// users can add or send the same choices as numbered plain text that every client shows.
import type { Button } from './buttons';
import type { ListSection } from './list';

export type TextFallback = 'none' | 'append' | 'textOnly';

export function buttonChoicesText(buttons: Button[]): string {
	return buttons
		.map((button, index) => {
			const number = `${index + 1}.`;
			if (button.type === 'cta_url') return `${number} ${button.displayText}: ${button.url}`;
			if (button.type === 'cta_call') return `${number} ${button.displayText}: ${button.phoneNumber}`;
			if (button.type === 'cta_copy') return `${number} ${button.displayText}: ${button.copyCode}`;
			return `${number} ${button.displayText}`;
		})
		.join('\n');
}

export function listChoicesText(sections: ListSection[]): string {
	let number = 0;
	return sections
		.map((section) => {
			const rows = section.rows.map((row) => {
				number += 1;
				return `${number}. ${row.title}${row.description ? ` — ${row.description}` : ''}`;
			});
			return section.title ? [`*${section.title}*`, ...rows].join('\n') : rows.join('\n');
		})
		.join('\n\n');
}

/** Joins the parts of a message that are set, one blank line apart. */
export function joinParagraphs(...parts: Array<string | undefined>): string {
	return parts.filter((part): part is string => part !== undefined && part.trim() !== '').join('\n\n');
}
