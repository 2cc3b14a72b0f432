import { t, type CatalogueKey } from '../../i18n/index.js';
import type { CatalogueField, CodeListSummary } from '../../targeting-types.js';
import { groupFields } from './useFields.js';
import {
  newCondition,
  newGroup,
  operatorLabel,
  type BuilderNode,
  type ConditionNode,
  type GroupKind,
  type GroupNode,
} from './tree.js';
import { ValueInput } from './ValueInput.js';

export interface BuilderContext {
  fields: CatalogueField[];
  byKey: Map<string, CatalogueField>;
  codeLists: CodeListSummary[];
  /** Messages to show next to a node, by node id (server issues and what is missing). */
  issues: Map<string, string[]>;
  readOnly?: boolean;
}

const GROUP_KINDS: GroupKind[] = ['all', 'any', 'not'];

/** A group of conditions (all / any / not) with its members, nested groups included. */
export function GroupEditor({
  node,
  context,
  onChange,
  onRemove,
  depth = 0,
}: {
  node: GroupNode;
  context: BuilderContext;
  onChange: (node: GroupNode) => void;
  onRemove?: () => void;
  depth?: number;
}) {
  const replaceChild = (index: number, child: BuilderNode | null) =>
    onChange({
      ...node,
      children:
        child === null
          ? node.children.filter((_, i) => i !== index)
          : node.children.map((c, i) => (i === index ? child : c)),
    });
  const messages = context.issues.get(node.id);
  return (
    <fieldset
      className={`builder-group builder-group-${node.op}`}
      data-testid="condition-group"
      data-op={node.op}
      data-depth={depth}
    >
      <legend className="builder-group-head">
        <select
          aria-label={t('builder.groupKind')}
          value={node.op}
          disabled={context.readOnly}
          onChange={(e) => onChange({ ...node, op: e.target.value as GroupKind })}
        >
          {GROUP_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`builder.group.${kind}` as CatalogueKey)}
            </option>
          ))}
        </select>
        {onRemove && !context.readOnly && (
          <button type="button" className="button button-small button-ghost" onClick={onRemove}>
            {t('builder.removeGroup')}
          </button>
        )}
      </legend>
      {messages && <Issues messages={messages} />}
      <ol className="builder-members">
        {node.children.map((child, index) => (
          <li key={child.id}>
            {child.kind === 'group' ? (
              <GroupEditor
                node={child}
                context={context}
                depth={depth + 1}
                onChange={(next) => replaceChild(index, next)}
                onRemove={() => replaceChild(index, null)}
              />
            ) : (
              <ConditionEditor
                node={child}
                context={context}
                onChange={(next) => replaceChild(index, next)}
                onRemove={() => replaceChild(index, null)}
              />
            )}
          </li>
        ))}
      </ol>
      {!context.readOnly && (
        <div className="builder-add">
          <button
            type="button"
            className="button button-small"
            data-testid="add-condition"
            onClick={() => onChange({ ...node, children: [...node.children, newCondition()] })}
          >
            + {t('builder.addCondition')}
          </button>
          <button
            type="button"
            className="button button-small"
            data-testid="add-group"
            onClick={() => onChange({ ...node, children: [...node.children, newGroup('any')] })}
          >
            + {t('builder.addGroup')}
          </button>
        </div>
      )}
    </fieldset>
  );
}

function ConditionEditor({
  node,
  context,
  onChange,
  onRemove,
}: {
  node: ConditionNode;
  context: BuilderContext;
  onChange: (node: ConditionNode) => void;
  onRemove: () => void;
}) {
  const field = context.byKey.get(node.field);
  const messages = context.issues.get(node.id);
  const chooseField = (key: string) => {
    const next = context.byKey.get(key);
    const operator =
      next && node.operator && next.operators.includes(node.operator)
        ? node.operator
        : (next?.operators[0] ?? '');
    const sameType = next && field && next.type === field.type;
    onChange({
      ...node,
      field: key,
      operator,
      ...(sameType ? {} : { value: '', high: '', items: [], useList: false, list: '' }),
    });
  };
  return (
    <div
      className={`builder-condition${messages ? ' builder-invalid' : ''}`}
      data-testid="condition"
      data-field={node.field}
    >
      <div className="builder-condition-row">
        <select
          aria-label={t('builder.field')}
          value={node.field}
          disabled={context.readOnly}
          onChange={(e) => chooseField(e.target.value)}
        >
          <option value="">{t('builder.chooseField')}</option>
          {groupFields(context.fields).map(([prefix, fields]) => (
            <optgroup key={prefix} label={t(`builder.prefix.${prefix}` as CatalogueKey)}>
              {fields.map((f) => (
                <option key={f.key} value={f.key} title={f.description}>
                  {f.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <select
          aria-label={t('builder.operator')}
          value={node.operator}
          disabled={!field || context.readOnly}
          onChange={(e) => onChange({ ...node, operator: e.target.value as ConditionNode['operator'] })}
        >
          {!field && <option value="">—</option>}
          {field?.operators.map((operator) => (
            <option key={operator} value={operator}>
              {operatorLabel(operator)}
            </option>
          ))}
        </select>
        <ValueInput node={node} field={field} codeLists={context.codeLists} onChange={onChange} />
        {!context.readOnly && (
          <button
            type="button"
            className="button button-small button-ghost builder-remove"
            aria-label={t('builder.removeCondition')}
            title={t('builder.removeCondition')}
            onClick={onRemove}
          >
            ×
          </button>
        )}
      </div>
      {field && <p className="hint builder-description">{field.description}</p>}
      {messages && <Issues messages={messages} />}
    </div>
  );
}

function Issues({ messages }: { messages: string[] }) {
  return (
    <ul className="builder-issues" role="alert" data-testid="condition-issue">
      {messages.map((message) => (
        <li key={message} className="field-error">
          {message}
        </li>
      ))}
    </ul>
  );
}
