const MIN_PASSWORD_LENGTH = 10;

export interface PasswordForm {
  current: string;
  next: string;
  again: string;
}

/** Which rules the typed passwords break, keyed by field, in words for the person typing; empty when they may be sent. */
export function passwordProblems(form: PasswordForm): Partial<Record<keyof PasswordForm, string>> {
  const problems: Partial<Record<keyof PasswordForm, string>> = {};
  if (!form.current) problems.current = 'Type your current password';
  if (form.next.length < MIN_PASSWORD_LENGTH) {
    problems.next = form.next ? `Too short: ${form.next.length} of at least ${MIN_PASSWORD_LENGTH} characters` : 'Type a new password';
  } else if (form.next.length > 200) problems.next = 'Too long: use at most 200 characters';
  else if (form.next === form.current) problems.next = 'This is your current password: choose another one';
  if (form.again !== form.next) problems.again = form.again ? 'The two new passwords differ' : 'Type the new password again';
  return problems;
}

/** The rules a new password must meet (the server checks the first two too), each with whether the typed passwords meet it. */
export function ruleChecks(form: PasswordForm): { text: string; met: boolean }[] {
  return [
    { text: `At least ${MIN_PASSWORD_LENGTH} characters`, met: form.next.length >= MIN_PASSWORD_LENGTH },
    { text: 'Not the same as your current password', met: form.next !== '' && form.next !== form.current },
    { text: 'Typed the same way twice', met: form.next !== '' && form.again === form.next },
  ];
}
