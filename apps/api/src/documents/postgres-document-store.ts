import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DocumentStore } from './document-store';

/**
 * The default store: the bytes in the document's own row (`candidate_documents.content`), so a
 * backup holds every file and an erasure that deletes the row leaves nothing behind.
 */
@Injectable()
export class PostgresDocumentStore implements DocumentStore {
  async put(manager: EntityManager, id: string, content: Buffer): Promise<void> {
    await manager.query(`UPDATE candidate_documents SET content = $2 WHERE id = $1`, [id, content]);
  }

  async get(manager: EntityManager, id: string): Promise<Buffer | null> {
    const rows: { content: Buffer | null }[] = await manager.query(
      `SELECT content FROM candidate_documents WHERE id = $1`,
      [id],
    );
    return rows[0]?.content ?? null;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE candidate_documents SET content = NULL WHERE id = $1`, [id]);
  }
}
