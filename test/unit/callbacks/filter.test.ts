import { checkCallback, checkTestId, parseIdList, parseTextList, type CallbackFilters } from '../../../nodes/Imocha/callbacks/filter';
import { parseCallback, type CallbackEventData } from '../../../nodes/Imocha/callbacks/event';
import { SAMPLE_COMPLETE } from '../../../nodes/Imocha/callbacks/samples';
import { SAMPLE_IN_PROGRESS } from '../../helpers/callbackSamples';

const FINAL_ONLY: CallbackFilters = { events: ['complete', 'terminated', 'testLeft'], testIds: [], performanceCategories: [] };

function event(body: object): CallbackEventData {
	const parsed = parseCallback(body);
	if (!parsed.ok) throw new Error(parsed.reason);
	return parsed.event;
}

describe('checkCallback', () => {
	it('passes final statuses and stops In Progress by default', () => {
		expect(checkCallback(event(SAMPLE_COMPLETE), FINAL_ONLY)).toEqual({ pass: true });
		expect(checkCallback(event({ ...SAMPLE_COMPLETE, Status: 'Test Left' }), FINAL_ONLY)).toEqual({ pass: true });
		expect(checkCallback(event(SAMPLE_IN_PROGRESS), FINAL_ONLY)).toEqual({
			pass: false,
			reason: 'status "In Progress" is not among the selected statuses',
		});
	});

	it('passes In Progress when selected, and stops an unknown status always', () => {
		const all: CallbackFilters = { ...FINAL_ONLY, events: ['inProgress', 'complete', 'terminated', 'testLeft'] };
		expect(checkCallback(event(SAMPLE_IN_PROGRESS), all).pass).toBe(true);
		expect(checkCallback(event({ TestInvitationId: 1, Status: 'Paused' }), all).pass).toBe(false);
	});

	it('applies the minimum score to final events (percentage of TotalScore)', () => {
		const filters = { ...FINAL_ONLY, minScorePercentage: 50 };
		expect(checkCallback(event({ ...SAMPLE_COMPLETE, CandidateScore: 58, TotalScore: 115 }), filters)).toEqual({ pass: true });
		expect(checkCallback(event({ ...SAMPLE_COMPLETE, CandidateScore: 57, TotalScore: 115 }), filters)).toEqual({
			pass: false,
			reason: 'score 49.57% is below the minimum of 50%',
		});
		expect(checkCallback(event({ ...SAMPLE_COMPLETE, TotalScore: 0 }), filters)).toEqual({
			pass: false,
			reason: 'score unknown% is below the minimum of 50%',
		});
	});

	it('lets In Progress through the score and category filters (it has no score yet)', () => {
		const filters: CallbackFilters = { events: ['inProgress'], testIds: [], minScorePercentage: 90, performanceCategories: ['Expert'] };
		expect(checkCallback(event(SAMPLE_IN_PROGRESS), filters)).toEqual({ pass: true });
	});

	it('matches performance categories case-insensitively', () => {
		const filters = { ...FINAL_ONLY, performanceCategories: ['expert', ' BEGINNER '] };
		expect(checkCallback(event(SAMPLE_COMPLETE), filters).pass).toBe(true);
		expect(checkCallback(event({ ...SAMPLE_COMPLETE, PerformanceCategory: 'Intermediate' }), filters)).toEqual({
			pass: false,
			reason: 'performance category "Intermediate" is not among the selected ones',
		});
		expect(checkCallback(event({ ...SAMPLE_COMPLETE, PerformanceCategory: null }), filters).pass).toBe(false);
	});
});

describe('checkTestId', () => {
	it('passes everything without a test list, and only listed tests with one', () => {
		expect(checkTestId(1, FINAL_ONLY)).toEqual({ pass: true });
		const filters = { ...FINAL_ONLY, testIds: [292930] };
		expect(checkTestId('292930', filters)).toEqual({ pass: true });
		expect(checkTestId(1134601, filters)).toEqual({ pass: false, reason: 'test 1134601 is not among the selected tests' });
		expect(checkTestId(undefined, filters)).toEqual({ pass: false, reason: 'test unknown is not among the selected tests' });
	});
});

describe('list parsing', () => {
	it('splits ids on commas, spaces and semicolons and reports the rest', () => {
		expect(parseIdList(' 292930, 1134601;7 ')).toEqual({ ids: [292930, 1134601, 7], invalid: [] });
		expect(parseIdList('12, abc, 0, 3.5')).toEqual({ ids: [12], invalid: ['abc', '0', '3.5'] });
		expect(parseIdList(undefined)).toEqual({ ids: [], invalid: [] });
	});

	it('splits categories on commas only (names may contain spaces)', () => {
		expect(parseTextList('Expert, Above Average ,,')).toEqual(['Expert', 'Above Average']);
	});
});
