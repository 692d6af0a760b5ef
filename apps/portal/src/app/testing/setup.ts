import { EnvironmentProviders, Provider, Type } from '@angular/core';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { Routes, provideRouter, withComponentInputBinding } from '@angular/router';
import { UserView } from '@heardback/contracts';
import { NOW } from '../core/date-time';
import { idempotencyKeyInterceptor } from '../core/idempotency-key';
import { SessionStore } from '../core/session';
import { SEARCH_PAUSE_MS } from '../core/typed-search';

export interface PortalTestOptions {
  /** The routes the test navigates; route parameters bind to inputs, as in the app. */
  routes?: Routes;
  /** "Now" for the page, so no test depends on the wall clock. */
  now?: Date;
  providers?: (Provider | EnvironmentProviders)[];
}

/**
 * Configures TestBed the way the portal runs: HttpClient against a mock, the router, and the
 * clock fixed when `now` is given. Returns the mock, to answer requests with.
 */
export function setUpPortalTest({ routes = [], now, providers = [] }: PortalTestOptions = {}): HttpTestingController {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([idempotencyKeyInterceptor])),
      provideHttpClientTesting(),
      provideRouter(routes, withComponentInputBinding()),
      ...(now ? [{ provide: NOW, useValue: () => now }] : []),
      ...providers,
    ],
  });
  return TestBed.inject(HttpTestingController);
}

/** Sets up TestBed, creates `component` and lets it settle: what a component spec starts from. */
export async function renderComponent<T>(
  component: Type<T>,
  options: PortalTestOptions = {},
): Promise<{ fixture: ComponentFixture<T>; http: HttpTestingController }> {
  const http = setUpPortalTest(options);
  const fixture = TestBed.createComponent(component);
  await fixture.whenStable();
  return { fixture, http };
}

/** Sets up TestBed with `routes` and a router harness: what a routed page's spec starts from. */
export async function routeHarness(
  options: PortalTestOptions,
): Promise<{ harness: RouterTestingHarness; http: HttpTestingController }> {
  const http = setUpPortalTest(options);
  return { harness: await RouterTestingHarness.create(), http };
}

/** Sets up TestBed and hands over `service` with the HTTP mock: what a service spec starts from. */
export function serviceUnderTest<T>(service: Type<T>): { service: T; http: HttpTestingController } {
  const http = setUpPortalTest();
  return { service: TestBed.inject(service), http };
}

/** Loads the session the way the API answers "who am I?": as `user`, or as a visitor for null. */
export async function signedInAs(http: HttpTestingController, user: UserView | null): Promise<void> {
  const loading = TestBed.inject(SessionStore).load();
  http.expectOne('/api/auth/session').flush({ user });
  await loading;
}

/**
 * Lets a search box's pause pass (SEARCH_PAUSE_MS) and the page settle, so the search it asks for has been
 * sent. The pause starts when the page next settles after typing, not when the test typed: waiting from the
 * typing alone failed on a busy machine, when settling took longer than the margin.
 */
export async function afterSearchPause(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  await fixture.whenStable();
  await new Promise((resolve) => setTimeout(resolve, SEARCH_PAUSE_MS + 50));
  await fixture.whenStable();
}
