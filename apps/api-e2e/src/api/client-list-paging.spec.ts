import { ClientPage, ClientView, ErrorCode, UserRole } from '@heardback/contracts';
import { randomUUID } from 'node:crypto';
import { ApiSession, asError } from '../support/api-client';
import { database } from '../support/database';
import { expectStatus, registerCandidate, signInAsAgency, staffForTheseTests } from '../support/factories';
import { everyPage, expectListedThroughout, idsNow } from '../support/paged-lists';

/** Issue 12 (1), ADR 0026: the client list is paged by name like every agency list, and searchable. */
describe('the client list, a page at a time', () => {
  const staff = staffForTheseTests();

  async function addClient(name: string): Promise<ClientView> {
    const response = await staff.post<ClientView>('/api/clients', { name });
    expectStatus(response, 201, `add client ${name}`);
    return response.body;
  }

  /** Clients whose names this test alone uses: a marker no other spec types. */
  function marker(): string {
    return `Qz${randomUUID().slice(0, 8)}`;
  }

  it('lists every client once, by name in any case, page after page, with a true total', async () => {
    const mark = marker();
    // Case decides nothing: "banana" comes between "Apple" and "Cherry". Eight of them: more than a
    // page of seven whatever other specs have added, so the walk always turns a page.
    const words = ['Cherry', 'banana', 'Apple', 'DATE', 'elder', 'Grape', 'fig', 'hazel'];
    for (const word of words) await addClient(`${word} ${mark}`);

    const everyClient = 'SELECT id FROM clients';
    const before = await idsNow(everyClient);
    const { items, totals, pages } = await everyPage<ClientView>(staff, '/api/clients', 7);
    const after = await idsNow(everyClient);
    const ids = items.map((client) => client.id);
    expectListedThroughout(ids, totals, before, after);
    expect(pages).toBeGreaterThan(1);
    // The API's order is the database's order of lower(name), id, for the clients there throughout.
    const { rows } = await database().query<{ id: string }>('SELECT id FROM clients ORDER BY lower(name), id');
    const steady = (id: string) => before.has(id) && after.has(id);
    expect(ids.filter(steady)).toEqual(rows.map((row) => row.id).filter(steady));
    const mine = items.filter((client) => client.name.endsWith(mark)).map((client) => client.name);
    expect(mine).toEqual(
      ['Apple', 'banana', 'Cherry', 'DATE', 'elder', 'fig', 'Grape', 'hazel'].map((word) => `${word} ${mark}`),
    );
  });

  it('pages a search one client at a time without repeating or skipping one, its total exact', async () => {
    const mark = marker();
    const names = ['Kestrel', 'kestrel Two', 'KESTREL Three', 'Orchard'].map((word) => `${word} ${mark}`);
    const added = [];
    for (const name of names) added.push(await addClient(name));

    const { items, totals, pages } = await everyPage<ClientView>(staff, `/api/clients?q=${mark.toLowerCase()}`, 1);
    expect(pages).toBe(4);
    expect(totals).toEqual([4, 4, 4, 4]);
    expect(items.map((client) => client.name)).toEqual([
      `Kestrel ${mark}`,
      `KESTREL Three ${mark}`,
      `kestrel Two ${mark}`,
      `Orchard ${mark}`,
    ]);
    // A name that differs only in case is the same client: the sort key cannot tie.
    const twin = await staff.post('/api/clients', { name: `KESTREL ${mark}` });
    expect(twin.status).toBe(409);
  });

  it('finds clients by any part of the name, in any case, and takes what is typed literally', async () => {
    const mark = marker();
    const harbour = await addClient(`Harbour Analytics ${mark}`);
    const percent = await addClient(`100% Foods ${mark}`);
    await addClient(`1000 Foods ${mark}`);

    const search = async (q: string) => {
      const response = await staff.get<ClientPage>(`/api/clients?q=${encodeURIComponent(q)}`);
      expectStatus(response, 200, `search ${q}`);
      return response.body;
    };
    const middle = await search(`ANALYTICS ${mark}`);
    expect(middle.items).toEqual([harbour]);
    expect(middle.total).toBe(1);
    expect((await search(`  bour anal`)).items.map((client) => client.id)).toContain(harbour.id);
    // `%` and `_` are letters here, not wildcards.
    const literal = await search(`0% Foods ${mark}`);
    expect(literal.items).toEqual([percent]);
    expect((await search(`10_0 Foods ${mark}`)).total).toBe(0);
    const none = await search(`zzqx${mark}`);
    expect(none).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('names clients known by id, and recruiters may list them (candidates may not)', async () => {
    const mark = marker();
    const one = await addClient(`Bluefin ${mark}`);
    const two = await addClient(`Azure ${mark}`);
    const byId = await staff.get<ClientPage>(`/api/clients?ids=${one.id},${two.id},${randomUUID()}`);
    expectStatus(byId, 200, 'clients by id');
    expect(byId.body).toEqual({ items: [two, one], nextCursor: null, total: 2 });

    const recruiter = await signInAsAgency(UserRole.Recruiter, new ApiSession());
    const seen = await recruiter.get<ClientPage>(`/api/clients?q=${mark}&limit=1`);
    expect(seen.status).toBe(200);
    expect(seen.body.items).toEqual([two]);
    expect(seen.body.total).toBe(2);
    expect(seen.body.nextCursor).not.toBeNull();
    const candidate = await registerCandidate();
    expect((await candidate.session.get('/api/clients')).status).toBe(403);
  });

  it('keeps the largest page small', async () => {
    const response = await staff.get<ClientPage>('/api/clients?limit=100');
    expect(response.status).toBe(200);
    expect(response.body.items.length).toBeLessThanOrEqual(100);
    // 100 names of at most 120 characters: far below the ~200 kB every list stays under.
    expect(Buffer.byteLength(JSON.stringify(response.body))).toBeLessThan(200_000);
  });

  it.each([
    ['cursor=garbage', 'cursor'],
    [`cursor=${Buffer.from(JSON.stringify(['acme', 'not-an-id'])).toString('base64url')}`, 'cursor'],
    [`cursor=${'x'.repeat(1201)}`, 'cursor'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=some', 'limit'],
    [`q=${'a'.repeat(121)}`, 'q'],
    ['ids=not-an-id', 'ids'],
    [`ids=${Array.from({ length: 101 }, () => randomUUID()).join(',')}`, 'ids'],
  ])('refuses ?%s with a 400 naming %s', async (query, field) => {
    const response = await staff.get(`/api/clients?${query}`);
    expect(response.status).toBe(400);
    expect(asError(response).code).toBe(ErrorCode.ValidationFailed);
    expect(asError(response).details?.map((detail) => detail.field)).toContain(field);
  });
});
