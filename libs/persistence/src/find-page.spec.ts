import { PAGES_COUNTED_AHEAD, totalCountingAhead } from './find-page';
import { pageWindow } from './pagination';

describe('totalCountingAhead', () => {
  const countOf = (matches: number) => {
    const asked: number[] = [];
    const count = async (atMost: number) => {
      asked.push(atMost);
      return Math.min(matches, atMost);
    };
    return { count, asked };
  };

  it('takes the total from a page that is not full, without counting', async () => {
    const { count, asked } = countOf(0);
    expect(await totalCountingAhead(7, pageWindow({ page: 3, limit: 10 }), count)).toEqual({
      total: 27,
      totalIsLowerBound: false,
    });
    expect(await totalCountingAhead(0, pageWindow({ page: 1, limit: 10 }), count)).toEqual({
      total: 0,
      totalIsLowerBound: false,
    });
    expect(asked).toEqual([]);
  });

  it('counts a full page at most ten pages past its first document, and says when it stopped', async () => {
    const many = countOf(5000);
    expect(await totalCountingAhead(20, pageWindow({ page: 1, limit: 20 }), many.count)).toEqual({
      total: 20 * PAGES_COUNTED_AHEAD,
      totalIsLowerBound: true,
    });
    expect(await totalCountingAhead(20, pageWindow({ page: 4, limit: 20 }), many.count)).toEqual({
      total: 60 + 20 * PAGES_COUNTED_AHEAD,
      totalIsLowerBound: true,
    });
    expect(many.asked).toEqual([20 * PAGES_COUNTED_AHEAD, 60 + 20 * PAGES_COUNTED_AHEAD]);

    const some = countOf(45);
    expect(await totalCountingAhead(20, pageWindow({ page: 1, limit: 20 }), some.count)).toEqual({
      total: 45,
      totalIsLowerBound: false,
    });
  });

  it('counts an empty page past the end, so a page beyond the list still tells the total', async () => {
    const { count, asked } = countOf(45);
    expect(await totalCountingAhead(0, pageWindow({ page: 9, limit: 20 }), count)).toEqual({
      total: 45,
      totalIsLowerBound: false,
    });
    expect(asked).toEqual([160 + 20 * PAGES_COUNTED_AHEAD]);
  });
});
