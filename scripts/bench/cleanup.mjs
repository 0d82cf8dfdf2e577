// What to undo when the benchmark ends, fails or is interrupted: stop n8n, close the
// simulator, delete temporary folders. Undone last-in first-out, each step at most once.

export function createCleanup() {
	const tasks = [];
	return {
		/** Registers an undo step; the returned function runs it now (and forgets it). */
		add(label, task) {
			const entry = { label, task };
			tasks.push(entry);
			return async () => {
				const index = tasks.indexOf(entry);
				if (index === -1) return;
				tasks.splice(index, 1);
				await task();
			};
		},
		async runAll() {
			while (tasks.length > 0) {
				const { label, task } = tasks.pop();
				try {
					await task();
				} catch (error) {
					console.error(`[bench] cleanup "${label}" failed: ${error.message}`);
				}
			}
		},
	};
}
