// Prints one plain closing line ("tests: N passed, N failed, N skipped") after a jest run,
// so any CI that reads closing lines sees the totals of the whole run.
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results;
		const failed = numFailedTests + numRuntimeErrorTestSuites;
		process.stdout.write(
			`\ntests: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped\n`,
		);
	}
}

module.exports = SummaryReporter;
