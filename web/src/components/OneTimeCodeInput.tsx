/** The six digits of an authenticator app's code: a numeric keypad on phones, anything else dropped. */
export function OneTimeCodeInput({
  id,
  value,
  onChange,
  className,
  autoFocus,
  describedBy,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  className?: string;
  autoFocus?: boolean;
  describedBy?: string;
}) {
  return (
    <input
      id={id}
      name="code"
      className={className}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      autoFocus={autoFocus}
      required
      value={value}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value.replace(/\D/g, ''))}
    />
  );
}
