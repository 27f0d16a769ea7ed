import { IsOptional, IsString, IsUrl, MinLength, ValidateIf } from 'class-validator';
import { DataServiceConfig } from '@arogyam/service-kit';
import type { PaymentProviderName } from '@arogyam/contracts';

/** Razorpay is configured when any of its variables is: then all three must be. */
const wantsRazorpay = (config: PaymentServiceConfig): boolean =>
  Boolean(config.RAZORPAY_KEY_ID || config.RAZORPAY_KEY_SECRET || config.RAZORPAY_WEBHOOK_SECRET);

export class PaymentServiceConfig extends DataServiceConfig {
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

  get paymentProvider(): PaymentProviderName {
    return wantsRazorpay(this) ? 'razorpay' : 'sandbox';
  }
}
