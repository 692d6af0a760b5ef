import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule 8 (every agency action is audited): one row per change a recruiter or staff member makes,
 * written in the same transaction as the change (docs/adr/0011). The database keeps the trail
 * append-only: rows are never updated or deleted, and the table is never truncated.
 * The indexes serve the staff page: newest first, alone or by actor, record, kind of record or action.
 */
export class CreateAuditTrail1795772400000 implements MigrationInterface {
  name = 'CreateAuditTrail1795772400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL,
        actor_id uuid NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        changes jsonb NOT NULL,
        request_id text,
        CONSTRAINT audit_events_actor_fk FOREIGN KEY (actor_id) REFERENCES users (id),
        CONSTRAINT audit_events_actor_is_agency CHECK (actor_role IN ('recruiter', 'staff')),
        CONSTRAINT audit_events_entity_type_known CHECK (entity_type IN ('client', 'job', 'user', 'application')),
        CONSTRAINT audit_events_action_names_entity CHECK (action ~ '^[a-z]+\\.[a-z_]+$' AND split_part(action, '.', 1) = entity_type),
        CONSTRAINT audit_events_changes_present CHECK (jsonb_typeof(changes) = 'object' AND changes <> '{}'::jsonb),
        CONSTRAINT audit_events_request_id_length CHECK (char_length(request_id) <= 64)
      );
      CREATE INDEX audit_events_newest_idx ON audit_events (occurred_at DESC, id DESC);
      CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, occurred_at DESC, id DESC);
      CREATE INDEX audit_events_entity_idx ON audit_events (entity_id, occurred_at DESC, id DESC);
      CREATE INDEX audit_events_entity_type_idx ON audit_events (entity_type, occurred_at DESC, id DESC);
      CREATE INDEX audit_events_action_idx ON audit_events (action, occurred_at DESC, id DESC);

      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only: rows are never changed or removed'
          USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'audit_events_append_only';
      END $$;
      CREATE TRIGGER audit_events_append_only_rows BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
      CREATE TRIGGER audit_events_append_only_table BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE audit_events;
      DROP FUNCTION audit_events_refuse_change();
    `);
  }
}
