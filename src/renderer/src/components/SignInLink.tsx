// While connecting: the Xero sign-in page as a link (the web host cannot open a browser by itself).
import { useState } from 'react';
import { useApiEvent } from '../api/context';

export function SignInLink() {
  const [url, setUrl] = useState<string | null>(null);
  useApiEvent('xero.signIn', (e) => setUrl(e.url));
  if (!url) return null;
  return (
    <p className="small" role="status">
      Sign in to Xero and choose the organisation:{' '}
      <a href={url} target="_blank" rel="noreferrer noopener">
        open the Xero sign-in page
      </a>
    </p>
  );
}
