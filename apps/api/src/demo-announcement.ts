import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoPartnership } from '#libs/demo';

/** Where the demo administrator's generated password is kept, for whoever started the portal and nobody else. */
export const demoAdminPasswordFile = (dataDir: string): string => join(dataDir, 'demo-admin-password');

/**
 * The start banner's lines about the demo partnership. Its administrator's password is never published: the
 * loader generates one, which is printed the one time it is made and written to a file only the portal's own
 * user may read (as Jenkins keeps its initialAdminPassword), so a developer who missed the line can find it.
 */
export async function announceDemo(demo: DemoPartnership, dataDir: string): Promise<string[]> {
  const lines = [
    demo.loaded ? 'Demo partnership loaded.' : 'Demo partnership already present.',
    `Demo sign-ins (password "${demo.password}"):`,
    ...demo.signIns.map((s) => `  ${s.email.padEnd(46)} ${s.roles.join(', ').padEnd(20)} ${s.agency}`),
  ];
  const { email, password } = demo.administrator;
  const file = demoAdminPasswordFile(dataDir);
  if (password === null) {
    const kept = await stat(file).then(
      () => true,
      () => false,
    );
    lines.push(
      `Demo administrator: ${email} (its password was printed when it was created${kept ? `, and is in ${file}` : ''})`,
    );
    return lines;
  }
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    // A file left from an earlier database may be readable by others: replace it rather than write into it.
    await rm(file, { force: true });
    await writeFile(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
    lines.push(
      `Demo administrator: ${email}, password "${password}" (shown this once; kept in ${file}, readable by this user alone)`,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    lines.push(
      `Demo administrator: ${email}, password "${password}" (shown this once: it could not be kept in ${file}: ${reason})`,
    );
  }
  return lines;
}
