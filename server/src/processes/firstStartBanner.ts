/** Printed once, framed so it stands out among the JSON log lines: the first login and where to change its password. */
export function firstStartBanner(url: string, email: string, password: string): string {
  const line = '='.repeat(72);
  return [
    '',
    line,
    'First start: Tandem created an admin login and a sandbox workspace "Demo shop".',
    `  Open      ${url}`,
    `  E-mail    ${email}`,
    `  Password  ${password}`,
    'Change this password now: log in, click your e-mail at the top right,',
    'then "Change password". (Or set TANDEM_ADMIN_EMAIL and TANDEM_ADMIN_PASSWORD',
    'before the first start.) This password is not shown again.',
    line,
    '',
    '',
  ].join('\n');
}
