import { EnvironmentProviders, Provider } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Routes, provideRouter, withComponentInputBinding } from '@angular/router';
import { NOW } from '../core/date-time';

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
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter(routes, withComponentInputBinding()),
      ...(now ? [{ provide: NOW, useValue: () => now }] : []),
      ...providers,
    ],
  });
  return TestBed.inject(HttpTestingController);
}

/** What `TestRequest.flush` accepts: a body, and the status of an error. */
export type ResponseBody = Parameters<TestRequest['flush']>[0];
