import { basename } from 'node:path';
import { logsStatements, markTheLog } from './statement-log';

// With E2E_LOG_STATEMENTS=1, each spec file and test leaves a marker in the statement log (statement-log.ts).
if (logsStatements) {
  const databaseUrl = () => process.env['TEST_DATABASE_URL'] ?? '';
  const spec = basename(expect.getState().testPath ?? 'unknown');
  beforeAll(() => markTheLog(databaseUrl(), `${spec} (setup)`));
  beforeEach(() => markTheLog(databaseUrl(), `${spec} › ${expect.getState().currentTestName ?? ''}`));
}
