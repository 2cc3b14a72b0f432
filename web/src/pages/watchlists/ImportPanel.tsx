import { useId, useRef, useState } from 'react';
import { api, API_BASE, ApiError } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorBanner } from '../../components/Feedback.js';
import { formatBytes } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { ImportReport } from '../../watchlist-types.js';
import { ImportReportView } from './ImportReportView.js';

/** Where a file goes: a CSV file into one list, or the UN list XML (into the two UN lists). */
export type ImportTarget = { format: 'csv'; listId: string } | { format: 'un' };

type Phase = 'idle' | 'previewing' | 'preview' | 'applying' | 'done';

/**
 * Choose a file, preview what it would change (counts, errors, warnings, changes), then apply
 * it; applying a file that deactivates entries asks first, and a file with errors cannot be applied.
 */
export function ImportPanel({ target, onApplied }: { target: ImportTarget; onApplied: () => void }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [missingFile, setMissingFile] = useState(false);
  const un = target.format === 'un';
  const path = un ? '/watchlists/imports/un-sc' : `/watchlists/${target.listId}/imports`;

  const send = async (preview: boolean) => {
    if (!file) {
      setMissingFile(true);
      return;
    }
    setPhase(preview ? 'previewing' : 'applying');
    setError(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      // The server reads any value of `preview` as "yes": to apply, the parameter is left out.
      const answer = await api.post<ImportReport>(path, form, {
        query: { filename: file.name, ...(preview ? { preview: 'true' } : {}) },
      });
      setReport(answer);
      setPhase(preview ? 'preview' : 'done');
      if (!preview) onApplied();
    } catch (cause) {
      // A file from which nothing could be read comes back as an error carrying its report.
      const unreadable =
        cause instanceof ApiError
          ? (cause.details as { report?: ImportReport } | undefined)?.report
          : undefined;
      if (unreadable) {
        setReport(unreadable);
        setPhase('preview');
      } else {
        setError(cause);
        setPhase(preview ? 'idle' : 'preview');
      }
    }
  };

  // The report lists the first 500 changes; every one comes as a CSV made from the same file.
  const [downloading, setDownloading] = useState(false);
  const downloadChanges = async () => {
    if (!file) return;
    setDownloading(true);
    setError(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await api.download(path, form, `${file.name.replace(/\.[^.]*$/, '')}-changes.csv`, {
        query: { filename: file.name, preview: 'true', changes: 'csv' },
      });
    } catch (cause) {
      setError(cause);
    } finally {
      setDownloading(false);
    }
  };

  const reset = () => {
    setFile(null);
    setReport(null);
    setPhase('idle');
    setError(null);
    if (inputRef.current) inputRef.current.value = '';
  };

  const deactivations = report ? report.lists.reduce((sum, list) => sum + list.counts.deactivated, 0) : 0;
  const busy = phase === 'previewing' || phase === 'applying';
  const canApply = phase === 'preview' && report !== null && report.errors.length === 0;

  const apply = () => {
    if (deactivations > 0) setConfirming(true);
    else void send(false);
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="import-panel">
      <div className="panel-title-row">
        <h2 id={`${id}-title`} className="panel-title">
          {un ? t('import.titleUn') : t('import.title')}
        </h2>
        {!un && (
          <a href={`${API_BASE}/watchlists/csv-template`} download data-testid="csv-template-link">
            {t('import.template')}
          </a>
        )}
      </div>
      <p className="muted small import-help">{un ? t('import.unHelp') : t('import.csvHelp')}</p>

      {phase !== 'done' && (
        <form
          className="form form-row"
          onSubmit={(event) => {
            event.preventDefault();
            void send(true);
          }}
        >
          <div className="field field-grow">
            <label htmlFor={`${id}-file`}>{t('import.file')}</label>
            <input
              ref={inputRef}
              id={`${id}-file`}
              type="file"
              accept={un ? '.xml,application/xml,text/xml' : '.csv,text/csv'}
              aria-label={un ? t('import.chooseXml') : t('import.chooseCsv')}
              aria-invalid={missingFile || undefined}
              data-testid="import-file"
              disabled={busy}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setMissingFile(false);
                setReport(null);
                setPhase('idle');
                setError(null);
              }}
            />
            {missingFile && (
              <span className="field-error" role="alert">
                {t('import.noFile')}
              </span>
            )}
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy} data-testid="import-preview">
              {t('import.preview')}
            </button>
            {phase === 'preview' && (
              <button
                type="button"
                className="button button-primary"
                disabled={!canApply}
                onClick={apply}
                data-testid="import-apply"
              >
                {t('import.apply')}
              </button>
            )}
            {(phase === 'preview' || file) && (
              <button type="button" className="button button-ghost" onClick={reset} disabled={busy}>
                {t('import.discard')}
              </button>
            )}
          </div>
        </form>
      )}

      {busy && file && (
        <div className="import-progress" role="status" data-testid="import-progress">
          <progress aria-label={t('common.working')} />
          <span>
            {phase === 'previewing'
              ? t('import.previewing', { file: file.name, size: formatBytes(file.size) })
              : t('import.applying', { file: file.name })}
          </span>
        </div>
      )}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {phase === 'preview' && report && report.errors.length > 0 && (
        <div className="banner banner-error" role="alert" data-testid="import-blocked">
          <div className="banner-text">{t('import.applyBlocked')}</div>
        </div>
      )}
      {report && (phase === 'preview' || phase === 'done' || phase === 'applying') && (
        <ImportReportView
          report={report}
          downloading={downloading}
          onDownloadChanges={report.status === 'preview' ? () => void downloadChanges() : undefined}
        />
      )}
      {phase === 'done' && (
        <div className="form-actions import-again">
          <button type="button" className="button" onClick={reset} data-testid="import-another">
            {t('import.another')}
          </button>
        </div>
      )}

      <ConfirmDialog
        open={confirming}
        title={t('import.confirmTitle')}
        message={t('import.confirmMessage', { count: deactivations })}
        confirmLabel={t('import.confirmApply')}
        tone="primary"
        busy={phase === 'applying'}
        onConfirm={() => {
          setConfirming(false);
          void send(false);
        }}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
