import { Injectable, signal } from '@angular/core';

export interface Notice {
  text: string;
  tone: 'info' | 'success' | 'warning';
}

/**
 * One short message for the whole page ("You are signed out.", "That page is for recruiters…").
 * The shell shows it in an aria-live region and clears it when the person moves on.
 */
@Injectable({ providedIn: 'root' })
export class NoticeService {
  private readonly currentNotice = signal<Notice | null>(null);
  private keepThroughNavigation = false;

  readonly notice = this.currentNotice.asReadonly();

  /**
   * Shows a message until the next navigation ends, or, with `duringNavigation`, until the one
   * after it: for a guard whose redirect is still under way.
   */
  show(text: string, tone: Notice['tone'] = 'info', { duringNavigation = false } = {}): void {
    this.currentNotice.set({ text, tone });
    this.keepThroughNavigation = duringNavigation;
  }

  dismiss(): void {
    this.currentNotice.set(null);
    this.keepThroughNavigation = false;
  }

  /** Called by the shell when a navigation ends. */
  navigated(): void {
    if (this.keepThroughNavigation) {
      this.keepThroughNavigation = false;
      return;
    }
    this.currentNotice.set(null);
  }
}
