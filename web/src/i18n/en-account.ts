import type { CatalogueEntry } from './catalogue.js';

/** Sign-in with a second factor and the user's own account page. */
export const enAccount = {
  'login.code': 'Code from your authenticator app',
  'login.codeHint': 'Six digits; a new one every 30 seconds.',
  'login.codeNeeded':
    'Your account signs in with a second factor. Enter the code your authenticator app shows.',
  'login.codeWrong': 'That code is not right or has been used. Wait for the next one and try again.',
  'login.back': 'Use another account',
  'login.accountLocked':
    'This account is locked after too many failed sign-ins. Try again after {time}, or ask an administrator to unlock it.',

  'nav.account': 'My account',
  'account.title': 'My account',
  'account.lead': 'Your sign-in and your unit.',
  'account.unit': 'Unit',
  'account.roles': 'Roles',
  'account.secondFactor': 'Second factor',
  'account.secondFactor.lead':
    'With a second factor, signing in needs a six-digit code from an authenticator app on your phone as well as your password.',
  'account.secondFactor.on': 'On since {date}.',
  'account.secondFactor.off': 'Off: your password alone signs you in.',
  'account.secondFactor.setUp': 'Set up a second factor',
  'account.secondFactor.step1':
    'In your authenticator app, add an account with this key (or open the link on the phone):',
  'account.secondFactor.key': 'Key',
  'account.secondFactor.link': 'Link for the app',
  'account.secondFactor.step2': 'Then type the code the app shows to turn the second factor on.',
  'account.secondFactor.enable': 'Turn on',
  'account.secondFactor.enabled':
    'The second factor is on. Keep the phone: without it you need an administrator to sign in.',
  'account.secondFactor.disable': 'Turn off',
  'account.secondFactor.disableHint': 'Type a current code to turn the second factor off.',
  'account.secondFactor.disabled': 'The second factor is off.',
  'account.secondFactor.code': 'Code',
  'account.secondFactor.cancel': 'Cancel',

  'users.secondFactor': 'Second factor',
  'users.secondFactor.on': 'On',
  'users.secondFactor.remove': 'Remove second factor',
  'users.secondFactor.confirmTitle': 'Remove the second factor of {user}?',
  'users.secondFactor.confirmBody':
    'They will sign in with their password alone until they set up a new one. Do this when the phone is lost or replaced; it is recorded in the audit log.',
  'users.secondFactor.removed': 'The second factor of {user} was removed.',
  'users.locked': 'Locked until {time}',
  'users.locked.hint': 'Too many failed sign-ins or codes. It unlocks by itself at that time.',
  'users.unlock': 'Unlock',
  'users.unlocked': 'The account {user} is unlocked and can sign in again.',
} as const satisfies Record<string, CatalogueEntry>;
