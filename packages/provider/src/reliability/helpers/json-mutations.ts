import fc from 'fast-check';

type Path = Array<string | number>;

export type Mutation = {
  /** Picks the target among all paths of the value (modulo their count). */
  target: number;
  kind: 'delete' | 'null' | 'replace' | 'wrap-in-array' | 'stringify' | 'add-extra' | 'empty';
  value: unknown;
};

/** Wrong-typed replacement values: numbers, strings, booleans, arrays, objects. */
const replacementArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    0,
    -1,
    1e308,
    '',
    'x',
    '中文',
    true,
    false,
    [],
    [null],
    ['a', 'b'],
    {},
    { type: 'text' },
    { url: 'file:///etc/passwd' },
    { error: { message: 'nested error' } },
    'data:image/png;base64,@@@',
    'javascript:alert(1)',
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  target: fc.nat(),
  kind: fc.constantFrom<Mutation['kind']>(
    'delete',
    'null',
    'replace',
    'wrap-in-array',
    'stringify',
    'add-extra',
    'empty',
  ),
  value: replacementArb,
});

export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });

function allPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) allPaths(item, [...path, i], out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) allPaths(item, [...path, key], out);
  }
  return out;
}

function setAt(
  root: unknown,
  path: Path,
  update: (old: unknown) => unknown | typeof DELETE,
): unknown {
  if (path.length === 0) {
    const next = update(root);
    return next === DELETE ? undefined : next;
  }
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    const index = head as number;
    if (rest.length === 0) {
      const next = update(copy[index]);
      if (next === DELETE) copy.splice(index, 1);
      else copy[index] = next;
      return copy;
    }
    copy[index] = setAt(copy[index], rest, update);
    return copy;
  }
  const copy = { ...(root as Record<string, unknown>) };
  if (rest.length === 0) {
    const next = update(copy[head as string]);
    if (next === DELETE) delete copy[head as string];
    else copy[head as string] = next;
    return copy;
  }
  copy[head as string] = setAt(copy[head as string], rest, update);
  return copy;
}

const DELETE = Symbol('delete');

/** Applies one mutation to a (deep-copied) JSON value. */
export function applyMutation(value: unknown, mutation: Mutation): unknown {
  const paths = allPaths(value);
  const path = paths[mutation.target % paths.length]!;
  switch (mutation.kind) {
    case 'delete':
      return setAt(value, path, () => DELETE);
    case 'null':
      return setAt(value, path, () => null);
    case 'replace':
      return setAt(value, path, () => mutation.value);
    case 'wrap-in-array':
      return setAt(value, path, (old) => [old]);
    case 'stringify':
      return setAt(value, path, (old) =>
        typeof old === 'string' ? { text: old } : JSON.stringify(old ?? null),
      );
    case 'add-extra':
      return setAt(value, path, (old) =>
        typeof old === 'object' && old !== null && !Array.isArray(old)
          ? { ...old, extra_field_from_upstream: mutation.value }
          : Array.isArray(old)
            ? [...old, mutation.value]
            : old,
      );
    case 'empty':
      return setAt(value, path, (old) =>
        Array.isArray(old) ? [] : typeof old === 'string' ? '' : {},
      );
  }
}

export function applyMutations(value: unknown, mutations: Mutation[]): unknown {
  return mutations.reduce((current, mutation) => applyMutation(current, mutation), value);
}
