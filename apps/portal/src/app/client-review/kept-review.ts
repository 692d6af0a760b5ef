import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';

/** What the client interviewer had typed, as the form holds it. */
export type KeptFeedback = Record<string, unknown>;

const KEY = 'hb-client-review';

/**
 * The review link and the feedback typed on it, kept in this tab's session storage, so a reload (or
 * a phone that drops the page) neither loses the link, which the page takes out of the address bar,
 * nor what was written. Session storage is this tab's alone and gone when it closes: the link is
 * still in no history, bookmark or screenshot. Forgotten once the feedback is sent or the link is
 * dead. Without session storage (a privacy mode) nothing is kept, as before.
 */
@Injectable({ providedIn: 'root' })
export class KeptReview {
  private readonly storage = storageOf(inject(DOCUMENT));

  /** The link this tab was opened with, when the address no longer carries it. */
  token(): string {
    return this.read()?.token ?? '';
  }

  /** Keeps `token`; a different link than the one kept starts with nothing typed. */
  keepToken(token: string): void {
    if (this.read()?.token !== token) this.write({ token });
  }

  /** What was typed for `token`, if anything. */
  feedback(token: string): KeptFeedback | null {
    const kept = this.read();
    return kept?.token === token ? (kept.feedback ?? null) : null;
  }

  keepFeedback(token: string, feedback: KeptFeedback): void {
    this.write({ token, feedback });
  }

  forget(): void {
    try {
      this.storage?.removeItem(KEY);
    } catch {
      // nothing kept, nothing to forget
    }
  }

  private read(): { token: string; feedback?: KeptFeedback } | null {
    try {
      const raw = this.storage?.getItem(KEY);
      const kept: unknown = raw ? JSON.parse(raw) : null;
      return kept && typeof (kept as { token?: unknown }).token === 'string'
        ? (kept as { token: string; feedback?: KeptFeedback })
        : null;
    } catch {
      return null;
    }
  }

  private write(kept: { token: string; feedback?: KeptFeedback }): void {
    try {
      this.storage?.setItem(KEY, JSON.stringify(kept));
    } catch {
      // full or refused: the page works as before, without a kept copy
    }
  }
}

function storageOf(document: Document): Storage | null {
  try {
    return document.defaultView?.sessionStorage ?? null;
  } catch {
    return null;
  }
}
