// Renderer entry: pick the API client for the host (Electron's window.api, or the web host over HTTP), render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext } from './api/context';
import { chooseClient } from './api/choose-client';
import { App } from './components/App';
import { ErrorMessage } from './components/ErrorMessage';
import { prefetchReview } from './hooks/useReviewData';
import './styles.css';

const choice = chooseClient();
// Ask for the first rows before React even renders: they are usually there by the time the table mounts.
if ('client' in choice) prefetchReview(choice.client);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {'client' in choice ? (
      <ApiContext.Provider value={choice.client}>
        <App />
      </ApiContext.Provider>
    ) : (
      <main className="centered">
        <ErrorMessage title="Open the app's own address" message={choice.error} />
      </main>
    )}
  </StrictMode>,
);
