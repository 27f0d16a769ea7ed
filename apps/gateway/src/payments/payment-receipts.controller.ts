import { Controller, Get, Param, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PaymentSubjects, type PaymentReceiptPdf } from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';
import { PrivateFile } from '../files/private-file';

/** Receipts as PDF downloads; payment-service decides who may have one (the payer, or an admin). */
@ApiTags('payments')
@ApiBearerAuth()
@Controller('payments/:id')
@UseGuards(JwtAuthGuard, RolesGuard)
@Roles('patient', 'admin')
export class PaymentReceiptsController {
  constructor(private readonly services: ServiceClient) {}

  @Get('receipt')
  @PrivateFile('application/pdf')
  @ApiOperation({ summary: 'The receipt of a paid payment, as an A4 PDF download' })
  payment(@CurrentUser() user: AuthenticatedUser, @Param('id') paymentId: string): Promise<StreamableFile> {
    return this.download({ actor: actorOf(user), paymentId });
  }

  @Get('refunds/:refundId/receipt')
  @PrivateFile('application/pdf')
  @ApiOperation({ summary: "The receipt of one of a payment's refunds, as an A4 PDF download" })
  refund(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') paymentId: string,
    @Param('refundId') refundId: string,
  ): Promise<StreamableFile> {
    return this.download({ actor: actorOf(user), paymentId, refundId });
  }

  private async download(message: {
    actor: ReturnType<typeof actorOf>;
    paymentId: string;
    refundId?: string;
  }): Promise<StreamableFile> {
    const pdf = await this.services.send<PaymentReceiptPdf>(PaymentSubjects.receipt, message);
    const bytes = Buffer.from(pdf.contentBase64, 'base64');
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      disposition: `attachment; filename="${pdf.filename}"`,
      length: bytes.length,
    });
  }
}
