import { Injectable } from '@nestjs/common';
import { TimelineEventType } from '@heardback/contracts';
import { EntityManager } from 'typeorm';
import { TimelineEventEntity } from './timeline-event.entity';

export interface NewTimelineEvent {
  applicationId: string;
  type: TimelineEventType;
  text: string;
  candidateVisible: boolean;
  actorId: string | null;
}

/** Appends to an application's timeline inside the caller's transaction, so the event and the change commit together. */
@Injectable()
export class TimelineService {
  async append(manager: EntityManager, ...events: NewTimelineEvent[]): Promise<void> {
    if (events.length > 0) {
      await manager.insert(TimelineEventEntity, events);
    }
  }
}
