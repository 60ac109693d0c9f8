// Writes the generated widget registry before the unit tests import it (scripts/widgets.ts).
import { execFileSync } from 'node:child_process';

export default function setup() {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/widgets.ts'], { stdio: 'inherit' });
}
