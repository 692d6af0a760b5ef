import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Whether anyone could still sign in with the published demo password (see the migration that tracks it). */
@Injectable()
export class DemoLogins {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async remain(): Promise<boolean> {
    const [row] = await this.dataSource.query<{ remain: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM users WHERE has_demo_password AND disabled_at IS NULL) AS remain`,
    );
    return row?.remain === true;
  }

  /** Called by the demo loader for the accounts it made with the published password. */
  async mark(userIds: string[]): Promise<void> {
    await this.dataSource.query(`UPDATE users SET has_demo_password = true WHERE id = ANY($1::uuid[])`, [userIds]);
  }
}
