import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { DateInput } from '../../components/DateInput.js';
import { ErrorBanner } from '../../components/Feedback.js';
import { asSentence, FieldError, fieldErrorsOf, fieldProblemsOf } from '../../components/FieldError.js';
import { t } from '../../i18n/index.js';
import {
  SEVERITIES,
  SUBJECTS,
  type RuleDetail,
  type RuleIssue,
  type Subject,
} from '../../targeting-types.js';
import type { Severity } from '../../watchlist-types.js';
import { severityLabel } from '../watchlists/labels.js';
import { GroupEditor } from './ConditionBuilder.js';
import { subjectLabel } from './labels.js';
import { RuleTestPanel } from './RuleTestPanel.js';
import { fromRuleTree, issuesByNode, newGroup, toRuleTree, type GroupNode } from './tree.js';
import { useCodeLists, useFields } from './useFields.js';

interface Draft {
  subject: Subject;
  name: string;
  description: string;
  severity: Severity;
  category: string;
  validFrom: string;
  validTo: string;
}

const FORM_FIELDS = [
  'subject',
  'name',
  'description',
  'severity',
  'category',
  'validFrom',
  'validTo',
] as const;
/** What the condition builder shows by node: the condition of the body, and the rule checker's paths. */
const CONDITION_FIELDS = ['condition', 'all', 'any', 'not', ''];

