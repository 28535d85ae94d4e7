// Provisions the browser the dashboard's e2e test drives: Chromium from Debian's packages (Playwright's own
// browser download is not reachable here). Found, or installed with apt-get when running as root (as CI
// does), or one clear message saying how to get it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export function ensureChromium(log: (msg: string) => void): string {
  const wanted = process.env.HOLDFAST_CHROMIUM ?? DEBIAN_CHROMIUM;
  if (existsSync(wanted)) return wanted;
  const canInstall =
    wanted === DEBIAN_CHROMIUM &&
    process.getuid?.() === 0 &&
    spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!canInstall) {
    throw new Error(
      `no Chromium at ${wanted}: install it (\`sudo apt-get install chromium\` on Debian) or set HOLDFAST_CHROMIUM to a Chromium binary`,
    );
  }
  log('installing Chromium from Debian packages for the dashboard e2e test (first run only)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  return wanted;
}
