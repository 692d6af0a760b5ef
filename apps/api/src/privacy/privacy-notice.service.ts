import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, PrivacyNoticeView } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../config/clock';
import { UserEntity } from '../users/user.entity';
import { currentPrivacyNotice } from './privacy-notices';

/**
 * The privacy notice: read by anyone, published by staff. A version is never edited; a new one
 * supersedes it, and its row (who, when, the words) is its own record of the change.
 */
@Injectable()
export class PrivacyNoticeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  current(): Promise<PrivacyNoticeView> {
    return currentPrivacyNotice(this.dataSource.manager);
  }

  publish(text: string, basedOnVersion: number, staff: UserEntity): Promise<PrivacyNoticeView> {
    return this.dataSource.transaction(async (manager) => {
      // Waits for applications consenting under the current version (they hold it FOR SHARE).
      const rows: { version: number }[] = await manager.query(
        `SELECT version FROM privacy_notices ORDER BY version DESC LIMIT 1 FOR UPDATE`,
      );
      const current = rows[0]?.version ?? 0;
      if (current !== basedOnVersion) {
        throw new DomainError(
          ErrorCode.PrivacyNoticeChanged,
          `Version ${current} was published after the one you edited. Reload it, and make your changes to it.`,
        );
      }
      await manager.query(
        `INSERT INTO privacy_notices (version, text, published_at, published_by) VALUES ($1, $2, $3, $4)`,
        [current + 1, text, this.clock.now(), staff.id],
      );
      return currentPrivacyNotice(manager);
    });
  }
}
