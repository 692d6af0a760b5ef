/** GET /api/about (public): what every page may need to know about this installation. */
export interface AboutView {
  /** True when the demo accounts, whose password is published, are loaded: not for real people's data. */
  demo: boolean;
}

/** Logged at start when demo data is on, and the reason for the portal's banner. */
export const DEMO_MODE_WARNING = 'Demo accounts with a published password are active: not for real people';
