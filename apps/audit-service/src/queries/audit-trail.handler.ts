import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AuditListOwnMessage,
  AuditSearchMessage,
  AuditSubjects,
  type AuditEntryView,
  type AuditVerification,
  type Page,
} from '@arogyam/contracts';
import { ChainVerifier } from '../verification/chain-verifier';
import { TrailQueriesService } from './trail-queries.service';

@Controller()
export class AuditTrailHandler {
  constructor(
    private readonly queries: TrailQueriesService,
    private readonly verifier: ChainVerifier,
  ) {}

  @MessagePattern(AuditSubjects.listOwn)
  listOwn(@Payload() message: AuditListOwnMessage): Promise<Page<AuditEntryView>> {
    return this.queries.listOwn(message.actor, message.query);
  }

  @MessagePattern(AuditSubjects.search)
  search(@Payload() message: AuditSearchMessage): Promise<Page<AuditEntryView>> {
    return this.queries.search(message.actor, message.query);
  }

  /** No caller needed: the answer names chains, counts and positions, never an entry's content. */
  @MessagePattern(AuditSubjects.verify)
  verify(): Promise<AuditVerification> {
    return this.verifier.verifyAll();
  }
}
