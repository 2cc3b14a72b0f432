import { useMemo } from 'react';
import { useApi } from '../../hooks/useApi.js';
import type { CatalogueField, CodeListSummary, FieldCatalogue, Subject } from '../../targeting-types.js';

/** The field catalogue of one subject, by key, as the server's rule language knows it. */
export function useFields(subject: Subject) {
  const catalogue = useApi<FieldCatalogue>('/rules/fields');
  const fields = useMemo(
    () => catalogue.data?.subjects.find((entry) => entry.subject === subject)?.fields ?? [],
    [catalogue.data, subject],
  );
  const byKey = useMemo(() => new Map<string, CatalogueField>(fields.map((f) => [f.key, f])), [fields]);
  const labels = useMemo(() => {
    const all = catalogue.data?.subjects.flatMap((entry) => entry.fields) ?? [];
    return new Map(all.map((f) => [f.key, f.label]));
  }, [catalogue.data]);
  return {
    fields,
    byKey,
    labels,
    error: catalogue.error,
    loading: catalogue.loading,
    reload: catalogue.reload,
  };
}

export function useCodeLists() {
  return useApi<{ items: CodeListSummary[] }>('/code-lists');
}

/** Fields grouped by the prefix of their key: traveller, document, flight, journey, reservation. */
export function groupFields(fields: CatalogueField[]): [string, CatalogueField[]][] {
  const groups = new Map<string, CatalogueField[]>();
  for (const field of fields) {
    const prefix = field.key.split('.')[0];
    groups.set(prefix, [...(groups.get(prefix) ?? []), field]);
  }
  return [...groups];
}
