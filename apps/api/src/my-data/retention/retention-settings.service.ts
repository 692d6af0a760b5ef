import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RetentionSettingsView } from '@heardback/contracts';
import { RETENTION_NOTICE_DAYS } from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';

interface SettingsRow {
  retention_months: number;
  updated_at: Date;
  updated_by_name: string | null;
}

/** The agency's one settings row (its CHECKs bound the period): read by the sweep, changed by staff. */
@Injectable()
export class RetentionSettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<RetentionSettingsView> {
    const [row] = await manager.query<SettingsRow[]>(
      `SELECT s.retention_months, s.updated_at, u.full_name AS updated_by_name
         FROM agency_settings s LEFT JOIN users u ON u.id = s.updated_by`,
    );
    return {
      retentionMonths: row.retention_months,
      noticeDays: RETENTION_NOTICE_DAYS,
      updatedAt: row.updated_at.toISOString(),
      updatedBy: row.updated_by_name,
    };
  }

  async update(retentionMonths: number, staffId: string, now: Date): Promise<RetentionSettingsView> {
    await this.dataSource.manager.query(
      `UPDATE agency_settings SET retention_months = $1, updated_by = $2, updated_at = $3`,
      [retentionMonths, staffId, now],
    );
    return this.get();
  }
}
