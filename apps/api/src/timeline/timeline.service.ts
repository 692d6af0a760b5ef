import { Injectable } from '@nestjs/common';
import { TimelineEventType } from '@heardback/contracts';
import { EntityManager } from 'typeorm';
import { CandidateUpdateMailer } from '../notifications/candidate-update-mailer';
import { TimelineEventEntity } from './timeline-event.entity';

export interface NewTimelineEvent {
  applicationId: string;
  type: TimelineEventType;
  text: string;
  candidateVisible: boolean;
  actorId: string | null;
}

/**
 * Appends to an application's timeline inside the caller's transaction. Every candidate-visible
 * event is also written to the outbox as an email to the candidate, in that same transaction.
 */
@Injectable()
export class TimelineService {
  constructor(private readonly mailer: CandidateUpdateMailer) {}

  async append(manager: EntityManager, ...events: NewTimelineEvent[]): Promise<void> {
    if (events.length === 0) return;
    const result = await manager.insert(TimelineEventEntity, events);
    const visibleByApplication = new Map<string, { id: string; text: string }[]>();
    events.forEach((event, index) => {
      if (!event.candidateVisible) return;
      const id = String(result.identifiers[index]?.['id']);
      visibleByApplication.set(event.applicationId, [...(visibleByApplication.get(event.applicationId) ?? []), { id, text: event.text }]);
    });
    for (const [applicationId, visible] of visibleByApplication) {
      await this.mailer.enqueue(manager, applicationId, visible);
    }
  }
}
