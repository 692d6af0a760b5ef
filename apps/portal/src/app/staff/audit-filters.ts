import { AuditAction, AuditEntityType, AuditEventQuery } from '@heardback/contracts';
import { anId, oneOf } from '../core/url-query';

/** What the audit trail page shows, exactly as kept in its URL; '' is "any". */
export interface AuditFilters {
  actorId: string;
  entityType: AuditEntityType | '';
  entityId: string;
  action: AuditAction | '';
  /** Days, yyyy-mm-dd, in the agency's time zone; both included. */
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = {
  actorId: '',
  entityType: '',
  entityId: '',
  action: '',
  from: '',
  to: '',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the URL's parameters; values the API would refuse are ignored rather than shown as an error. */
export function auditFiltersFrom(params: Partial<Record<keyof AuditFilters, string | undefined>>): AuditFilters {
  return {
    actorId: anId(params.actorId),
    entityType: oneOf(AuditEntityType, params.entityType),
    entityId: anId(params.entityId),
    action: oneOf(AuditAction, params.action),
    from: DAY.test(params.from ?? '') ? (params.from as string) : '',
    to: DAY.test(params.to ?? '') ? (params.to as string) : '',
  };
}

export function sameAuditFilters(a: AuditFilters, b: AuditFilters): boolean {
  return (Object.keys(a) as (keyof AuditFilters)[]).every((key) => a[key] === b[key]);
}

export function hasAuditFilters(filters: AuditFilters): boolean {
  return !sameAuditFilters(filters, NO_AUDIT_FILTERS);
}

/** The API's query for these filters and a page position; empty values are left out of the request. */
export function toAuditQuery(filters: AuditFilters, cursor: string | null): AuditEventQuery {
  return {
    actorId: filters.actorId,
    entityType: filters.entityType || undefined,
    entityId: filters.entityId,
    action: filters.action || undefined,
    from: filters.from,
    to: filters.to,
    cursor: cursor ?? undefined,
  };
}
