import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DeadLetterListQueryDto, type DeadLetterReplayAnswer, type DeadLetterView } from '@arogyam/contracts';
import { JwtAuthGuard, Roles, RolesGuard } from '@arogyam/auth';
import { DeadLetterBox } from './dead-letter-box';

const DEFAULT_LIMIT = 50;

/** Events a service gave up on after its retries, for an admin to look at and replay. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/dead-letters')
@UseGuards(JwtAuthGuard, RolesGuard)
@Roles('admin')
export class DeadLettersController {
  constructor(private readonly box: DeadLetterBox) {}

  @Get()
  newest(@Query() query: DeadLetterListQueryDto): Promise<DeadLetterView[]> {
    return this.box.newest(query.limit ?? DEFAULT_LIMIT);
  }

  /** 200 with `handled: false` and the reason when the service refused it again; it stays listed. */
  @Post(':seq/replay')
  @HttpCode(200)
  replay(@Param('seq', ParseIntPipe) seq: number): Promise<DeadLetterReplayAnswer> {
    return this.box.replay(seq);
  }
}
