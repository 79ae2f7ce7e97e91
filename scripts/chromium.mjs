// Debian's Chromium as every browser test launches it: where it is, and the flags that keep it
// quiet and local when run as root on a machine without a network (see TOOLING in README).
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Stops Chromium's own DNS look-ups; tests only ever reach 127.0.0.1.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];
