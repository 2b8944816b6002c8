import { applyLimit, collectPages, readEnvelope } from '../../../nodes/Imocha/transport/paginate';

/** A fake API with `total` records served in pages, recording what was asked. */
function pagedApi(total: number) {
	const asked: Array<{ pageNumber: number; pageSize: number }> = [];
	const fetchPage = async ({ pageNumber, pageSize }: { pageNumber: number; pageSize: number }) => {
		asked.push({ pageNumber, pageSize });
		const start = (pageNumber - 1) * pageSize;
		const items = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i) => start + i);
		return { items, hasNext: start + pageSize < total };
	};
	return { asked, fetchPage };
}

describe('collectPages', () => {
	it('returns every record once across pages with Return All', async () => {
		const api = pagedApi(250);
		const records = await collectPages(api.fetchPage, { returnAll: true, limit: 50, maxPageSize: 100 });
		expect(records).toEqual(Array.from({ length: 250 }, (_, i) => i));
		expect(api.asked.map((page) => page.pageNumber)).toEqual([1, 2, 3]);
	});

	it('stops exactly at the Limit, asking for no more pages than needed', async () => {
		const api = pagedApi(250);
		const records = await collectPages(api.fetchPage, { returnAll: false, limit: 150, maxPageSize: 100 });
		expect(records).toHaveLength(150);
		expect(new Set(records).size).toBe(150);
		expect(api.asked).toHaveLength(2);
	});

	it('asks for a smaller page when the Limit is small', async () => {
		const api = pagedApi(250);
		await collectPages(api.fetchPage, { returnAll: false, limit: 7, maxPageSize: 100 });
		expect(api.asked).toEqual([{ pageNumber: 1, pageSize: 7 }]);
	});

	it('stops on an empty page even if the API claims there is more', async () => {
		let calls = 0;
		const records = await collectPages(
			async () => {
				calls++;
				return { items: [], hasNext: true };
			},
			{ returnAll: true, limit: 1, maxPageSize: 100 },
		);
		expect(records).toEqual([]);
		expect(calls).toBe(1);
	});
});

describe('readEnvelope', () => {
	it('uses hasNextPage when present', () => {
		expect(readEnvelope({ reports: [{ a: 1 }], hasNextPage: false, pageNumber: 1, totalPages: 5 }, 'reports')).toEqual({ items: [{ a: 1 }], hasNext: false });
	});

	it('falls back to pageNumber < totalPages', () => {
		expect(readEnvelope({ items: [], pageNumber: 1, totalPages: 2 }, 'items').hasNext).toBe(true);
		expect(readEnvelope({ items: [], pageNumber: 2, totalPages: 2 }, 'items').hasNext).toBe(false);
	});
});

describe('applyLimit', () => {
	it('slices unpaged lists', () => {
		expect(applyLimit([1, 2, 3], false, 2)).toEqual([1, 2]);
		expect(applyLimit([1, 2, 3], true, 2)).toEqual([1, 2, 3]);
	});
});
