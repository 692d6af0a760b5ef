import { EntityManager } from 'typeorm';

/**
 * Where the bytes of candidates' documents live, apart from what is known about them (the
 * `candidate_documents` row). Every call runs in the caller's transaction (its EntityManager), so
 * with the PostgreSQL store a document, its row and whatever refers to it are written or erased
 * together. A store outside the database (S3-compatible) would write on `put` and must tolerate an
 * object whose transaction rolled back (see ADR 0017).
 */
export interface DocumentStore {
  /** Stores the content of the document whose row `id` was just inserted in this transaction. */
  put(manager: EntityManager, id: string, content: Buffer): Promise<void>;
  /** The content, or null when the document has none (erased, or unknown). */
  get(manager: EntityManager, id: string): Promise<Buffer | null>;
  /** Forgets the content; the caller then deletes the row. */
  delete(manager: EntityManager, id: string): Promise<void>;
}

/** The Nest token of the store in use. */
export const DOCUMENT_STORE = Symbol('DocumentStore');
