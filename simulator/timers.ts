// Timed work the simulator owns (fault delays, reports that finish generating): stop() wakes every
// sleeper and drops work not yet started.
export class Timers {
	private readonly sleepers = new Map<NodeJS.Timeout, () => void>();
	private stopped = false;

	/** Resolves after `ms`, or at once when the timers stop. */
	sleep(ms: number): Promise<void> {
		if (this.stopped) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.sleepers.delete(timer);
				resolve();
			}, ms);
			this.sleepers.set(timer, resolve);
		});
	}

	/** Runs `work` after `ms` unless the timers stop first; the promise settles either way. */
	async later(ms: number, work: () => Promise<unknown>): Promise<void> {
		await this.sleep(ms);
		if (!this.stopped) await work();
	}

	get isStopped(): boolean {
		return this.stopped;
	}

	stop(): void {
		this.stopped = true;
		for (const [timer, wake] of this.sleepers) {
			clearTimeout(timer);
			wake();
		}
		this.sleepers.clear();
	}
}
