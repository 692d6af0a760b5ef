import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './api-server';

const run = promisify(execFile);
const DATABASE = 'heardback';

/** A primary and a hot standby fed by streaming replication, each a real PostgreSQL of its own. */
export interface ReplicatedCluster {
  readonly primaryUrl: string;
  readonly standbyUrl: string;
  /** Stops applying the primary's changes on the standby (the WAL still arrives): it then lags on purpose. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Waits until the standby has applied everything the primary has written so far. */
  caughtUp(): Promise<void>;
  stopStandby(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway primary (initdb) and a standby made from it with pg_basebackup, as an operator
 * would (docs/operations.md), on free ports in a temporary folder, from the server binaries of the
 * PostgreSQL installed on this machine (`pg_config --bindir`). PostgreSQL refuses to run as root, so
 * as root every server command runs as the OS user `postgres`.
 */
export async function startReplicatedCluster(): Promise<ReplicatedCluster> {
  const bin = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  if (!existsSync(join(bin, 'pg_basebackup'))) {
    throw new Error(`pg_basebackup is not in ${bin}: install PostgreSQL's server package to run the replica tests`);
  }
  const root = mkdtempSync(join(tmpdir(), 'heardback-replica-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(root, uid, gid);
  }
  const pg = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);
  const primaryDir = join(root, 'primary');
  const standbyDir = join(root, 'standby');
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const started: string[] = [];

  const start = async (dir: string, port: number) => {
    const settings = `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} -c fsync=off -c full_page_writes=off`;
    try {
      await pg('pg_ctl', ['-D', dir, '-l', `${dir}.log`, '-w', '-t', '60', '-o', settings, 'start']);
    } catch (error) {
      const log = existsSync(`${dir}.log`) ? readFileSync(`${dir}.log`, 'utf8') : '';
      throw new Error(`PostgreSQL in ${dir} did not start: ${(error as Error).message}\n${log}`);
    }
    started.push(dir);
  };
  const stopServer = async (dir: string) => {
    if (!started.includes(dir)) return;
    started.splice(started.indexOf(dir), 1);
    await pg('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
  };
  const stop = async () => {
    for (const dir of [...started].reverse()) await stopServer(dir);
    rmSync(root, { recursive: true, force: true });
  };
  const url = (port: number, database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const query = async <T>(port: number, sql: string): Promise<T[]> => {
    const client = new Client({ connectionString: url(port, 'postgres') });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  };

  try {
    // initdb's trust rules admit replication connections from this machine too.
    await pg('initdb', ['-D', primaryDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await start(primaryDir, primaryPort);
    await query(primaryPort, `CREATE DATABASE ${DATABASE}`);
    await pg('pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standbyDir],
      ...['-R', '-X', 'stream', '-c', 'fast', '--no-sync'],
    ]);
    await start(standbyDir, standbyPort);
  } catch (error) {
    await stop();
    throw error;
  }

  const caughtUp = async () => {
    const deadline = Date.now() + 30_000;
    const [{ lsn }] = await query<{ lsn: string }>(primaryPort, 'SELECT pg_current_wal_lsn()::text AS lsn');
    for (;;) {
      const [{ behind }] = await query<{ behind: boolean }>(
        standbyPort,
        `SELECT coalesce(pg_last_wal_replay_lsn() < '${lsn}'::pg_lsn, true) AS behind`,
      );
      if (!behind) return;
      if (Date.now() > deadline) throw new Error(`the standby did not replay up to ${lsn} within 30 s`);
      await new Promise((next) => setTimeout(next, 100));
    }
  };

  return {
    primaryUrl: url(primaryPort, DATABASE),
    standbyUrl: url(standbyPort, DATABASE),
    pauseReplay: async () => {
      await query(standbyPort, 'SELECT pg_wal_replay_pause()');
      // Pausing is asked for, then happens: wait until it has.
      for (let tries = 0; tries < 300; tries++) {
        const [{ state }] = await query<{ state: string }>(
          standbyPort,
          'SELECT pg_get_wal_replay_pause_state() AS state',
        );
        if (state === 'paused') return;
        await new Promise((next) => setTimeout(next, 100));
      }
      throw new Error('the standby did not pause its replay');
    },
    resumeReplay: async () => {
      await query(standbyPort, 'SELECT pg_wal_replay_resume()');
    },
    caughtUp,
    stopStandby: () => stopServer(standbyDir),
    stop,
  };
}
