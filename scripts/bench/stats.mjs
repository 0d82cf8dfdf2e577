// The few numbers the benchmarks quote: medians of repeated rounds, ratios of medians.

export function median(values) {
	const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
	if (sorted.length === 0) return NaN;
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** a / b (NaN when b is 0). */
export function ratio(a, b) {
	return b === 0 ? NaN : a / b;
}

/** The value as shown (2 decimals): targets are judged on what the table shows. */
export const shown = (value, digits = 2) => Number(value.toFixed(digits));

/** A number with `digits` decimals, for tables. */
export function fmt(value, digits = 1) {
	if (!Number.isFinite(value)) return 'n/a';
	const text = value.toFixed(digits);
	return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** `[1, 2, 3]` → `1.0, 2.0, 3.0` */
export function list(values, digits = 1) {
	return values.map((value) => fmt(value, digits)).join(', ');
}

/** Runs `variants` (name → async () => sample) alternately, `rounds` times each, after `warmup` unrecorded rounds. */
export async function alternate(variants, { rounds, warmup = 1, onSample } = {}) {
	const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
	for (let round = -warmup; round < rounds; round++) {
		// Which variant goes first changes every round, so neither always runs on a warmer n8n.
		const names = Object.keys(variants);
		if (round % 2 !== 0) names.reverse();
		for (const name of names) {
			const sample = await variants[name]();
			if (round >= 0) samples[name].push(sample);
			onSample?.(name, round, sample);
		}
	}
	return samples;
}
