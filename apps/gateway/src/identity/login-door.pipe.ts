import { Injectable, NotFoundException, type PipeTransform } from '@nestjs/common';
import type { UserRole } from '@arogyam/contracts';

/** `/api/patients/login`, `/api/doctors/login`, `/api/admin/login`: the door names the role. */
export const LOGIN_DOORS: Record<string, UserRole> = {
  patients: 'patient',
  doctors: 'doctor',
  admin: 'admin',
};

@Injectable()
export class LoginDoorPipe implements PipeTransform<string, UserRole> {
  transform(door: string): UserRole {
    const role = LOGIN_DOORS[door];
    if (!role) throw new NotFoundException(`Cannot POST /api/${door}/login`);
    return role;
  }
}
