// The app: the start screen until a workspace is open (and again after Close), then the review workbench; progress of
// long work on top.
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/contract';
import type { WorkspaceInfo } from '../../../shared/review';
import { useApi, useApiEvent } from '../api/context';
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
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const exceptionsScreen = useExceptionsRoute().open;
  const outboxScreen = useHashScreen();

  useEffect(() => {
    Promise.all([api.app.info(), api.workspace.current()]).then(
      ([i, w]) => {
        setInfo(i);
        setWorkspace(w);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [api]);

  useApiEvent('workspace.changed', (e) => {
    // Closed: back to the start screen, and the next workspace opens on its review, not on the old one's screen.
    if (e.reason === 'closed' && location.hash) location.hash = '';
    if (e.reason === 'opened' || e.reason === 'closed') setWorkspace(e.workspace);
  });
  useApiEvent('menu.command', (e) => {
    if (e.command === 'open-demo') void api.workspace.openDemo().catch((err: unknown) => setError(errorMessage(err)));
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
