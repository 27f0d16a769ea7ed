import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { AuthThrottlerGuard } from '../http/throttling/auth-throttler.guard';
import {
  LoginDto,
  RegisterDoctorDto,
  RegisterPatientDto,
  UserSubjects,
  type AuthResult,
  type UserRole,
} from '@arogyam/contracts';
import { ServiceClient } from '../http/service-client';
import { LoginDoorPipe } from './login-door.pipe';
import { RegistrationService } from './registration.service';

@ApiTags('identity')
@Controller()
@UseGuards(AuthThrottlerGuard)
export class IdentityController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly services: ServiceClient,
  ) {}

  @Post('patients/register')
  @SkipThrottle({ login: true })
  @ApiOperation({ summary: 'Create a patient account and sign in' })
  registerPatient(@Body() dto: RegisterPatientDto): Promise<AuthResult> {
    return this.registration.register('patient', dto);
  }

  @Post('doctors/register')
  @SkipThrottle({ login: true })
  @ApiOperation({ summary: 'Create a doctor account (verification pending) and sign in' })
  registerDoctor(@Body() dto: RegisterDoctorDto): Promise<AuthResult> {
    return this.registration.register('doctor', dto);
  }

  /** Wrong password, unknown email and the wrong door answer the same 401. */
  @Post(':door/login')
  @HttpCode(200)
  @ApiParam({ name: 'door', enum: ['patients', 'doctors', 'admin'] })
  @ApiOperation({ summary: 'Sign in as a patient, doctor or admin' })
  login(@Param('door', LoginDoorPipe) role: UserRole, @Body() dto: LoginDto): Promise<AuthResult> {
    return this.services.send<AuthResult>(UserSubjects.login, { ...dto, role });
  }
}
