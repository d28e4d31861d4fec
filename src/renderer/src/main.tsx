import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main style={{ font: '14px system-ui, sans-serif', padding: 32 }}>
      <h1 style={{ fontSize: 20 }}>Cocoon ⇄ Xero Reconciler</h1>
      <p>Use the <code>reconciler</code> command for now; the review screens come with the review app.</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
