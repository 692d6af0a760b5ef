import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';

/** Said in the form itself when what the person wrote before their session ended is back in it. */
export const DRAFT_KEPT_WORDS = 'We kept what you wrote; check it and send it again.';

const STORAGE_PREFIX = 'hb-draft:';

/** A form's fields by id (or name, for radio groups), as typed. */
export type DraftFields = Record<string, string>;

interface StoredDraft {
  /** Whose words these are: a draft is given back only to the same person. */
  userId: string;
  fields: DraftFields;
}

/** One form that keeps its draft: its name on the page, and how to read what is in it now. */
export interface DraftSource {
  readonly name: () => string;
  readonly read: () => DraftFields;
}

/**
 * Words typed into a form outlive a session that ends meanwhile: when a request finds the session
 * gone, every form on the page that opted in (`hbKeepDraft`) is kept in this tab's sessionStorage,
 * by page and form, and given back when the same person returns to that page after signing in.
 * Never passwords: the form reads only text fields, choices and dates (see KeepDraft).
 */
@Injectable({ providedIn: 'root' })
export class KeptDrafts {
  private readonly router = inject(Router);
  private readonly sources = new Set<DraftSource>();

  register(source: DraftSource): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }

  /** Called when the session of `userId` ended: keeps every open form that has words in it. */
  keepAll(userId: string): void {
    for (const source of this.sources) {
      const fields = source.read();
      if (Object.values(fields).some((value) => value.trim() !== '')) {
        this.write(this.key(source.name()), { userId, fields });
      }
    }
  }

  /** The draft kept for this form on this page for this person, forgotten as it is given back. */
  takeBack(name: string, userId: string | undefined): DraftFields | null {
    const key = this.key(name);
    const stored = this.readStored(key);
    if (!stored) {
      return null;
    }
    sessionStorage.removeItem(key);
    return stored.userId === userId ? stored.fields : null;
  }

  private key(name: string): string {
    const page = this.router.url.split(/[?#]/)[0];
    return `${STORAGE_PREFIX}${page}#${name}`;
  }

  private write(key: string, draft: StoredDraft): void {
    try {
      sessionStorage.setItem(key, JSON.stringify(draft));
    } catch {
      // Storage full or refused (private mode): the words are lost as they would have been before.
    }
  }

  private readStored(key: string): StoredDraft | null {
    try {
      const parsed: unknown = JSON.parse(sessionStorage.getItem(key) ?? 'null');
      if (
        typeof parsed === 'object' &&
        parsed !== null &&
        typeof (parsed as StoredDraft).userId === 'string' &&
        typeof (parsed as StoredDraft).fields === 'object'
      ) {
        return parsed as StoredDraft;
      }
    } catch {
      // A damaged entry is no draft.
    }
    return null;
  }
}
