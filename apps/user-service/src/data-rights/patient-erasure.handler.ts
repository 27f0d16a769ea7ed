import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EraseAccountMessage, UserSubjects } from '@arogyam/contracts';
import { PatientErasureService } from './patient-erasure.service';

@Controller()
export class PatientErasureHandler {
  constructor(private readonly erasure: PatientErasureService) {}

  /** `{ok: true}` when the account is the caller's patient account and the password is right; changes nothing. */
  @MessagePattern(UserSubjects.checkPassword)
  async checkPassword(@Payload() message: EraseAccountMessage): Promise<{ ok: true }> {
    await this.erasure.checkPassword(message.userId, message.password);
    return { ok: true };
  }

  @MessagePattern(UserSubjects.erase)
  async erase(@Payload() message: EraseAccountMessage): Promise<{ erased: true }> {
    await this.erasure.erase(message.userId, message.password);
    return { erased: true };
  }
}
