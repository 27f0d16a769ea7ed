import { translate } from '@arogyam/ui';

/** The doctor's photo, or their initials where there is none, so every card has the same shape. */
export function DoctorPhoto({
  name,
  photo,
  size,
}: {
  name: string;
  photo?: string;
  size: 'small' | 'large';
}) {
  const className = `doctor-photo doctor-photo-${size}`;
  if (photo) return <img className={className} src={photo} alt={translate('Photo of {{name}}', { name })} />;
  const initials = name
    .replace(/^Dr\.?\s+/i, '')
    .split(/\s+/)
    .map((word) => word.charAt(0))
    .slice(0, 2)
    .join('')
    .toUpperCase();
  return (
    <span
      className={`${className} doctor-photo-initials`}
      role="img"
      aria-label={translate('No photo of {{name}}', { name })}
    >
      {initials}
    </span>
  );
}
