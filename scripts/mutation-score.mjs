// Prints the mutation score of the last `stryker run` (its JSON report), as the README promises:
// `mutation score: N%` (killed and timed-out mutants over all that tests could reach).
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync('reports/mutation/mutation.json', 'utf8'));
const counts = {};
for (const file of Object.values(report.files)) {
  for (const mutant of file.mutants) counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
}
const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
process.stdout.write(`${JSON.stringify(counts)}\n`);
process.stdout.write(`mutation score: ${((100 * detected) / valid).toFixed(1)}%\n`);