/** The server's problems with the condition, as the builder's issues (paths of the tree). */
function conditionIssues(error: unknown): RuleIssue[] {
  return fieldProblemsOf(error)
    .filter((problem) => CONDITION_FIELDS.includes(problem.field.split(/[.[]/)[0] ?? ''))
    .map((problem) => ({
      path: problem.field.startsWith('condition') ? `body.${problem.field}` : problem.field,
      message: asSentence(problem.message),
    }));
}

/** A rule's content and its condition tree, saved as a new rule or as the rule's next version. */
export function RuleForm({
  rule,
  readOnly,
  onSaved,
}: {
  rule?: RuleDetail;
  readOnly?: boolean;
  onSaved: (rule: RuleDetail) => void;
}) {
  const [draft, setDraft] = useState<Draft>({
    subject: rule?.subject ?? 'traveller',
    name: rule?.name ?? '',
    description: rule?.description ?? '',
    severity: rule?.severity ?? 'medium',
    category: rule?.category ?? '',
    validFrom: rule?.validFrom ?? '',
    validTo: rule?.validTo ?? '',
  });
  const [root, setRoot] = useState<GroupNode>(() => (rule ? fromRuleTree(rule.condition) : newGroup('all')));
  const { fields, byKey, error: fieldsError, reload } = useFields(draft.subject);
  const codeLists = useCodeLists();
  const [submitted, setSubmitted] = useState(false);
  const [serverIssues, setServerIssues] = useState<RuleIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const converted = useMemo(() => toRuleTree(root, byKey), [root, byKey]);
  const issues = useMemo(() => {
    const map = issuesByNode(
      serverIssues.filter((i) => !i.path.startsWith('body.') || i.path.startsWith('body.condition')),
      converted.paths,
      root.id,
    );
    if (submitted)
      for (const [id, message] of converted.missing) map.set(id, [message, ...(map.get(id) ?? [])]);
    return map;
  }, [serverIssues, converted, submitted, root.id]);
  const problems = fieldErrorsOf(error, FORM_FIELDS);
  const fieldIssue = (name: (typeof FORM_FIELDS)[number]) => problems[name];
  const nameError =
    submitted && draft.name.trim().length < 3 ? t('rules.form.nameTooShort') : fieldIssue('name');
  const categoryError =
    submitted && !draft.category.trim() ? t('rules.form.categoryMissing') : fieldIssue('category');
  const periodError =
    draft.validFrom && draft.validTo && draft.validTo < draft.validFrom
      ? t('rules.form.periodInvalid')
      : fieldIssue('validTo');
  const set = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setServerIssues([]);
    setError(null);
    if (draft.name.trim().length < 3 || !draft.category.trim() || periodError || converted.missing.size > 0)
      return;
    const body = {
      name: draft.name.trim(),
      description: draft.description.trim(),
      severity: draft.severity,
      category: draft.category.trim(),
      condition: converted.tree,
      validFrom: draft.validFrom || null,
      validTo: draft.validTo || null,
    };
    setSaving(true);
    try {
      const saved = rule
        ? await api.patch<RuleDetail>(`/rules/${rule.id}`, body)
        : await api.post<RuleDetail>('/rules', { ...body, subject: draft.subject });
      setSubmitted(false);
      onSaved(saved);
    } catch (cause) {
      setServerIssues(conditionIssues(cause));
      setError(cause);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <form
        className="form rule-form"
        onSubmit={onSubmit}
        noValidate
        data-testid="rule-form"
        aria-label={t('rules.form.title')}
      >
        <ErrorBanner
          error={error ?? fieldsError}
          fields={[...FORM_FIELDS, ...CONDITION_FIELDS]}
          onRetry={fieldsError ? reload : undefined}
          onDismiss={error ? () => setError(null) : undefined}
        />
        <fieldset className="panel form-grid" disabled={readOnly}>
          <legend className="panel-title">{t('rules.form.about')}</legend>
          <div className="field">
            <label htmlFor="rule-subject">{t('rules.form.subject')}</label>
            <select
              id="rule-subject"
              aria-describedby="rule-subject-sees"
              value={draft.subject}
              disabled={Boolean(rule)}
              onChange={(e) => {
                set({ subject: e.target.value as Subject });
                setRoot(newGroup('all'));
              }}
            >
              {SUBJECTS.map((s) => (
                <option key={s} value={s}>
                  {subjectLabel(s)}
                </option>
              ))}
            </select>
            {/* Which records screening runs the rule on (src/targeting/screening-service.ts). */}
            <span id="rule-subject-sees" className="hint" data-testid="rule-subject-sees">
              {t(`rules.subject.sees.${draft.subject}`)}
            </span>
          </div>
          <TextField
            id="rule-name"
            label={t('rules.form.name')}
            value={draft.name}
            error={nameError}
            onChange={(name) => set({ name })}
            wide
          />
          <TextField
            id="rule-category"
            label={t('rules.form.category')}
            hint={t('rules.form.categoryHint')}
            value={draft.category}
            error={categoryError}
            onChange={(category) => set({ category })}
          />
          <div className="field">
            <label htmlFor="rule-severity">{t('rules.form.severity')}</label>
            <select
              id="rule-severity"
              value={draft.severity}
              onChange={(e) => set({ severity: e.target.value as Severity })}
            >
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {severityLabel(s)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id="rule-valid-from"
            type="date"
            label={t('rules.form.validFrom')}
            value={draft.validFrom}
            error={fieldIssue('validFrom')}
            onChange={(validFrom) => set({ validFrom })}
          />
          <TextField
            id="rule-valid-to"
            type="date"
            label={t('rules.form.validTo')}
            value={draft.validTo}
            error={periodError}
            onChange={(validTo) => set({ validTo })}
          />
          <div className="field field-wide">
            <label htmlFor="rule-description">{t('rules.form.description')}</label>
            <textarea
              id="rule-description"
              rows={2}
              value={draft.description}
              maxLength={4000}
              onChange={(e) => set({ description: e.target.value })}
            />
          </div>
        </fieldset>

        <section className="panel" aria-labelledby="rule-condition-heading">
          <h2 id="rule-condition-heading" className="panel-title">
            {t('rules.form.condition')}
          </h2>
          <p className="hint">{t('rules.form.conditionHint')}</p>
          <GroupEditor
            node={root}
            onChange={setRoot}
            context={{ fields, byKey, codeLists: codeLists.data?.items ?? [], issues, readOnly }}
          />
          {submitted && converted.missing.size > 0 && (
            <p className="field-error" role="alert" data-testid="rule-incomplete">
              {t('rules.form.incomplete', { count: converted.missing.size })}
            </p>
          )}
          {!readOnly && (
            <div className="form-actions rule-save">
              <button
                type="submit"
                className="button button-primary"
                disabled={saving}
                data-testid="save-rule"
              >
                {saving ? t('common.saving') : rule ? t('rules.form.saveVersion') : t('rules.form.create')}
              </button>
              {rule && (
                <span className="hint">{t('rules.form.saveHint', { version: rule.version + 1 })}</span>
              )}
            </div>
          )}
        </section>
      </form>
      <RuleTestPanel subject={draft.subject} converted={converted} />
    </>
  );
}

function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  type = 'text',
  wide,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  type?: 'text' | 'date';
  wide?: boolean;
}) {
  return (
    <div className={`field${wide ? ' field-grow' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {type === 'date' ? (
        <DateInput
          id={id}
          value={value}
          invalid={Boolean(error)}
          describedBy={error ? `${id}-error` : undefined}
          onChange={onChange}
        />
      ) : (
        <input
          id={id}
          type={type}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {error ? (
        <FieldError id={`${id}-error`} message={error} />
      ) : (
        hint && <span className="hint">{hint}</span>
      )}
    </div>
  );
}
