import { describe, expect, it } from 'vitest';
import { catalogue, fieldsOf, findField, listKindsFor, operatorsFor } from './catalogue.js';
import { fieldTypes, operators } from './types.js';

describe('field catalogue', () => {
  it('describes every field with a unique key, a label, a description and a known type', () => {
    const keys = catalogue.map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const field of catalogue) {
      expect(field.label.length, field.key).toBeGreaterThan(2);
      expect(field.description.length, field.key).toBeGreaterThan(10);
      expect(fieldTypes).toContain(field.type);
      expect(field.type === 'code', field.key).toBe(field.codeKind !== undefined);
      expect(operatorsFor(field).every((operator) => operators.includes(operator))).toBe(true);
    }
  });

  it('gives the traveller subject API, flight, journey and reservation fields', () => {
    for (const key of [
      'traveller.nationality',
      'document.daysToExpiry',
      'flight.direction',
      'journey.countries',
      'reservation.present',
      'reservation.paidInCash',
      'reservation.remarks',
    ])
      expect(findField(key, 'traveller'), key).toBeDefined();
    expect(findField('journey.countries', 'traveller')?.multiple).toBe(true);
  });

  it('gives the reservation subject reservation, flight and journey fields but no traveller fields', () => {
    const keys = fieldsOf('reservation').map((field) => field.key);
    expect(keys).toContain('reservation.tripType');
    expect(keys).toContain('flight.originCountry');
    expect(keys.some((key) => key.startsWith('traveller.') || key.startsWith('document.'))).toBe(false);
    expect(keys).not.toContain('reservation.present');
  });

  it('offers operators by type', () => {
    expect(operatorsFor({ type: 'boolean' })).toEqual(['equals', 'notEquals', 'isEmpty', 'notEmpty']);
    expect(operatorsFor({ type: 'number' })).toContain('between');
    expect(operatorsFor({ type: 'number' })).not.toContain('contains');
    expect(operatorsFor({ type: 'string' })).toContain('matches');
    expect(operatorsFor({ type: 'date' })).not.toContain('inList');
  });

  it('pairs fields with the code lists that suit them', () => {
    expect(listKindsFor(findField('traveller.nationality', 'traveller')!)).toEqual(['country']);
    expect(listKindsFor(findField('document.number', 'traveller')!)).toEqual(['document-number']);
    expect(listKindsFor(findField('reservation.remarks', 'traveller')!)).toEqual(['keyword', 'other']);
    expect(listKindsFor(findField('traveller.age', 'traveller')!)).toEqual([]);
  });
});
