import { upcomingInterview } from '@heardback/domain';
import { EntityManager } from 'typeorm';
import { InterviewChange } from '../notifications/interview-invite';
import { ApplicationStageEntity } from './application-stage.entity';
import { ApplicationRecord } from './application-records';

/**
 * When an application closes or skips ahead, an interview still to come will not take place:
 * the candidate's email carries a cancellation that removes it from their calendar (same UID,
 * next SEQUENCE). Call it before the stage's times are cleared.
 */
export async function cancelUpcomingInterview(
  manager: EntityManager,
  record: ApplicationRecord,
  now: Date,
): Promise<InterviewChange | undefined> {
  const stage = upcomingInterview(record.stages, now);
  if (!stage) return undefined;
  const sequence = stage.calendarSequence + 1;
  await manager.update(ApplicationStageEntity, { id: stage.id }, { calendarSequence: sequence });
  return {
    stageId: stage.id,
    stageName: stage.name,
    sequence,
    cancelled: true,
    startsAt: stage.startsAt,
    endsAt: stage.endsAt,
    location: stage.location ?? '',
  };
}
