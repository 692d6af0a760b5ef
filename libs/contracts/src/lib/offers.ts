import type { VersionedRequest } from './applications';

/**
 * Issue 10, item 7: an offer the candidate can read and answer. One row per offer made; while it
 * has no answer it is open, and an application has at most one open offer (ADR 0020).
 */

/** How an offer ended. `lapsed`: it ended with no answer from the candidate (the application closed another way). */
export enum OfferAnswer {
  Accepted = 'accepted',
  Declined = 'declined',
  Lapsed = 'lapsed',
}

/** What an offered pay amount is per. */
export enum PayPeriod {
  Year = 'year',
  Day = 'day',
  Hour = 'hour',
}

/** The pay offered: an amount in whole units of a currency, per year, day or hour. */
export interface OfferPay {
  amount: number;
  /** ISO 4217, e.g. EUR. */
  currency: string;
  period: PayPeriod;
}

/** The terms the recruiter writes when making an offer; the job's title when none is given. */
export interface OfferTermsRequest {
  title?: string;
  pay?: OfferPay;
  /** The first working day proposed, as a calendar date (YYYY-MM-DD). */
  startDate?: string;
  /** Words to the candidate about the offer. */
  message?: string;
}

/** An offer as the candidate and the agency read it. */
export interface OfferView {
  id: string;
  title: string;
  pay: OfferPay | null;
  startDate: string | null;
  message: string | null;
  madeAt: string;
  /** The reply-by date given when the offer was made (the current one is the promise's date). */
  replyBy: string;
  /** Null while the offer is open. */
  answer: OfferAnswer | null;
  answeredAt: string | null;
  /** The candidate's words when declining, if they gave any. */
  declineReason: string | null;
}

/** POST /api/applications/:id/offer/accept (the candidate). */
export type AcceptOfferRequest = VersionedRequest;

/** POST /api/applications/:id/offer/decline (the candidate): an optional reason, read by the recruiter. */
export interface DeclineOfferRequest extends VersionedRequest {
  reason?: string;
}
