// The first step of `npm test`: the browser tests need Chromium from the system's packages (never a
// downloaded browser). When it is missing, install Debian's (or Ubuntu's) package: as root, or with
// sudo where that works without a prompt. Where it cannot, stop at once with the one command to run,
// before the slower steps.
//
//   tsx scripts/ensure-browser.ts     (CHROMIUM_PATH overrides where Chromium is looked for)
import { execSync, spawnSync } from 'node:child_process';
import { findChromium } from './chromium';

function version(path: string) {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8' });
  return (result.stdout || result.stderr).trim().split('\n')[0] ?? 'unknown version';
}

const has = (command: string) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

function install(): boolean {
  if (!has('apt-get')) return false;
  const root = process.getuid?.() === 0;
  const sudo = root ? '' : 'sudo -n ';
  if (!root && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status !== 0) return false;
  process.stdout.write("Chromium is missing: installing the system's package (apt-get)…\n");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit', env });
    execSync(`${sudo}apt-get install -y -qq chromium`, { stdio: 'inherit', env });
    return true;
  } catch {
    return false;
  }
}

let chromium = findChromium();
if (!chromium && !process.env.CHROMIUM_PATH && install()) chromium = findChromium();
if (!chromium) {
  process.stderr.write(
    process.env.CHROMIUM_PATH
      ? `No Chromium at CHROMIUM_PATH=${process.env.CHROMIUM_PATH}.\n`
      : 'The browser tests need Chromium from your system, and it could not be installed here.\n' +
          'Install it, then run npm test again:\n\n    sudo apt-get install -y chromium\n\n' +
          '(Elsewhere, point CHROMIUM_PATH at a Chromium or Chrome binary.)\n',
  );
  process.exit(1);
}
process.stdout.write(`Browser for the tests: ${version(chromium)} (${chromium})\n`);
