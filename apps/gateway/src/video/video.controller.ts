import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VideoSubjects, type VideoWindowView } from '@arogyam/contracts';
import { JwtAuthGuard } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';

/** video-service's settings the apps show: when the Join video visit button appears. */
@ApiTags('video')
@ApiBearerAuth()
@Controller('video')
@UseGuards(JwtAuthGuard)
export class VideoController {
  constructor(private readonly services: ServiceClient) {}

  @Get('window')
  @ApiOperation({
    summary: 'Minutes before the start and after the end a video call may be joined; ring timeout',
  })
  window(): Promise<VideoWindowView> {
    return this.services.send(VideoSubjects.window, {});
  }
}
