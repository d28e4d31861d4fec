// The app: the start screen until a workspace is open (and again after Close), then the review workbench; progress of
// long work on top.
import { useState } from 'react';
import { useApi, useApiEvent } from '../api/context';
import { useLoad } from '../hooks/useLoad';
import { errorMessage } from '../lib/file-content';
import { ErrorMessage } from './ErrorMessage';
import { ExceptionsScreen } from './ExceptionsScreen';
import { useExceptionsRoute } from '../hooks/useExceptionsRoute';
import { Onboarding } from './Onboarding';
import { ChecklistScreen } from './ChecklistScreen';
import { PushScreen } from './PushScreen';
import { useHashScreen } from '../hooks/useHashScreen';
import { ProgressLine } from './ProgressLine';
import { Workbench } from './Workbench';

export function App() {
  const api = useApi();
  const started = useLoad(async () => {
    const [info, workspace] = await Promise.all([api.app.info(), api.workspace.current()]);
    return { info, workspace };
  }, [api]);
  const info = started.data?.info ?? null;
  // undefined: not known yet (the app is starting).
  const workspace = started.data?.workspace;
  const [menuError, setMenuError] = useState<string | null>(null);
  const error = started.error ?? menuError;
  const exceptionsScreen = useExceptionsRoute().open;
  const outboxScreen = useHashScreen();

  useApiEvent('workspace.changed', (e) => {
    // Closed: back to the start screen, and the next workspace opens on its review, not on the old one's screen.
    if (e.reason === 'closed' && location.hash) location.hash = '';
    if (e.reason === 'opened' || e.reason === 'closed') started.setData((d) => d && { ...d, workspace: e.workspace });
  });
  useApiEvent('menu.command', (e) => {
    if (e.command === 'open-demo') void api.workspace.openDemo().catch((err: unknown) => setMenuError(errorMessage(err)));
  });

  return (
    <>
      <ProgressLine />
      {error ? (
        <main className="centered">
          <ErrorMessage message={error} title="The app could not start" onRetry={() => location.reload()} />
        </main>
      ) : !info || workspace === undefined ? (
        <main className="centered loading" role="status">
          Starting…
        </main>
      ) : workspace && outboxScreen === 'push' ? (
        <PushScreen key={workspace.path} workspace={workspace} />
      ) : workspace && outboxScreen === 'checklist' ? (
        <ChecklistScreen key={workspace.path} workspace={workspace} />
      ) : workspace && exceptionsScreen ? (
        <ExceptionsScreen key={workspace.path} workspace={workspace} />
      ) : workspace ? (
        <Workbench key={workspace.path} info={info} workspace={workspace} />
      ) : (
        <Onboarding info={info} />
      )}
    </>
  );
}
