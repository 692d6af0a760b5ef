import { BadRequestException } from '@nestjs/common';

/** For unit tests of pipes: the body of the 400 `run` refused with; anything else, or no refusal, fails the test. */
export function refusalOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof BadRequestException) return error.getResponse();
    throw error;
  }
  throw new Error('not refused');
}
