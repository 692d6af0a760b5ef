import { ClientContactView, ClientDetailView } from '@heardback/contracts';

/** A live contact at the client: Grace Hopper, CTO, unless overridden. */
export function aClientContact(overrides: Partial<ClientContactView> = {}): ClientContactView {
  return {
    id: 'contact-1',
    clientId: 'client-1',
    fullName: 'Grace Hopper',
    email: 'grace@northwind.example',
    role: 'CTO',
    archivedAt: null,
    ...overrides,
  };
}

/** Northwind Logistics with no account owner, auto-publish off, and the contacts given (none by default). */
export function aClientDetail(overrides: Partial<ClientDetailView> = {}): ClientDetailView {
  return {
    id: 'client-1',
    name: 'Northwind Logistics',
    accountOwner: null,
    autoPublishClientFeedback: false,
    contacts: [],
    archivedContactsTotal: 0,
    ...overrides,
  };
}
