import {
  ApiError,
  ApplicationView,
  AuditAction,
  CandidateApplicationView,
  DOCUMENT_MAX_BYTES,
  DOCUMENTS_PER_CANDIDATE_MAX,
  DocumentKind,
  DocumentList,
  DocumentMediaType,
  DocumentView,
  ErrorCode,
  UserRole,
  UserView,
} from '@heardback/contracts';
import { zipSync, strToU8 } from 'fflate';
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { ApiSession, asError } from '../support/api-client';
import { database } from '../support/database';
import { apply, createOpenJob, registerCandidate, signInAsAgency, staffForTheseTests } from '../support/factories';

/** A small but valid PDF, with every byte value in it so any text-mangling on the way would show. */
function aPdf(padTo?: number): Uint8Array {
  const head = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n',
    'latin1',
  );
  const everyByte = Buffer.from(Array.from({ length: 256 }, (_, value) => value));
  const tail = Buffer.from('trailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  const pdf = Buffer.concat([head, Buffer.from('%'), everyByte, Buffer.from('\n'), tail]);
  return padTo === undefined ? pdf : Buffer.concat([pdf, Buffer.alloc(padTo - pdf.length, 0x20)]);
}

/** A DOCX as Word writes one: a zip with the content types, the package relations and the document part. */
function aDocx(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
    ),
    'word/document.xml': strToU8(
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Ada Lovelace</w:t></w:r></w:p></w:body></w:document>',
    ),
  });
}

/** A Windows program: the MZ header, whatever it is called. */
function anExe(): Uint8Array {
  return Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);
}

/**
 * POST /api/me/documents as a browser's FormData sends it, on a connection of its own: a large
 * body written into a pooled keep-alive connection the server is just closing would fail with
 * EPIPE, whatever the API did.
 */
