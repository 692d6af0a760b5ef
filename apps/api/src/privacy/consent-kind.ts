/** What a consent covers, as stored in `consents.kind`. */
export enum ConsentKind {
  /** One application: given when it is sent, withdrawn with it. */
  Application = 'application',
  /** "Consider me for other jobs": optional, separate, given and withdrawn by the candidate at any time. */
  TalentPool = 'talent_pool',
}
