import { HttpErrorResponse } from '@angular/common/http';
import { ErrorCode } from '@heardback/contracts';
import { httpErrorMessage } from './http-error-message';

describe('httpErrorMessage', () => {
  it('tells the visitor to check their connection when the server cannot be reached', () => {
    expect(httpErrorMessage(new HttpErrorResponse({ status: 0 }))).toMatch(
      /could not reach Heardback.*connection/,
    );
  });

  it('uses the API’s own explanation when it refused the request', () => {
    const error = new HttpErrorResponse({
      status: 400,
      error: {
        statusCode: 400,
        code: ErrorCode.ValidationFailed,
        message: 'limit must not be greater than 100',
      },
    });

    expect(httpErrorMessage(error)).toBe('limit must not be greater than 100');
  });

  it('says a server failure is not the visitor’s fault, whatever the body says', () => {
    const error = new HttpErrorResponse({
      status: 500,
      error: {
        statusCode: 500,
        code: ErrorCode.Internal,
        message: 'relation "job" does not exist',
      },
    });

    expect(httpErrorMessage(error)).toBe(
      'Our server had a problem (error 500). It is not something you did.',
    );
  });

  it('asks the visitor to wait when they are rate limited', () => {
    expect(httpErrorMessage(new HttpErrorResponse({ status: 429 }))).toMatch(
      /Wait a few seconds/,
    );
  });
});