async function upload(
  session: ApiSession,
  kind: string,
  content: Uint8Array,
  fileName: string,
  declaredType = 'application/pdf',
  sent: { path?: string; gzip?: boolean } = {},
): Promise<{ status: number; body: DocumentView & ApiError }> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', new Blob([new Uint8Array(content)], { type: declaredType }), fileName);
  const encoded = new Response(form);
  const plain = Buffer.from(await encoded.arrayBuffer());
  const body = sent.gzip ? gzipSync(plain) : plain;
  // Any token works for the double-submit check, as long as the cookie and the header agree.
  const xsrf = 'documents-spec-xsrf-token';
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${process.env['API_URL']}${sent.path ?? '/api/me/documents'}`,
      {
        method: 'POST',
        agent: false,
        headers: {
          accept: 'application/json',
          'content-type': encoded.headers.get('content-type') ?? '',
          'content-length': String(body.length),
          cookie: `hb_session=${session.sessionCookie}; XSRF-TOKEN=${xsrf}`,
          'x-xsrf-token': xsrf,
          ...(sent.gzip ? { 'content-encoding': 'gzip' } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** GET a document's file with the session's cookie, as bytes. */
async function download(
  session: ApiSession,
  path: string,
): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const response = await fetch(`${process.env['API_URL']}${path}`, {
    headers: { cookie: `hb_session=${session.sessionCookie}` },
  });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

async function storedDocuments(candidateId: string): Promise<number> {
  const { rows } = await database().query(
    'SELECT count(*)::int AS n FROM candidate_documents WHERE candidate_id = $1',
    [candidateId],
  );
  return rows[0].n;
}

describe('candidate documents', () => {
  const staff = staffForTheseTests();

  it('stores a PDF and a DOCX, lists them newest first, and gives back exactly the bytes uploaded', async () => {
    const candidate = await registerCandidate('Ada Lovelace');
    const pdf = aPdf();
    const docx = aDocx();

    const cv = await upload(candidate.session, DocumentKind.Cv, pdf, 'Ada CV.pdf');
    expect(cv.status).toBe(201);
    expect(cv.body).toMatchObject({
      kind: DocumentKind.Cv,
      fileName: 'Ada CV.pdf',
      mediaType: DocumentMediaType.Pdf,
      sizeBytes: pdf.length,
      downloadPath: `/api/documents/${cv.body.id}`,
    });
    // Declared as a PDF, named .doc: the content decides, and the name gets the real extension.
    const letter = await upload(candidate.session, DocumentKind.CoverLetter, docx, 'Letter.doc', 'application/pdf');
    expect(letter.status).toBe(201);
    expect(letter.body).toMatchObject({ mediaType: DocumentMediaType.Docx, fileName: 'Letter.doc.docx' });

    const list = await candidate.session.get<DocumentList>('/api/me/documents');
    expect(list.body.items.map((item) => item.id)).toEqual([letter.body.id, cv.body.id]);
    expect(list.body.max).toBe(DOCUMENTS_PER_CANDIDATE_MAX);

    const file = await download(candidate.session, cv.body.downloadPath);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(Buffer.from(pdf))).toBe(true);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="Ada CV.pdf"; filename*=UTF-8''Ada%20CV.pdf`,
    );
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('cache-control')).toBe('private, no-store');

    const word = await download(candidate.session, letter.body.downloadPath);
    expect(word.bytes.equals(Buffer.from(docx))).toBe(true);
    expect(word.headers.get('content-type')).toBe(DocumentMediaType.Docx);
  });

  it('refuses a program renamed cv.pdf with 415 and a clear message, and stores nothing', async () => {
    const candidate = await registerCandidate();
    const response = await upload(candidate.session, DocumentKind.Cv, anExe(), 'cv.pdf');
    expect(response.status).toBe(415);
    expect(response.body.code).toBe(ErrorCode.UnsupportedMediaType);
    expect(response.body.message).toMatch(/PDF or Word \(\.docx\) files only/);
    expect(await storedDocuments(candidate.id)).toBe(0);
  });

  it('accepts exactly 10 MiB and refuses one byte more with 413, storing nothing', async () => {
    const candidate = await registerCandidate();
    const atTheLimit = await upload(candidate.session, DocumentKind.Cv, aPdf(DOCUMENT_MAX_BYTES), 'big.pdf');
    expect(atTheLimit.status).toBe(201);

    const tooBig = await upload(candidate.session, DocumentKind.Cv, aPdf(DOCUMENT_MAX_BYTES + 1), 'bigger.pdf');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe(ErrorCode.PayloadTooLarge);
    expect(tooBig.body.message).toMatch(/larger than 10 MB/);
    expect(await storedDocuments(candidate.id)).toBe(1);
  });

  it('names the field when the file or its kind is missing or wrong', async () => {
    const candidate = await registerCandidate();
    const noKind = await upload(candidate.session, 'photo', aPdf(), 'cv.pdf');
    expect(noKind.status).toBe(400);
    expect(noKind.body.details?.map((detail) => detail.field)).toEqual(['kind']);

    const noFile = await candidate.session.post<ApiError>('/api/me/documents', { kind: DocumentKind.Cv });
    expect(noFile.status).toBe(400);
    expect(noFile.body.details?.map((detail) => detail.field)).toEqual(['file']);
    expect(await storedDocuments(candidate.id)).toBe(0);
  });

  it('reads multipart bodies on the upload route only', async () => {
    const candidate = await registerCandidate();
    const elsewhere = await candidate.session.send('PATCH', '/api/me/profile', {
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x--\r\n',
      xsrf: true,
    });
    expect(elsewhere.status).toBe(415);
  });

  it('takes the upload at any spelling the router routes to it, and refuses it compressed with a reason', async () => {
    const candidate = await registerCandidate();
    for (const path of ['/API/me/documents', '/api/me/documents/', '/%61pi/Me/Documents/']) {
      const uploaded = await upload(candidate.session, DocumentKind.Cv, aPdf(), 'cv.pdf', 'application/pdf', { path });
      expect({ path, status: uploaded.status }).toEqual({ path, status: 201 });
    }
    const compressed = await upload(candidate.session, DocumentKind.Cv, aPdf(), 'cv.pdf', 'application/pdf', {
      gzip: true,
    });
    expect(compressed.status).toBe(415);
    expect(compressed.body.message).toBe('Send the file as it is, without compressing the request.');
    expect(await storedDocuments(candidate.id)).toBe(3);
  });

  it('lets only the owner, recruiters and staff download, and audits every agency download', async () => {
    const owner = await registerCandidate();
    const cv = await upload(owner.session, DocumentKind.Cv, aPdf(), 'cv.pdf');

    const stranger = await registerCandidate();
    const refused = await download(stranger.session, cv.body.downloadPath);
    expect(refused.status).toBe(404);

    const recruiter = await signInAsAgency(UserRole.Recruiter);
    const recruiterId = (await recruiter.get<UserView>('/api/auth/me')).body.id;
    const opened = await download(recruiter, cv.body.downloadPath);
    expect(opened.status).toBe(200);
    expect(opened.bytes.equals(Buffer.from(aPdf()))).toBe(true);
    expect((await download(staff, cv.body.downloadPath)).status).toBe(200);
    expect((await download(owner.session, cv.body.downloadPath)).status).toBe(200);

    const { rows } = await database().query(
      'SELECT actor_id, actor_role, changes FROM audit_events WHERE action = $1 AND entity_id = $2 ORDER BY occurred_at',
      [AuditAction.UserDocumentDownloaded, owner.id],
    );
    // The recruiter's and the staff member's downloads; the owner's own is not the agency's action.
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      actor_id: recruiterId,
      actor_role: 'recruiter',
      changes: { documentId: { after: cv.body.id }, kind: { after: 'cv' } },
    });
    // The file's name is the candidate's words; the append-only trail never holds it.
    expect(JSON.stringify(rows)).not.toContain('cv.pdf');
  });

  it('keeps at most the cap of documents per candidate, and lets the candidate delete one that went nowhere', async () => {
    const candidate = await registerCandidate();
    await database().query(
      `INSERT INTO candidate_documents (candidate_id, kind, file_name, media_type, size_bytes, content, sha256)
       SELECT $1, 'cv', 'old.pdf', 'application/pdf', 4, '\\x25504446'::bytea, repeat('a', 64) FROM generate_series(1, $2)`,
      [candidate.id, DOCUMENTS_PER_CANDIDATE_MAX],
    );
    const full = await upload(candidate.session, DocumentKind.Cv, aPdf(), 'cv.pdf');
    expect(full.status).toBe(409);
    expect(full.body.message).toMatch(/Delete one you no longer need/);

    const list = await candidate.session.get<DocumentList>('/api/me/documents');
    expect(list.body.items).toHaveLength(DOCUMENTS_PER_CANDIDATE_MAX);
    const [used, unused] = list.body.items;
    const job = await createOpenJob(staff);
    const application = await apply(candidate.session, job.id);
    await database().query('UPDATE applications SET cv_document_id = $2 WHERE id = $1', [application.id, used.id]);

    const inUse = await candidate.session.request<ApiError>('DELETE', `/api/me/documents/${used.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.message).toMatch(/went with an application/);
    expect((await candidate.session.request('DELETE', `/api/me/documents/${unused.id}`)).status).toBe(204);
    const other = await registerCandidate();
    expect((await other.session.request('DELETE', `/api/me/documents/${used.id}`)).status).toBe(404);

    expect((await upload(candidate.session, DocumentKind.Cv, aPdf(), 'cv.pdf')).status).toBe(201);
  });
});

describe('candidate contact details', () => {
  const staff = staffForTheseTests();

  it('saves phone, location and link on the profile, and says which field is wrong', async () => {
    const candidate = await registerCandidate('Grace Hopper');
    const badPhone = await candidate.session.patch<ApiError>('/api/me/profile', {
      fullName: 'Grace Hopper',
      phone: '020 7946 0958',
    });
    expect(badPhone.status).toBe(400);
    expect(asError(badPhone).details).toEqual([
      {
        field: 'phone',
        reasons: [
          'Enter an international number: a + and the country code, then the number, such as +44 20 7946 0958.',
        ],
      },
    ]);
    const badLink = await candidate.session.patch<ApiError>('/api/me/profile', {
      fullName: 'Grace Hopper',
      profileLink: 'javascript:alert(1)',
    });
    expect(asError(badLink).details?.map((detail) => detail.field)).toEqual(['profileLink']);

    const saved = await candidate.session.patch<UserView>('/api/me/profile', {
      fullName: 'Grace Hopper',
      phone: '+44 20 7946-0958',
      location: ' Leeds, UK ',
      profileLink: 'https://www.linkedin.com/in/grace',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      phone: '+442079460958',
      location: 'Leeds, UK',
      profileLink: 'https://www.linkedin.com/in/grace',
    });

    // Blank removes one; left out leaves the others as they were.
    const cleared = await candidate.session.patch<UserView>('/api/me/profile', { fullName: 'Grace Hopper', phone: '' });
    expect(cleared.body).toMatchObject({ phone: null, location: 'Leeds, UK' });
  });

  it('shows the agency how to reach the candidate and what they sent, and the candidate none of it', async () => {
    const candidate = await registerCandidate('Katherine Johnson');
    await candidate.session.patch('/api/me/profile', {
      fullName: 'Katherine Johnson',
      timeZone: 'Europe/London',
      phone: '+44 7700 900123',
      location: 'Bristol',
      profileLink: 'https://example.com/katherine',
    });
    const cv = await upload(candidate.session, DocumentKind.Cv, aPdf(), 'KJ.pdf');
    const job = await createOpenJob(staff);
    const application = await apply(candidate.session, job.id);
    // What the apply flow's attachApplicationDocuments() writes.
    await database().query(
      `UPDATE applications SET cv_document_id = $2, cover_letter_text = 'I would love to join.' WHERE id = $1`,
      [application.id, cv.body.id],
    );

    const agencyView = await staff.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(agencyView.body.candidateDetails).toEqual({
      email: candidate.email,
      phone: '+447700900123',
      location: 'Bristol',
      timeZone: 'Europe/London',
      profileLink: 'https://example.com/katherine',
    });
    expect(agencyView.body.documents).toEqual({
      cv: cv.body,
      coverLetter: null,
      coverLetterText: 'I would love to join.',
    });

    const own = await candidate.session.get<CandidateApplicationView>(`/api/applications/${application.id}`);
    expect(own.status).toBe(200);
    expect(own.body).not.toHaveProperty('candidateDetails');
    expect(own.body).not.toHaveProperty('documents');
  });
});
