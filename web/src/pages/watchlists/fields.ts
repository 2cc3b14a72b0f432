import { t, type CatalogueKey } from '../../i18n/index.js';

/** The readable name of an entry field as the server names it (primaryName, datesOfBirth ...). */
export function fieldLabel(field: string): string {
  const key = `entry.field.${field}` as CatalogueKey;
  const label = t(key);
  return label === key ? field : label;
}
