// Why the matcher thinks what it thinks, in plain words: which Xero contact the account was compared with, how likely
// they are the same business (the pair's one percentage), and per field what agreed or differed. The matcher's
// weights (log2 Bayes factors) stay behind a "details" toggle for the curious.
import { evidenceLines, weightText, type EvidenceLine } from '../../../shared/evidence-words';
import type { FindingDetail } from '../../../shared/review';
import { percent } from '../lib/format';

const MARKS = { for: '✓', against: '✗', neutral: '–' } as const;
const STANCE_WORDS = {
  for: 'speaks for the same business',
  against: 'speaks against the same business',
  neutral: 'says nothing either way',
} as const;

type Props = Pick<FindingDetail, 'account' | 'contributions' | 'scoredContact' | 'codeHolder' | 'contact'> & { score: number };

/** Which contact the evidence is about, as the pane names it. */
function role(d: Props): string {
  const c = d.scoredContact!;
  if (d.codeHolder?.contactId === c.contactId && d.contact?.contactId !== c.contactId) return ' (holds the code)';
  if (d.contact?.contactId !== c.contactId) return ' (the closest match)';
  return '';
}

export function Evidence(props: Props) {
  const { contributions, account, scoredContact } = props;
  if (contributions.length === 0 || !scoredContact) return <p className="muted small">No evidence: nothing in Xero to compare with.</p>;
  const lines = evidenceLines(contributions, account, scoredContact);
  const max = Math.max(8, ...lines.map((l) => Math.abs(l.weight)));
  return (
    <div className="evidence-block">
      <p className="evidence-pair small" data-testid="evidence-pair">
        Compared with Xero’s “<span className="keep-spaces">{scoredContact.name}</span>”{role(props)}:{' '}
        <strong>{percent(props.score)}</strong> likely the same business
      </p>
      <ul className="evidence" aria-label="Evidence per field">
        {lines.map((l) => (
          <li key={l.field} className={`evidence-${l.stance}`}>
            <span className="evidence-mark" aria-hidden="true">
              {MARKS[l.stance]}
            </span>
            <span className="evidence-text">{l.text}</span>
            <span className="visually-hidden"> ({STANCE_WORDS[l.stance]})</span>
          </li>
        ))}
      </ul>
      <details className="evidence-details">
        <summary className="small">Details: how the score adds up</summary>
        <p className="muted small">
          Each field’s weight: log₂ of how much likelier these values are for one business than for two (positive for, negative against).
          Added to a starting value for every pair, they give the percentage above.
        </p>
        <table className="evidence-weights small" aria-label="Weights per field">
          <tbody>
            {lines.map((l) => (
              <WeightRow key={l.field} line={l} max={max} />
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

function WeightRow({ line: l, max }: { line: EvidenceLine; max: number }) {
  const width = `${Math.round((Math.abs(l.weight) / max) * 50)}%`;
  return (
    <tr className={`evidence-${l.stance}`}>
      <th scope="row">{l.field}</th>
      <td className="evidence-bar" aria-hidden="true">
        <span style={{ width, marginLeft: l.weight >= 0 ? '50%' : `calc(50% - ${width})` }} />
      </td>
      <td className="evidence-weight num">{weightText(l.weight)}</td>
    </tr>
  );
}
