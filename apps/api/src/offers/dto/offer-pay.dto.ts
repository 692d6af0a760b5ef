import { OFFER_PAY_MIN, OfferPay, PayPeriod, SALARY_MAX } from '@heardback/contracts';
import { IsEnum, IsInt, Matches, Max, Min } from 'class-validator';

/** The pay of an offer: all three parts or none (the whole object is optional on the offer). */
export class OfferPayDto implements OfferPay {
  @IsInt({ message: `must be a whole amount from ${OFFER_PAY_MIN} to ${SALARY_MAX}` })
  @Min(OFFER_PAY_MIN, { message: `must be a whole amount from ${OFFER_PAY_MIN} to ${SALARY_MAX}` })
  @Max(SALARY_MAX, { message: `must be a whole amount from ${OFFER_PAY_MIN} to ${SALARY_MAX}` })
  amount!: number;

  @Matches(/^[A-Z]{3}$/, { message: 'must be a three-letter ISO currency code such as EUR' })
  currency!: string;

  @IsEnum(PayPeriod, { message: `must be one of ${Object.values(PayPeriod).join(', ')}` })
  period!: PayPeriod;
}
