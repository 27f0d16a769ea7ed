import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DoctorSearchQueryDto, DoctorSubjects, type DoctorSummary, type Page } from '@arogyam/contracts';
import { DoctorSearchService } from './doctor-search.service';

@Controller()
export class DoctorSearchHandler {
  constructor(private readonly doctors: DoctorSearchService) {}

  @MessagePattern(DoctorSubjects.search)
  search(@Payload() query: DoctorSearchQueryDto): Promise<Page<DoctorSummary>> {
    return this.doctors.search(query);
  }
}
