import { useRef, useState, type DragEvent } from 'react';
import { api } from '../../api.js';
import { ErrorBanner } from '../../components/Feedback.js';
import { t } from '../../i18n/index.js';
import type { MessageResult } from '../../types.js';
import { UploadResults } from './UploadResults.js';

interface UploadBatch {
  id: number;
  fileNames: string[];
  results?: MessageResult[];
  error?: unknown;
}

/** Drop zone and file picker for one or several messages; shows what became of each file. */
export function UploadPanel({ onUploaded }: { onUploaded: () => void }) {
  const [dragging, setDragging] = useState(false);
  const [batches, setBatches] = useState<UploadBatch[]>([]);
  const [uploading, setUploading] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const nextId = useRef(1);

  const upload = async (files: File[]) => {
    if (files.length === 0) return;
    const id = nextId.current++;
    setBatches((previous) => [{ id, fileNames: files.map((file) => file.name) }, ...previous]);
    setUploading(true);
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    try {
      const answer = await api.post<{ results: MessageResult[] } | MessageResult>('/messages', form);
      const results = 'results' in answer ? answer.results : [answer];
      setBatches((previous) => previous.map((b) => (b.id === id ? { ...b, results } : b)));
      onUploaded();
    } catch (error) {
      setBatches((previous) => previous.map((b) => (b.id === id ? { ...b, error } : b)));
    } finally {
      setUploading(false);
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void upload(Array.from(event.dataTransfer.files));
  };

  return (
    <section className="panel" aria-labelledby="upload-heading">
      <h2 id="upload-heading" className="panel-title">
        {t('messages.upload.title')}
      </h2>
      <div
        className={`dropzone${dragging ? ' dropzone-active' : ''}`}
        data-testid="dropzone"
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <p className="dropzone-text">{t('messages.upload.dropHere')}</p>
        <p className="muted">{t('messages.upload.formats')}</p>
        <label className="button button-primary file-button">
          {t('messages.upload.chooseFiles')}
          <input
            ref={inputRef}
            type="file"
            multiple
            className="visually-hidden"
            aria-label={t('messages.upload.fileInput')}
            data-testid="upload-input"
            onChange={(event) => void upload(Array.from(event.target.files ?? []))}
          />
        </label>
        {uploading && (
          <p className="loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('messages.upload.uploading')}
          </p>
        )}
      </div>
      {batches.map((batch) =>
        batch.error ? (
          <ErrorBanner
            key={batch.id}
            error={batch.error}
            onDismiss={() => setBatches((previous) => previous.filter((b) => b.id !== batch.id))}
          />
        ) : batch.results ? (
          <UploadResults key={batch.id} results={batch.results} />
        ) : null,
      )}
    </section>
  );
}
