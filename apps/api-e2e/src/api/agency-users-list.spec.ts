import {
  AGENCY_LIST_MAX_LIMIT,
  AGENCY_USER_CURSOR_MAX_LENGTH,
  AGENCY_USER_SEARCH_MAX_LENGTH,
  AgencyUserPage,
  AgencyUserView,
  ErrorCode,
  UserRole,
} from '@heardback/contracts';
import { randomUUID } from 'node:crypto';
import { ApiSession, asError } from '../support/api-client';
import { database } from '../support/database';
import { expectStatus, registerCandidate, signInAsAgency, staffForTheseTests } from '../support/factories';
import { everyPage, expectListedThroughout, idsNow } from '../support/paged-lists';

/** Issue 12 (1): the agency's accounts are paged by name like the client list, and searchable. */
describe('the list of agency accounts, a page at a time', () => {
  const staff = staffForTheseTests();

  /** Accounts whose names this test alone uses: a marker no other spec types. */
  function marker(): string {
    return `Qu${randomUUID().slice(0, 8)}`;
  }

  async function addAccount(
    fullName: string,
    role: UserRole.Recruiter | UserRole.Staff = UserRole.Recruiter,
    email = `account-${randomUUID().slice(0, 8)}@example.test`,
  ): Promise<AgencyUserView> {
    const response = await staff.post<AgencyUserView>('/api/users', { email, fullName, role });
    expectStatus(response, 201, `add account ${fullName}`);
    return response.body;
  }

  async function list(query: string): Promise<AgencyUserPage> {
    const response = await staff.get<AgencyUserPage>(`/api/users?${query}`);
    expectStatus(response, 200, `list ${query}`);
    return response.body;
  }

  const idsOf = (users: { id: string }[]) => users.map((user) => user.id);

  it('lists every agency account once, by name in any case, page after page, never a candidate', async () => {
    const mark = marker();
    await addAccount(`Bea ${mark}`, UserRole.Staff);
    await addAccount(`alma ${mark}`);
    await registerCandidate(`Alma ${mark}`);

    const everyAgencyUser = `SELECT id FROM users WHERE role <> 'candidate'`;
    const before = await idsNow(everyAgencyUser);
    // About five pages, however many accounts the other specs have made.
    const limit = Math.min(100, Math.ceil(before.size / 5));
    const { items, totals, pages } = await everyPage<AgencyUserView>(staff, '/api/users', limit);
    const after = await idsNow(everyAgencyUser);
    const ids = idsOf(items);
    expectListedThroughout(ids, totals, before, after);
    expect(pages).toBeGreaterThan(1);
    expect(items.every((user) => user.role !== UserRole.Candidate)).toBe(true);
    // The API's order is the database's order of lower(full_name), id, for the accounts there throughout.
    const { rows } = await database().query<{ id: string }>(`${everyAgencyUser} ORDER BY lower(full_name), id`);
    const steady = (id: string) => before.has(id) && after.has(id);
    expect(ids.filter(steady)).toEqual(rows.map((row) => row.id).filter(steady));
    const mine = items.filter((user) => user.fullName.endsWith(mark)).map((user) => user.fullName);
    expect(mine).toEqual([`alma ${mark}`, `Bea ${mark}`]);
  });

  it('breaks ties on the name by id, across pages, its total exact on every page', async () => {
    const mark = marker();
    // Three names the same in any case: only the id orders them, and a page ends among them.
    const twins = [];
    for (const name of [`Kit ${mark}`, `KIT ${mark}`, `kit ${mark}`]) twins.push(await addAccount(name));
    const first = await addAccount(`Ida ${mark}`, UserRole.Staff);
    const last = await addAccount(`kitty ${mark}`);
    await registerCandidate(`Kit ${mark}`);

    const { items, totals, pages } = await everyPage<AgencyUserView>(staff, `/api/users?q=${mark.toLowerCase()}`, 2);
    expect(pages).toBe(3);
    expect(totals).toEqual([5, 5, 5]);
    const twinIds = idsOf(twins).sort();
    expect(idsOf(items)).toEqual([first.id, ...twinIds, last.id]);
    expect(items[0]).toEqual({
      id: first.id,
      email: first.email,
      fullName: `Ida ${mark}`,
      role: UserRole.Staff,
      createdAt: expect.any(String),
      disabledAt: null,
      isAgencyLead: false,
      // Invited by staff and not yet accepted (ADR 0082).
      invitationSentAt: expect.any(String),
    });
  });

  it('finds accounts by any part of the name or the email, in any case, and takes what is typed literally', async () => {
    const mark = marker();
    const tag = mark.toLowerCase();
    const quill = await addAccount(`Harriet Quill ${mark}`, UserRole.Recruiter, `${tag}-hq.inbox@example.test`);
    const percent = await addAccount(`Reach 100% ${mark}`);
    await addAccount(`Reach 1000 ${mark}`);
    const snake = await addAccount(`Snake_case ${mark}`);
    await addAccount(`SnakeXcase ${mark}`);

    expect(await list(`q=${encodeURIComponent(`  QUILL ${mark.toUpperCase()} `)}`)).toEqual({
      items: [expect.objectContaining({ id: quill.id })],
      nextCursor: null,
      total: 1,
    });
    // The email alone holds ".inbox": the name does not.
    const byEmail = await list(`q=${encodeURIComponent(`${tag}-HQ.Inbox@`)}`);
    expect(idsOf(byEmail.items)).toEqual([quill.id]);
    // `%` and `_` are letters here, not wildcards.
    expect(idsOf((await list(`q=${encodeURIComponent(`0% ${mark}`)}`)).items)).toEqual([percent.id]);
    expect((await list(`q=${encodeURIComponent(`10_0 ${mark}`)}`)).total).toBe(0);
    expect(idsOf((await list(`q=${encodeURIComponent(`e_case ${mark}`)}`)).items)).toEqual([snake.id]);
    expect(await list(`q=zzqx${tag}`)).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('narrows to one role, to accounts that can sign in or those that cannot, and to ids', async () => {
    const mark = marker();
    const ann = await addAccount(`Ann ${mark}`);
    const ben = await addAccount(`Ben ${mark}`, UserRole.Staff);
    const cal = await addAccount(`Cal ${mark}`);
    expectStatus(await staff.post(`/api/users/${cal.id}/disable`), 200, 'disable Cal');
    const candidate = await registerCandidate(`Dee ${mark}`);

    const names = async (query: string) => {
      const page = await list(`q=${mark}&${query}`);
      expect(page.total).toBe(page.items.length);
      return page.items.map((user) => user.fullName.split(' ')[0]);
    };
    expect(await names('role=recruiter')).toEqual(['Ann', 'Cal']);
    expect(await names('role=staff')).toEqual(['Ben']);
    expect(await names('active=true')).toEqual(['Ann', 'Ben']);
    expect(await names('active=false')).toEqual(['Cal']);
    expect(await names('role=recruiter&active=true')).toEqual(['Ann']);
    const disabled = await list(`q=${mark}&active=false`);
    expect(disabled.items[0].disabledAt).not.toBeNull();

    const byId = await list(`ids=${cal.id},${ann.id},${candidate.id},${randomUUID()}`);
    expect(byId).toEqual({
      items: [expect.objectContaining({ id: ann.id }), expect.objectContaining({ id: cal.id })],
      nextCursor: null,
      total: 2,
    });
    expect(idsOf((await list(`ids=${ann.id},${ben.id}&role=staff`)).items)).toEqual([ben.id]);
    // Whom to give work to: people who can sign in, but not who has it now (and the count says so).
    expect(await names(`active=true&except=${ann.id}`)).toEqual(['Ben']);
  });

  it('is for staff only', async () => {
    const recruiter = await signInAsAgency(UserRole.Recruiter, new ApiSession());
    const refused = await recruiter.get('/api/users');
    expect(refused.status).toBe(403);
    expect(asError(refused).code).toBe(ErrorCode.Forbidden);
    expect((await (await registerCandidate()).session.get('/api/users')).status).toBe(403);
    expect((await new ApiSession().get('/api/users')).status).toBe(401);
  });

  const encode = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
  it.each([
    ['a cursor it did not give out', 'cursor=garbage', 'cursor'],
    ['a cursor without an id', `cursor=${encode(['ann', 'not-an-id'])}`, 'cursor'],
    ['a cursor with a part too many', `cursor=${encode(['ann', randomUUID(), 1])}`, 'cursor'],
    ['a cursor too long', `cursor=${'x'.repeat(AGENCY_USER_CURSOR_MAX_LENGTH + 1)}`, 'cursor'],
    ['a limit of 0', 'limit=0', 'limit'],
    ['a limit over the most', `limit=${AGENCY_LIST_MAX_LIMIT + 1}`, 'limit'],
    ['a limit that is not a number', 'limit=some', 'limit'],
    ['the candidate role', 'role=candidate', 'role'],
    ['a role there is not', 'role=admin', 'role'],
    ['active=yes', 'active=yes', 'active'],
    ['an empty active', 'active=', 'active'],
    ['an id that is not one', 'ids=not-an-id', 'ids'],
    ['no ids', 'ids=', 'ids'],
    ['too many ids', `ids=${Array.from({ length: AGENCY_LIST_MAX_LIMIT + 1 }, () => randomUUID()).join(',')}`, 'ids'],
    ['an except that is not an id', 'except=someone', 'except'],
    ['a search too long', `q=${'a'.repeat(AGENCY_USER_SEARCH_MAX_LENGTH + 1)}`, 'q'],
  ])('refuses %s with a 400 naming the field', async (_what, query, field) => {
    const response = await staff.get(`/api/users?${query}`);
    expect(response.status).toBe(400);
    expect(asError(response).code).toBe(ErrorCode.ValidationFailed);
    expect(asError(response).details?.map((detail) => detail.field)).toContain(field);
  });

  it('says which roles it lists when another is asked for', async () => {
    const response = await staff.get('/api/users?role=candidate');
    expect(asError(response).details).toEqual([
      { field: 'role', reasons: [expect.stringContaining('must be recruiter or staff')] },
    ]);
  });
});
