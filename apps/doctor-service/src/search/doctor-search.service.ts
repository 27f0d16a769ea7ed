import { Injectable } from '@nestjs/common';
import type { DoctorSearchQueryDto, DoctorSummary, Page } from '@arogyam/contracts';
import { pageWindow, toPage } from '@arogyam/persistence';
import { DoctorRepository } from '../profiles/doctor.repository';
import { toDoctorSummary } from '../profiles/doctor-views';
import { criteriaOf } from './doctor-search-criteria';

/** A page of search results fits a grid of 3 or 4 cards per row. */
const SEARCH_PAGE_SIZE = 12;

/** Search asks the database, through indexes on the normalised keys (docs/decisions.md, "Doctor search"). */
@Injectable()
export class DoctorSearchService {
  constructor(private readonly doctors: DoctorRepository) {}

  async search(query: DoctorSearchQueryDto): Promise<Page<DoctorSummary>> {
    const window = pageWindow(query, SEARCH_PAGE_SIZE);
    const { documents, total, totalIsLowerBound } = await this.doctors.pageOfListed(
      criteriaOf(query),
      query.sort ?? 'relevance',
      window,
    );
    return toPage(documents.map(toDoctorSummary), total, window, totalIsLowerBound);
  }
}
