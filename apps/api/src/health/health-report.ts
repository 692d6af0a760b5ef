/** What /api/health says: 503 when this instance cannot serve (database down, stopping), else 200. */
export interface HealthReport {
  /** `degraded`: serving, but background work is late or failing; someone should look. */
  status: 'ok' | 'degraded' | 'down' | 'draining';
  checks: {
    database: { status: 'up' | 'down'; latencyMs?: number; reason?: string };
    deadlineSweep: {
      status: 'ok' | 'waiting' | 'stale' | 'failing' | 'unknown';
      lastSuccessAt: string | null;
      secondsSinceSuccess: number | null;
      failuresInARow: number;
    };
    /** Mail due and not yet sent (counted up to a limit), and how long the oldest has waited. */
    outbox: { status: 'ok' | 'unknown'; pending: number | null; oldestPendingSeconds: number | null };
  };
}
