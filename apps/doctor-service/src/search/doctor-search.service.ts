import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { DoctorSearchQueryDto, DoctorSummary, Page } from '@arogyam/contracts';
import { pageWindow, toPage } from '@arogyam/persistence';
import { Doctor } from '../profiles/doctor.schema';
import { DOCTOR_SUMMARY_FIELDS, toDoctorSummary, type DoctorSummaryFields } from '../profiles/doctor-views';
import { doctorSearchFilter } from './doctor-search-filter';

/** A page of search results fits a grid of 3 or 4 cards per row. */
const SEARCH_PAGE_SIZE = 12;

@Injectable()
export class DoctorSearchService {
  constructor(@InjectModel(Doctor.name) private readonly doctors: Model<Doctor>) {}

  /** Best rated first; `_id` last makes the order total, so pages never overlap or skip. */
  async search(query: DoctorSearchQueryDto): Promise<Page<DoctorSummary>> {
    const filter = doctorSearchFilter(query);
    const window = pageWindow(query, SEARCH_PAGE_SIZE);
    const [doctors, total] = await Promise.all([
      this.doctors
        .find(filter, DOCTOR_SUMMARY_FIELDS)
        .sort({ rating: -1, reviewCount: -1, fullName: 1, _id: 1 })
        .skip(window.skip)
        .limit(window.limit)
        .lean<DoctorSummaryFields[]>()
        .exec(),
      this.doctors.countDocuments(filter).exec(),
    ]);
    return toPage(doctors.map(toDoctorSummary), total, window);
  }
}
