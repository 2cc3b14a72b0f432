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

  'password.change': 'Change password',
  'password.lead':
    'Choose a password only you know. Changing it signs you out on every other computer and browser.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.repeat': 'New password again',
  'password.hint': 'At least {min} characters. A few unrelated words are easy to remember and hard to guess.',
  'password.mismatch': 'The two new passwords are not the same.',
  'password.wrongCurrent':
    'That is not your current password. Five wrong tries in a row lock the account for a while.',
  'password.changed': {
    zero: 'Your password is changed.',
    one: 'Your password is changed. You were signed out on one other browser.',
    other: 'Your password is changed. You were signed out on {count} other browsers.',
  },
  'password.required.title': 'Choose your own password',
  'password.required.body':
    'Welcome, {user}. You signed in with a password an administrator gave you. Choose one only you know before you go on.',
  'password.required.submit': 'Set my password and continue',

  'users.actions': 'Actions',
  'users.edit': 'Edit',
  'users.edit.title': 'Edit {user}',
  'users.edit.save': 'Save changes',
  'users.saved': 'The changes to {user} are saved.',
  'users.disable': 'Disable',
  'users.disable.title': 'Disable {user}?',
  'users.disable.body':
    'They are signed out at once, cannot sign in, and their API tokens stop working. Their work stays in the records and the audit log. You can enable the account again later.',
  'users.disabled': 'The account {user} is disabled.',
  'users.enable': 'Enable',
  'users.enable.title': 'Enable {user}?',
  'users.enable.body': 'They can sign in again with their password, and their API tokens work again.',
  'users.enabled': 'The account {user} is enabled.',
  'users.mustChangePassword': 'Must set own password',
  'users.mustChangePassword.hint':
    'Signs in with a password an administrator gave, and must choose their own before anything else.',
  'users.reset': 'Reset password',
  'users.reset.title': 'Reset the password of {user}',
  'users.reset.body':
    'They are signed out everywhere and must choose their own password the next time they sign in with the temporary one.',
  'users.reset.how': 'How to make the temporary password',
  'users.reset.generate': 'Make one for me (shown once)',
  'users.reset.type': 'Type one',
  'users.reset.password': 'Temporary password',
  'users.reset.confirm': 'Reset password',
  'users.reset.shownOnce':
    'Give this temporary password to {user} in person or by phone. It is shown only now; they choose their own when they sign in with it.',
  'users.reset.copy': 'Copy',
  'users.reset.handedOver': 'Done',
  'users.reset.done': 'The password of {user} is reset; they choose their own at the next sign-in.',
} as const satisfies Record<string, CatalogueEntry>;
