import { Injectable } from '@nestjs/common';
import type { DoctorSearchQueryDto, DoctorSummary, Page } from '@arogyam/contracts';
import { DoctorDirectory } from './doctor-directory';

/** Search answers from the in-memory directory of listed doctors (see DoctorDirectory for why). */
@Injectable()
export class DoctorSearchService {
  constructor(private readonly directory: DoctorDirectory) {}

  search(query: DoctorSearchQueryDto): Page<DoctorSummary> {
    return this.directory.search(query);
  }
}
