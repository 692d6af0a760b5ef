import { Injectable } from '@nestjs/common';
import { JobStatus, UserRole } from '@heardback/contracts';
import { ClientsService } from '../clients/clients.service';
import { JobsService } from '../jobs/jobs.service';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { DEMO_CANDIDATES, DEMO_CLIENTS, DEMO_JOBS, DEMO_PASSWORD, describeJob } from './demo-catalogue';
import { DemoClientLoop } from './demo-client-loop';
import { DemoLogins } from './demo-logins';

/** The demo agency before anyone applies: its people and candidates, its clients and their people, its jobs. */
@Injectable()
export class DemoAgency {
  constructor(
    private readonly users: UsersService,
    private readonly clients: ClientsService,
    private readonly jobs: JobsService,
    private readonly demoLogins: DemoLogins,
    private readonly clientLoop: DemoClientLoop,
  ) {}

  /** The agency's people, the candidates, the clients with their contacts, and thirty open jobs. */
  async setUp(): Promise<{
    recruiter: UserEntity;
    candidate: UserEntity;
    others: UserEntity[];
    jobIds: string[];
    contactIds: string[][];
  }> {
    const withDemoPassword: string[] = [];
    // Sam Staff makes the recruiter, the clients and the jobs, so the audit trail has them; the first
    // account and the candidates (who would register themselves) are made by no one.
    const account = async (email: string, fullName: string, role: UserRole, createdBy: UserEntity | null = null) => {
      const user = await this.users.create({ email, fullName, role, password: DEMO_PASSWORD }, createdBy);
      withDemoPassword.push(user.id);
      return user;
    };
    const staff = await account('staff@heardback.test', 'Sam Staff', UserRole.Staff);
    const recruiter = await account('recruiter@heardback.test', 'Riley Recruiter', UserRole.Recruiter, staff);
    const candidate = await account('candidate@heardback.test', 'Casey Candidate', UserRole.Candidate);
    const others: UserEntity[] = [];
    for (const [index, name] of DEMO_CANDIDATES.entries()) {
      others.push(await account(`candidate${index + 1}@heardback.test`, name, UserRole.Candidate));
    }
    await this.demoLogins.mark(withDemoPassword);

    const clientIds: string[] = [];
    for (const name of DEMO_CLIENTS) {
      clientIds.push((await this.clients.create(name, staff)).id);
    }
    const contactIds = await this.clientLoop.addContacts(clientIds, staff);
    const jobIds: string[] = [];
    for (const job of DEMO_JOBS) {
      const created = await this.jobs.create(
        {
          clientId: clientIds[job.client],
          title: job.title,
          description: describeJob(job),
          location: job.location,
          workMode: job.workMode,
          employmentType: job.employmentType,
          salary: job.salary
            ? { min: job.salary[0], max: job.salary[1], currency: job.salary[2], period: job.salary[3] }
            : undefined,
          status: JobStatus.Open,
          pipeline: job.pipeline,
          ownerId: recruiter.id,
          screeningQuestions: job.screeningQuestions,
        },
        staff,
      );
      jobIds.push(created.id);
    }
    return { recruiter, candidate, others, jobIds, contactIds };
  }
}
