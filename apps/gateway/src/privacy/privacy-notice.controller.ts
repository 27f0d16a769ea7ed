import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PRIVACY_NOTICE, type PrivacyNoticeView } from '@arogyam/contracts';

/** The current privacy notice, public: registration asks for the version read here. */
@ApiTags('identity')
@Controller()
export class PrivacyNoticeController {
  @Get('privacy-notice')
  @ApiOperation({ summary: 'The current privacy notice: its version and text' })
  current(): PrivacyNoticeView {
    return PRIVACY_NOTICE;
  }
}
