import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsTimeZone, IsUrl, MinLength, ValidateIf } from 'class-validator';
import { DataServiceConfig, productionSecretProblem, type ProductionChecked } from '@arogyam/service-kit';
import type { PaymentProviderName } from '@arogyam/contracts';

/** Razorpay is configured when any of its variables is: then all three must be. */
const wantsRazorpay = (config: PaymentServiceConfig): boolean =>
  Boolean(config.RAZORPAY_KEY_ID || config.RAZORPAY_KEY_SECRET || config.RAZORPAY_WEBHOOK_SECRET);

export class PaymentServiceConfig extends DataServiceConfig implements ProductionChecked {
  override MONGO_DB = 'arogyam_payments';

  /** Razorpay's public key id (`rzp_live_…` or `rzp_test_…`); with the two below it selects Razorpay. */
  @ValidateIf(wantsRazorpay)
  @IsString()
  @MinLength(1)
  RAZORPAY_KEY_ID?: string;

  @ValidateIf(wantsRazorpay)
  @IsString()
  @MinLength(1)
  RAZORPAY_KEY_SECRET?: string;

  /** The secret set on the webhook in Razorpay's dashboard; it signs every webhook body. */
  @ValidateIf(wantsRazorpay)
  @IsString()
  @MinLength(1)
  RAZORPAY_WEBHOOK_SECRET?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'] })
  RAZORPAY_API_URL: string = 'https://api.razorpay.com/v1';

  /**
   * Without Razorpay the sandbox provider runs: no network, its checkout completed by a webhook
   * signed with this secret, so it must be set (npm start sets a development one).
   */
  @ValidateIf((config: PaymentServiceConfig) => !wantsRazorpay(config))
  @IsString()
  @MinLength(16)
  PAYMENT_SANDBOX_SECRET?: string;

  /**
   * The sandbox takes no money: in production it runs only when this says so (a staging system
   * built as production), never by default because Razorpay's keys were forgotten.
   */
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  PAYMENT_ALLOW_SANDBOX_IN_PRODUCTION: boolean = false;

  /** The IANA time zone in which a receipt shows its dates (named on the receipt). */
  @IsTimeZone()
  RECEIPT_TIME_ZONE: string = 'Asia/Kolkata';

  productionProblems(): string[] {
    const sandbox =
      this.paymentProvider === 'sandbox' && !this.PAYMENT_ALLOW_SANDBOX_IN_PRODUCTION
        ? 'the sandbox payment provider takes no money; set RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET, or PAYMENT_ALLOW_SANDBOX_IN_PRODUCTION=true for a staging system'
        : undefined;
    return [
      sandbox,
      this.paymentProvider === 'sandbox'
        ? productionSecretProblem('PAYMENT_SANDBOX_SECRET', this.PAYMENT_SANDBOX_SECRET)
        : productionSecretProblem('RAZORPAY_WEBHOOK_SECRET', this.RAZORPAY_WEBHOOK_SECRET, 1),
    ].filter((problem): problem is string => problem !== undefined);
  }

  get paymentProvider(): PaymentProviderName {
    return wantsRazorpay(this) ? 'razorpay' : 'sandbox';
  }
}
