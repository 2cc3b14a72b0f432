import { useState, type KeyboardEvent } from 'react';
import { t } from '../../i18n/index.js';
import type { CatalogueField, CodeListSummary } from '../../targeting-types.js';
import { mayUseList, takesNoValue, type ConditionNode } from './tree.js';

const INPUT_TYPES: Record<string, string> = { number: 'number', date: 'date', datetime: 'datetime-local' };

/** The value of a condition, in the input its field's type and operator call for. */
export function ValueInput({
  node,
  field,
  codeLists,
  onChange,
}: {
  node: ConditionNode;
  field: CatalogueField | undefined;
  codeLists: CodeListSummary[];
  onChange: (node: ConditionNode) => void;
}) {
  if (!field || !node.operator || takesNoValue(node.operator)) return null;
  const suitable = codeLists.filter((list) => field.listKinds.includes(list.kind));
  const listAllowed = mayUseList(node.operator, field);
  const useList = node.useList && listAllowed;
  const type = INPUT_TYPES[field.type] ?? 'text';

  const modeSwitch = listAllowed && (
    <label className="checkbox builder-list-toggle">
      <input
        type="checkbox"
        checked={useList}
        onChange={(event) => onChange({ ...node, useList: event.target.checked })}
        aria-label={t('builder.useList')}
      />
      {t('builder.useList')}
    </label>
  );

  let input;
  if (useList) {
    input = (
      <select
        aria-label={t('builder.codeList')}
        value={node.list}
        onChange={(e) => onChange({ ...node, list: e.target.value })}
      >
        <option value="">
          {suitable.length === 0 ? t('builder.noSuitableList') : t('builder.chooseList')}
        </option>
        {suitable.map((list) => (
          <option key={list.id} value={list.name}>
            {list.name} ({list.itemCount})
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'boolean') {
    input = (
      <span className="segmented" role="group" aria-label={t('builder.value')}>
        {(['true', 'false'] as const).map((option) => (
          <button
            key={option}
            type="button"
            className="segmented-button"
            aria-pressed={node.value === option}
            onClick={() => onChange({ ...node, value: option })}
          >
            {option === 'true' ? t('common.yes') : t('common.no')}
          </button>
        ))}
      </span>
    );
  } else if (node.operator === 'between') {
    input = (
      <span className="builder-range">
        <input
          type={type}
          aria-label={t('builder.low')}
          value={node.value}
          onChange={(e) => onChange({ ...node, value: e.target.value })}
        />
        <span className="muted">{t('builder.and')}</span>
        <input
          type={type}
          aria-label={t('builder.high')}
          value={node.high}
          onChange={(e) => onChange({ ...node, high: e.target.value })}
        />
      </span>
    );
  } else if (node.operator === 'inList' || node.operator === 'notInList') {
    input = <TagInput values={node.items} type={type} onChange={(items) => onChange({ ...node, items })} />;
  } else {
    input = (
      <input
        type={type}
        aria-label={t('builder.value')}
        value={node.value}
        placeholder={
          node.operator === 'matches'
            ? t('builder.patternHint')
            : field.type === 'code'
              ? t('builder.codeHint')
              : undefined
        }
        onChange={(e) => onChange({ ...node, value: e.target.value })}
      />
    );
  }
  return (
    <span className="builder-value">
      {input}
      {modeSwitch}
    </span>
  );
}

/** Values as removable tags; Enter or a comma adds the typed value. */
function TagInput({
  values,
  type,
  onChange,
}: {
  values: string[];
  type: string;
  onChange: (values: string[]) => void;
}) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const fresh = draft
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v && !values.includes(v));
    if (fresh.length > 0) onChange([...values, ...fresh]);
    setDraft('');
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) onChange(values.slice(0, -1));
  };
  return (
    <span className="tag-input" data-testid="tag-input">
      {values.map((value) => (
        <span key={value} className="tag">
          {value}
          <button
            type="button"
            className="tag-remove"
            aria-label={t('builder.removeValue', { value })}
            onClick={() => onChange(values.filter((v) => v !== value))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        type={type === 'number' ? 'text' : type}
        aria-label={t('builder.addValue')}
        placeholder={t('builder.addValueHint')}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKey}
        onBlur={add}
      />
    </span>
  );
}
