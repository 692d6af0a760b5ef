import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, REASSIGN_ALL_MAX_ITEMS, ReassignmentResult, UserRole } from '@heardback/contracts';
import {
  DomainError,
  OPEN_STATUSES,
  assertCanTakeWork,
  assertWorkIsOpen,
  fieldError,
  planReassignAll,
} from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../applications/application-records';
import { CLOCK, Clock } from '../config/clock';
import { updateReturning } from '../database/update-returning';
import { UserEntity } from '../users/user.entity';
import { ReassignmentDto } from './dto/reassignment.dto';
import {
  LockedApplication,
  Move,
  OPEN_STAGE_STATES,
  Person,
  StageRow,
  WorkAssignedNotice,
  stagesNamed,
} from './work-assigned-notice';

/**
 * Staff give work to someone else in one step (issue 9, item 5; ADR 0015): a stage, an application
 * (with its stages not given to someone else), or all of one person's open work. Everything moves
 * in one transaction under row locks on the applications, each application's version goes up, and
 * the audit trail, the internal timeline and one email to the new owner are written with it.
 */
@Injectable()
export class ReassignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notice: WorkAssignedNotice,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  reassign(actor: UserEntity, request: ReassignmentDto): Promise<ReassignmentResult> {
    return this.dataSource.transaction(async (manager) => {
      const [to] = await people(manager, [request.toUserId]);
      const moves =
        request.scope === 'recruiter'
          ? await this.allOpenWork(manager, request.fromUserId as string, to ?? null)
          : await this.oneApplication(manager, request, to ?? null);
      const taker = to as Person;
      const owners = await people(manager, [...new Set(moves.flatMap((move) => move.changes.map((c) => c.from)))]);
      const work = [];
      for (const move of moves) work.push(await this.apply(manager, move, taker));
      await this.notice.record(manager, actor, taker, moves, new Map(owners.map((p) => [p.id, p.full_name])));
      return { to: { id: taker.id, fullName: taker.full_name }, work };
    });
  }

  /** A stage, or an application: the caller's version must be current. */
  private async oneApplication(manager: EntityManager, request: ReassignmentDto, to: Person | null): Promise<Move[]> {
    const [application] = await lockApplications(manager, `a.id = $1`, [request.applicationId]);
    if (!application) throw notFound();
    if (application.version !== request.version) {
      throw new DomainError(
        ErrorCode.StaleVersion,
        `Someone else changed this application since you loaded it (you had version ${request.version}, it is now ${application.version}). Reload to see what changed, then try again.`,
      );
    }
    const stages = await stagesOf(manager, [application.id]);
    if (request.scope === 'stage') {
      const stage = stages.find((row) => row.id === request.stageId);
      if (!stage) throw fieldError('stageId', 'is not a stage of this application');
      assertWorkIsOpen(application, stage);
      assertCanTakeWork(to, stage.recruiter_id ?? application.recruiter_id);
      return [{ application, changes: [{ stage, from: stage.recruiter_id ?? application.recruiter_id }], stages }];
    }
    assertWorkIsOpen(application);
    assertCanTakeWork(to, application.recruiter_id);
    return [{ application, changes: [{ stage: null, from: application.recruiter_id }], stages }];
  }

  /** Every open application `fromUserId` owns and every open stage given to them, within the cap. */
  private async allOpenWork(manager: EntityManager, fromUserId: string, to: Person | null): Promise<Move[]> {
    const [from] = await people(manager, [fromUserId]);
    const applications = await lockApplications(
      manager,
      `a.status = ANY($2) AND (a.recruiter_id = $1 OR EXISTS (
         SELECT 1 FROM application_stages s WHERE s.application_id = a.id AND s.recruiter_id = $1 AND s.state = ANY($3)))`,
      [fromUserId, OPEN_STATUSES, OPEN_STAGE_STATES],
      REASSIGN_ALL_MAX_ITEMS + 1,
    );
    const stages = await stagesOf(
      manager,
      applications.map((application) => application.id),
    );
    const moves: Move[] = applications.map((application) => {
      const own = stages.filter((stage) => stage.application_id === application.id);
      const given = own.filter((stage) => stage.recruiter_id === fromUserId && OPEN_STAGE_STATES.includes(stage.state));
      return {
        application,
        stages: own,
        changes: [
          ...(application.recruiter_id === fromUserId ? [{ stage: null, from: fromUserId }] : []),
          ...given.map((stage) => ({ stage, from: fromUserId })),
        ],
      };
    });
    const items = moves.reduce((sum, move) => sum + move.changes.length, 0);
    planReassignAll(from && from.role !== UserRole.Candidate ? from : null, to, items);
    return moves;
  }

  /** Writes one application's changes and bumps its version; answers what moved. */
  private async apply(manager: EntityManager, move: Move, to: Person): Promise<ReassignmentResult['work'][number]> {
    const { application } = move;
    const movesApplication = move.changes.some((change) => change.stage === null);
    const newRecruiter = movesApplication ? to.id : application.recruiter_id;
    for (const { stage } of move.changes) {
      if (!stage) continue;
      // Given back to the application's own recruiter, the stage simply follows the application again.
      await manager.query(`UPDATE application_stages SET recruiter_id = $2 WHERE id = $1`, [
        stage.id,
        to.id === newRecruiter ? null : to.id,
      ]);
    }
    const [{ version }] = await updateReturning<{ version: number }>(
      manager,
      `UPDATE applications SET recruiter_id = $2, version = version + 1, updated_at = $3 WHERE id = $1 RETURNING version`,
      [application.id, newRecruiter, this.clock.now()],
    );
    return {
      applicationId: application.id,
      applicationVersion: version,
      candidateName: application.candidate_name,
      jobTitle: application.job_title,
      stages: stagesNamed(move).map((stage) => ({
        id: stage.id,
        name: stage.name,
        feedbackDueAt: stage.feedback_due_at?.toISOString() ?? null,
      })),
    };
  }
}

function people(manager: EntityManager, ids: (string | null)[]): Promise<Person[]> {
  const known = ids.filter((id): id is string => id !== null);
  if (known.length === 0) return Promise.resolve([]);
  return manager.query(
    `SELECT id, role, disabled_at AS "disabledAt", full_name, email, time_zone FROM users WHERE id = ANY($1::uuid[])`,
    [known],
  );
}

/** Locks the applications in id order (so two reassignments never deadlock), with what the email needs. */
async function lockApplications(
  manager: EntityManager,
  where: string,
  params: unknown[],
  limit = 1,
): Promise<LockedApplication[]> {
  return manager.query(
    `SELECT a.id, a.status, a.version, a.recruiter_id, u.full_name AS candidate_name, j.title AS job_title
       FROM applications a JOIN users u ON u.id = a.candidate_id JOIN jobs j ON j.id = a.job_id
      WHERE ${where} ORDER BY a.id LIMIT ${limit} FOR UPDATE OF a`,
    params,
  );
}

function stagesOf(manager: EntityManager, applicationIds: string[]): Promise<StageRow[]> {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return manager.query(
    `SELECT id, application_id, position, name, state, recruiter_id, feedback_due_at
       FROM application_stages WHERE application_id = ANY($1::uuid[]) ORDER BY application_id, position`,
    [applicationIds],
  );
}
