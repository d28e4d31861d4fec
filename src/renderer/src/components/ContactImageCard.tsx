// One side of a push conflict: a Xero contact as it was reviewed, as it is now, or as the change would leave it.
import type { ContactImage } from '../../../shared/contract-outbox';
import { formatDateTime } from '../lib/dates';

export function ContactImageCard({ title, image }: { title: string; image: ContactImage | null }) {
  return (
    <div className="contact-image">
      <strong>{title}</strong>
      {image ? (
        <dl>
          <dt>Name</dt>
          <dd>{image.name}</dd>
          <dt>Account number</dt>
          <dd>{image.accountNumber || '—'}</dd>
          <dt>Status</dt>
          <dd>{image.status}</dd>
          <dt>Updated</dt>
          <dd>{formatDateTime(image.updatedDateUtc) || '—'}</dd>
        </dl>
      ) : (
        <p className="muted small">—</p>
      )}
    </div>
  );
}
