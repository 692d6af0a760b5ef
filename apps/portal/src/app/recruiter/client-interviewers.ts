import { ClientContactView, INTERVIEWERS_MAX, StageView } from '@heardback/contracts';

/** A contact as a choice: "Grace Hopper, CTO". */
export function contactChoiceLabel(contact: Pick<ClientContactView, 'fullName' | 'role'>): string {
  return contact.role ? `${contact.fullName}, ${contact.role}` : contact.fullName;
}

/** The contacts a recruiter may pick: the client's live ones (the API lists them first, by name). */
export function pickableContacts(contacts: readonly ClientContactView[]): ClientContactView[] {
  return contacts.filter((contact) => contact.archivedAt === null);
}

/**
 * Who interviews at a stage, in one line for the agency: the names typed, then the client's
 * contacts picked ("Riley Recruiter, Grace Hopper (client, CTO)"); null when nobody is named.
 */
export function stageInterviewersText(stage: Pick<StageView, 'interviewers' | 'clientInterviewers'>): string | null {
  const fromClient = (stage.clientInterviewers ?? []).map(
    (contact) => `${contact.fullName} (client${contact.role ? `, ${contact.role}` : ''})`,
  );
  const all = [...(stage.interviewers ?? []), ...fromClient];
  return all.length > 0 ? all.join(', ') : null;
}

/** Whether the names typed and the contacts picked together stay within what a stage may have. */
export function withinInterviewerLimit(named: number, picked: number): boolean {
  return named + picked <= INTERVIEWERS_MAX;
}
