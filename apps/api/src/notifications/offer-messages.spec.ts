import { OfferAnswer, PayPeriod } from '@heardback/contracts';
import { offerAnsweredEmail, offerDeclinedText, offerMadeText, startDateText } from './offer-messages';

describe('offer words', () => {
  it('writes every term given, and leaves out those not given', () => {
    const full = offerMadeText({
      title: 'Ward Nurse',
      clientName: 'Bluefin Health',
      pay: { amount: 41_500, currency: 'GBP', period: PayPeriod.Year },
      startDate: '2027-01-04',
      message: 'The panel would love you to join.',
      replyBy: 'Friday, 11 December 2026, 17:00 GMT',
    });
    expect(full).toBe(
      'Good news: Bluefin Health offers you the role of Ward Nurse. Pay: 41,500 GBP a year. Proposed start date: Monday, 4 January 2027. The panel would love you to join. Please accept or decline it on your application page by Friday, 11 December 2026, 17:00 GMT.',
    );
    const bare = offerMadeText({
      title: 'Ward Nurse',
      clientName: 'Bluefin Health',
      pay: null,
      startDate: null,
      message: null,
      replyBy: 'Friday',
    });
    expect(bare).not.toContain('Pay:');
    expect(bare).not.toContain('start date');
  });

  it('names a start date without letting a time zone move it', () => {
    expect(startDateText('2030-02-04')).toBe('Monday, 4 February 2030');
  });

  it('keeps the candidate’s reason in their own words, for them and their recruiter', () => {
    expect(offerDeclinedText('Closer to home.')).toContain('"Closer to home."');
    expect(offerDeclinedText(null)).toBe('You declined the offer. This application is now closed.');
    const email = offerAnsweredEmail({
      recipientName: 'Riley',
      candidateName: 'Olive',
      jobTitle: 'Ward Nurse',
      clientName: 'Bluefin Health',
      answer: OfferAnswer.Declined,
      reason: 'Closer to home.',
      link: 'https://example.test/x',
    });
    expect(email.subject).toBe('Olive declined the offer (Ward Nurse)');
    expect(email.body).toContain('Their reason, in their words:\n\n> Closer to home.\n\nhttps://example.test/x');
  });
});
