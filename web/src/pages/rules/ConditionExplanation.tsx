import { t, type CatalogueKey } from '../../i18n/index.js';
import type { Explanation } from '../../targeting-types.js';
import { showValue } from './labels.js';
import { operatorLabel } from './tree.js';

/** Why a rule fires or not: the tree of the rule, each condition with the value seen and whether it held. */
export function ConditionExplanation({ explanation }: { explanation: Explanation }) {
  return (
    <div className="condition-tree" data-testid="condition-explanation">
      <ExplanationNode node={explanation} />
    </div>
  );
}

function Held({ held }: { held: boolean }) {
  return (
    <span className={`held held-${held ? 'yes' : 'no'}`} data-held={held}>
      <span aria-hidden="true">{held ? '✓' : '✗'}</span> {held ? t('explain.held') : t('explain.notHeld')}
    </span>
  );
}

function ExplanationNode({ node }: { node: Explanation }) {
  if ('children' in node) {
    return (
      <div
        className={`explain-group explain-${node.held ? 'held' : 'not-held'}`}
        data-testid="explain-group"
        data-kind={node.kind}
        data-held={node.held}
      >
        <div className="explain-group-head">
          <strong>{t(`explain.group.${node.kind}` as CatalogueKey)}</strong> <Held held={node.held} />
        </div>
        <ul className="explain-members">
          {node.children.map((child) => (
            <li key={child.path}>
              <ExplanationNode node={child} />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const expected =
    node.list !== undefined ? t('builder.describe.list', { list: node.list }) : showValue(node.expected);
  return (
    <div
      className={`explain-condition explain-${node.held ? 'held' : 'not-held'}`}
      data-testid="explain-condition"
      data-field={node.field}
      data-held={node.held}
    >
      <span className="explain-text">
        <strong>{node.label}</strong> {operatorLabel(node.operator)}{' '}
        {node.operator !== 'isEmpty' && node.operator !== 'notEmpty' && (
          <span className="mono">{expected}</span>
        )}
      </span>
      <span className="explain-actual">
        <span className="muted">{t('explain.actual')}</span>{' '}
        <span className="mono" data-testid="explain-actual">
          {showValue(node.actual)}
        </span>
      </span>
      <Held held={node.held} />
    </div>
  );
}
