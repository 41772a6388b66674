// What went wrong with config.json, in words: shown (rarely) in a banner, so apart from
// ./config, which boot loads.
import type { ConfigProblem } from './config';
import { t } from './i18n';

/** The file's name (and its `apiUrl`) are names, not words: values in the messages below. */
const FILE = 'config.json';

/** What went wrong with config.json, in the reader's language. */
export function describeConfigProblem(problem: ConfigProblem): string {
  switch (problem.kind) {
    case 'unreachable':
      return t('{file} could not be loaded; running on the demo backend.', { file: FILE });
    case 'status':
      return t('{file} answered HTTP {status}; running on the demo backend.', {
        file: FILE,
        status: String(problem.status),
      });
    case 'invalid':
      return t('{file} is not valid; running on the demo backend.', { file: FILE });
    case 'bad-url':
      return t('{file} names an invalid {setting} ({value}).', {
        file: FILE,
        setting: 'apiUrl',
        value: problem.value,
      });
  }
}
