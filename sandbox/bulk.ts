import type { Invitation } from './state';

/**
 * Many finished attempts for load tests and the benchmark (`--reports 50000`): one per minute
 * through 2024, so they never mix with the seeded 2025/2026 data other tests rely on.
 */
export const BULK_WINDOW = { start: '2024-01-01T00:00:00Z', end: '2024-12-31T23:59:59Z' };
const FIRST_ID = 6_000_001;
const TEST_IDS = [1134601, 292930, 303076, 415020, 415021, 415022];

export function bulkReports(count: number): Invitation[] {
	const start = Date.parse(BULK_WINDOW.start);
	return Array.from({ length: count }, (_, index) => {
		const attempted = new Date(start + index * 60_000);
		const completed = new Date(attempted.getTime() + 40_000);
		const points = (index * 37) % 116;
		return {
			testInvitationId: FIRST_ID + index,
			testId: TEST_IDS[index % TEST_IDS.length],
			testLinkId: 0,
			email: `bulk${index + 1}@example.com`,
			name: `Bulk Candidate ${index + 1}`,
			status: 'Complete',
			invitationType: 'api',
			sendEmail: 'no',
			hideInstruction: 0,
			attemptedOn: attempted.toISOString().replace(/\.\d{3}Z$/, 'Z'),
			updatedAt: completed.toISOString().replace(/\.\d{3}Z$/, 'Z'),
			candidatePoints: points,
			totalTestPoints: 115,
			performanceCategory: points > 80 ? 'Expert' : points > 50 ? 'Intermediate' : 'Beginner',
		};
	});
}
