import { ErrorCode } from '@heardback/contracts';
import { fieldError } from '@heardback/domain';
import { IsDefined, IsEmail, IsIn, IsNotEmpty, IsString, MaxLength, validateSync } from 'class-validator';
import { ApiExceptionFilter } from './api-exception.filter';
import { toFieldErrors, validationSummary } from './validation-errors';

class Note {
  @IsNotEmpty()
  @MaxLength(2000)
  text!: string;

  @IsEmail()
  email!: string;
}

function refusalOf(body: Partial<Note>) {
  return toFieldErrors(validateSync(Object.assign(new Note(), body)));
}

describe('validation errors in words for a person', () => {
  it('says each reason as a sentence without the field’s code name, keeping the field for the portal', () => {
    const details = refusalOf({ text: 'x'.repeat(2001), email: 'priya' });

    expect(details).toEqual([
      { field: 'text', reasons: ['Write at most 2,000 characters.'] },
      { field: 'email', reasons: ['Enter an email address, such as name@example.com.'] },
    ]);
  });

  it('says only that a field is missing when it is, not every rule its value would have had to keep', () => {
    class Profile {
      @IsString()
      @IsNotEmpty({ message: 'Enter your full name.' })
      @MaxLength(120)
      fullName!: string;

      @IsDefined()
      @IsIn(['candidate', 'staff'])
      role!: string;
    }
    const refusal = (body: object) => toFieldErrors(validateSync(Object.assign(new Profile(), body)));

    for (const fullName of [undefined, null, '']) {
      expect(refusal({ fullName, role: 'staff' })).toEqual([{ field: 'fullName', reasons: ['Enter your full name.'] }]);
    }
    expect(refusal({ fullName: 'Sam' })).toEqual([{ field: 'role', reasons: ['Fill this in.'] }]);
    // A list with a blank item is there: it gets every rule it breaks, the blank item's included.
    class Interview {
      @IsString({ each: true })
      @IsNotEmpty({ each: true, message: 'Each interviewer needs a name.' })
      @MaxLength(5, { each: true })
      interviewers!: string[];
    }
    expect(toFieldErrors(validateSync(Object.assign(new Interview(), { interviewers: ['', 'Alexandra'] })))).toEqual([
      {
        field: 'interviewers',
        reasons: ['Write at most 5 characters.', 'Each interviewer needs a name.'],
      },
    ]);
    // Present but wrong: every rule it breaks.
    expect(refusal({ fullName: 42, role: 'owner' })).toEqual([
      { field: 'fullName', reasons: ['Write at most 120 characters.', 'Write this as text.'] },
      { field: 'role', reasons: ['Choose one of: candidate, staff.'] },
    ]);
  });

  it('turns our own short rules into advice', () => {
    const details = toFieldErrors([
      { property: 'text', constraints: { isNotEmpty: 'must not be empty: tell your recruiter in a few words' } },
      { property: 'mine', constraints: { isBoolean: 'must be true or false' } },
    ]);

    expect(details.map((detail) => detail.reasons[0])).toEqual([
      'Tell your recruiter in a few words.',
      'Answer yes or no.',
    ]);
  });

  it('gives one field’s reason as the message, and names each field by its label when there are several', () => {
    expect(validationSummary([{ field: 'fullName', reasons: ['Enter your full name.'] }])).toBe(
      'Enter your full name.',
    );
    expect(validationSummary(refusalOf({ text: '', email: 'priya' }))).toBe(
      'Some answers need changing. Your message: Fill this in. Email: Enter an email address, such as name@example.com.',
    );
  });

  it('words a refusal raised by a rule the same way, without “field: reason”', () => {
    const body = new ApiExceptionFilter().toApiError(fieldError('currentPassword', 'is not your current password'));

    expect(body).toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: 'This is not your current password.',
      details: [{ field: 'currentPassword', reasons: ['This is not your current password.'] }],
    });
  });
});
