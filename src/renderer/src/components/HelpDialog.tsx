// The `?` overlay: the keys, and a glossary of the finding kinds (what each means, the Xero error it causes on the
// next sync, the usual fix), read from src/shared/finding-glossary.ts.
import { FINDING_GLOSSARY, GLOSSARY_ORDER } from '../../../shared/finding-glossary';
import { KEY_HELP } from '../lib/keyboard';
import { Dialog } from './Dialog';
import { KindBadge } from './KindBadge';

export function HelpDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Help: keys and findings" onClose={onClose} wide>
      <h3 className="help-heading">Keyboard shortcuts</h3>
      <table className="keys">
        <tbody>
          {KEY_HELP.map((k) => (
            <tr key={k.keys}>
              <th scope="row">
                <kbd>{k.keys}</kbd>
              </th>
              <td>{k.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="help-heading">What the findings mean</h3>
      <table className="glossary small" aria-label="Findings glossary">
        <thead>
          <tr>
            <th scope="col">Finding</th>
            <th scope="col">On the next sync</th>
            <th scope="col">Usual fix</th>
          </tr>
        </thead>
        <tbody>
          {GLOSSARY_ORDER.map((kind) => {
            const g = FINDING_GLOSSARY[kind];
            return (
              <tr key={kind}>
                <th scope="row">
                  <KindBadge kind={kind} />
                  <div className="muted glossary-meaning">{g.tooltip}</div>
                </th>
                <td>{g.outcome}</td>
                <td>{g.fix}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Dialog>
  );
}
