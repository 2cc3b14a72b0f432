/**
 * One closure per condition, specialised by operator and operand so that a test is a slot read
 * and a comparison, with no further call; and a cost estimate to put cheap tests first.
 */
import type { Normalised } from './normalise.js';
import type { FieldSlots } from './slots.js';
import type { Operand, PreparedCondition, PreparedNode } from './validate.js';
import type { Operator } from './types.js';

export type Predicate = () => boolean;
type ElementTest = (value: Normalised) => boolean;

function stringTest(operator: Operator, values: readonly string[]): ElementTest {
  if (values.length === 1) {
    const only = values[0];
    if (operator === 'startsWith') return (v) => (v as string).startsWith(only);
    if (operator === 'endsWith') return (v) => (v as string).endsWith(only);
    return (v) => (v as string).includes(only);
  }
  const count = values.length;
  if (operator === 'startsWith')
    return (v) => {
      for (let i = 0; i < count; i++) if ((v as string).startsWith(values[i])) return true;
      return false;
    };
  if (operator === 'endsWith')
    return (v) => {
      for (let i = 0; i < count; i++) if ((v as string).endsWith(values[i])) return true;
      return false;
    };
  return (v) => {
    for (let i = 0; i < count; i++) if ((v as string).includes(values[i])) return true;
    return false;
  };
}

/** The test of one element (a list-valued field tries it on each element). */
function elementTest(operator: Operator, operand: Operand): ElementTest {
  switch (operand.type) {
    case 'scalar': {
      const x = operand.value;
      if (operator === 'equals') return (v) => v === x;
      if (operator === 'notEquals') return (v) => v !== x;
      if (operator === 'lessThan') return (v) => v < x;
      if (operator === 'lessOrEqual') return (v) => v <= x;
      if (operator === 'greaterThan') return (v) => v > x;
      if (operator === 'greaterOrEqual') return (v) => v >= x;
      break;
    }
    case 'range': {
      const { low, high } = operand;
      return (v) => (v as number) >= low && (v as number) <= high;
    }
    case 'set': {
      const set = operand.values;
      return operator === 'notInList' ? (v) => !set.has(v) : (v) => set.has(v);
    }
    case 'strings':
      return stringTest(operator, operand.values);
    case 'pattern':
      return operand.test as ElementTest;
  }
  throw new Error(`no evaluation for ${operator} with a ${operand.type} operand`);
}

/** A single-valued field: the comparison written out in the closure (null never satisfies it). */
function scalarPredicate(slots: FieldSlots, slot: number, operator: Operator, operand: Operand): Predicate {
  if (operand.type === 'scalar') {
    const x = operand.value;
    switch (operator) {
      case 'equals':
        return () => slots.get(slot) === x;
      case 'notEquals':
        return () => {
          const v = slots.get(slot);
          return v !== null && v !== x;
        };
      case 'lessThan':
        return () => {
          const v = slots.get(slot);
          return v !== null && (v as number) < (x as number);
        };
      case 'lessOrEqual':
        return () => {
          const v = slots.get(slot);
          return v !== null && (v as number) <= (x as number);
        };
      case 'greaterThan':
        return () => {
          const v = slots.get(slot);
          return v !== null && (v as number) > (x as number);
        };
      case 'greaterOrEqual':
        return () => {
          const v = slots.get(slot);
          return v !== null && (v as number) >= (x as number);
        };
    }
  }
  if (operand.type === 'range') {
    const { low, high } = operand;
    return () => {
      const v = slots.get(slot);
      return v !== null && (v as number) >= low && (v as number) <= high;
    };
  }
  if (operand.type === 'set') {
    const set = operand.values;
    if (operator === 'notInList')
      return () => {
        const v = slots.get(slot);
        return v !== null && !set.has(v as Normalised);
      };
    return () => set.has(slots.get(slot) as Normalised);
  }
  const test = elementTest(operator, operand);
  return () => {
    const v = slots.get(slot);
    return v !== null && test(v as Normalised);
  };
}

/** The predicate of one condition over the current record of a slot table. */
export function conditionPredicate(node: PreparedCondition, slots: FieldSlots): Predicate {
  const slot = slots.slotOf(node.definition);
  const { operator } = node.condition;
  if (operator === 'isEmpty') return () => slots.get(slot) === null;
  if (operator === 'notEmpty') return () => slots.get(slot) !== null;
  if (!node.definition.multiple) return scalarPredicate(slots, slot, operator, node.operand);
  // A list-valued field: the condition holds when any element satisfies it.
  const test = elementTest(operator, node.operand);
  return () => {
    const elements = slots.get(slot) as Normalised[] | null;
    if (elements === null) return false;
    for (let i = 0; i < elements.length; i++) if (test(elements[i])) return true;
    return false;
  };
}

export function groupPredicate(kind: 'all' | 'any', children: Predicate[]): Predicate {
  const count = children.length;
  if (count === 1) return children[0];
  if (count === 2) {
    const [first, second] = children;
    return kind === 'all' ? () => first() && second() : () => first() || second();
  }
  return kind === 'all'
    ? () => {
        for (let i = 0; i < count; i++) if (!children[i]()) return false;
        return true;
      }
    : () => {
        for (let i = 0; i < count; i++) if (children[i]()) return true;
        return false;
      };
}

/**
 * A rough cost of evaluating a node, to evaluate cheap conditions first within a group: the
 * result does not depend on the order (conditions have no side effects), the time does.
 */
export function estimatedCost(node: PreparedNode): number {
  if (node.kind !== 'condition') return node.children.reduce((sum, child) => sum + estimatedCost(child), 1);
  const { operand, definition } = node;
  let cost = operand.type === 'pattern' || operand.type === 'strings' ? 4 : 1;
  if (operand.type === 'strings') cost += operand.values.length;
  if (definition.type === 'string' || definition.type === 'datetime') cost += 1;
  return definition.multiple ? cost * 3 : cost;
}
