import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { CLIENT_REVIEW_PAGE_PATH, UserRole } from '@heardback/contracts';
import { filter } from 'rxjs';
import { DemoBanner } from './core/demo-banner';
import { NoticeService } from './core/notice';
import { SessionStore } from './core/session';

interface NavItem {
  label: string;
  link: string;
  /** Which paths count as "this page" for aria-current. */
  matches: (path: string) => boolean;
}

const startsWith =
  (...prefixes: string[]) =>
  (path: string) =>
    prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** Pages for people with no account who came by a personal link, and go nowhere else from it. */
const LINK_ONLY_PATHS = [CLIENT_REVIEW_PAGE_PATH];

export function isLinkOnlyPath(path: string): boolean {
  return LINK_ONLY_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

const JOBS: NavItem = { label: 'Jobs', link: '/jobs', matches: startsWith('/jobs') };
/** A recruiter's or staff member's own account: how they are emailed, their zone, password, sessions. */
const ACCOUNT: NavItem = { label: 'Account', link: '/account', matches: startsWith('/account') };

const NAV_BY_ROLE: Record<UserRole | 'visitor', readonly NavItem[]> = {
  visitor: [
    JOBS,
    { label: 'Sign in', link: '/sign-in', matches: startsWith('/sign-in') },
    { label: 'Register', link: '/register', matches: startsWith('/register') },
  ],
  [UserRole.Candidate]: [
    JOBS,
    {
      label: 'My applications',
      link: '/me',
      matches: (path) => path === '/me' || path.startsWith('/me/applications'),
    },
    { label: 'Profile', link: '/me/profile', matches: startsWith('/me/profile') },
    { label: 'Your data', link: '/me/data', matches: startsWith('/me/data') },
  ],
  [UserRole.Recruiter]: [JOBS, { label: 'Recruiting', link: '/recruiter', matches: startsWith('/recruiter') }, ACCOUNT],
  [UserRole.Staff]: [
    JOBS,
    { label: 'Recruiting', link: '/recruiter', matches: startsWith('/recruiter') },
    { label: 'Staff', link: '/staff', matches: startsWith('/staff') },
    ACCOUNT,
  ],
};

/** The shell: skip link, demo note (in demo mode), header with role-aware navigation, page notices and the routed page. */
@Component({
  selector: 'hb-root',
  imports: [DemoBanner, RouterLink, RouterOutlet],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly session = inject(SessionStore);
  protected readonly notices = inject(NoticeService);
  private readonly router = inject(Router);

  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly path = signal('');

  protected readonly navItems = computed(() => NAV_BY_ROLE[this.session.role() ?? 'visitor']);
  /**
   * A page opened from a personal link by someone with no account (a client interviewer): a neutral
   * header, with no way from it into the job board, sign-in or anyone's area. Known from the
   * browser's address before the first navigation ends, so the navigation never flashes.
   */
  protected readonly linkOnly = signal(isLinkOnlyPath(inject(DOCUMENT).location?.pathname ?? ''));
  protected readonly signingOut = signal(false);

  constructor() {
    this.router.events
      .pipe(
        filter((event): event is NavigationEnd => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe((event) => this.navigated(event.urlAfterRedirects));
  }

  protected isCurrent(item: NavItem): boolean {
    return item.matches(this.path());
  }

  protected async signOut(): Promise<void> {
    if (this.signingOut()) {
      return;
    }
    this.signingOut.set(true);
    try {
      await this.session.signOut();
      await this.router.navigateByUrl('/jobs');
      this.notices.show('You are signed out.', 'success');
    } finally {
      this.signingOut.set(false);
    }
  }

  private navigated(url: string): void {
    this.notices.navigated();
    const segments = this.router.parseUrl(url).root.children['primary']?.segments ?? [];
    const path = `/${segments.map((segment) => segment.path).join('/')}`;
    const previous = this.path();
    this.path.set(path);
    this.linkOnly.set(isLinkOnlyPath(path));
    // A new page moves focus to its content, as a page load would; a new search on the same page does not.
    if (previous !== '' && previous !== path) {
      this.main().nativeElement.focus({ preventScroll: false });
    }
  }
}
