import { OfferAnswer, OfferPay, OfferView, PayPeriod } from '@heardback/contracts';
import { OfferFacts } from '@heardback/domain';
import { EntityManager } from 'typeorm';
import { updateReturning } from '../database/update-returning';

/** An offer as stored (`offers`, ADR 0020). The terms and the decline reason are personal data. */
export interface OfferRow {
  id: string;
  application_id: string;
  title: string;
  pay_amount: number | null;
  pay_currency: string | null;
  pay_period: PayPeriod | null;
  /** A calendar date, read as text so no time zone shifts it. */
  start_date: string | null;
  message: string | null;
  made_by: string;
  made_at: Date;
  reply_by: Date;
  answer: OfferAnswer | null;
  answered_at: Date | null;
  decline_reason: string | null;
}

export const OFFER_COLUMNS = `id, application_id, title, pay_amount, pay_currency, pay_period, start_date::text AS start_date, message,
  made_by, made_at, reply_by, answer, answered_at, decline_reason`;

export interface NewOffer {
  applicationId: string;
  title: string;
  pay: OfferPay | null;
  startDate: string | null;
  message: string | null;
  madeBy: string;
  madeAt: Date;
  replyBy: Date;
}

/** Writes an open offer; the partial unique index refuses a second open one on the same application. */
export async function insertOffer(manager: EntityManager, offer: NewOffer): Promise<string> {
  const [row]: { id: string }[] = await manager.query(
    `INSERT INTO offers (application_id, title, pay_amount, pay_currency, pay_period, start_date, message, made_by, made_at, reply_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      offer.applicationId,
      offer.title,
      offer.pay?.amount ?? null,
      offer.pay?.currency ?? null,
      offer.pay?.period ?? null,
      offer.startDate,
      offer.message,
      offer.madeBy,
      offer.madeAt,
      offer.replyBy,
    ],
  );
  return row.id;
}

/** The newest offer made on an application (open or answered), or null: one index lookup. */
export async function loadNewestOffer(manager: EntityManager, applicationId: string): Promise<OfferRow | null> {
  const [row]: OfferRow[] = await manager.query(
    `SELECT ${OFFER_COLUMNS} FROM offers WHERE application_id = $1 ORDER BY made_at DESC LIMIT 1`,
    [applicationId],
  );
  return row ?? null;
}

/** Whether the application has an offer waiting for an answer. */
export async function hasOpenOffer(manager: EntityManager, applicationId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM offers WHERE application_id = $1 AND answer IS NULL`, [
    applicationId,
  ]);
  return rows.length > 0;
}

/** Records the answer on the open offer; false when none was open (answered meanwhile). */
export async function answerOpenOffer(
  manager: EntityManager,
  applicationId: string,
  answer: OfferAnswer,
  at: Date,
  declineReason: string | null = null,
): Promise<boolean> {
  const updated = await updateReturning<{ id: string }>(
    manager,
    `UPDATE offers SET answer = $2, answered_at = $3, decline_reason = $4
      WHERE application_id = $1 AND answer IS NULL RETURNING id`,
    [applicationId, answer, at, declineReason],
  );
  return updated.length > 0;
}

export function offerFacts(row: OfferRow | null): OfferFacts | null {
  return row ? { answer: row.answer } : null;
}

export function payOf(row: Pick<OfferRow, 'pay_amount' | 'pay_currency' | 'pay_period'>): OfferPay | null {
  return row.pay_amount !== null && row.pay_currency !== null && row.pay_period !== null
    ? { amount: row.pay_amount, currency: row.pay_currency, period: row.pay_period }
    : null;
}

export function toOfferView(row: OfferRow | null): OfferView | null {
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    pay: payOf(row),
    startDate: row.start_date,
    message: row.message,
    madeAt: row.made_at.toISOString(),
    replyBy: row.reply_by.toISOString(),
    answer: row.answer,
    answeredAt: row.answered_at?.toISOString() ?? null,
    declineReason: row.decline_reason,
  };
}
