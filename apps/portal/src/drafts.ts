import { useCallback, useEffect, useRef, useState } from 'react';
import { draftKey } from './session';

/**
 * Form state mirrored to sessionStorage on every keystroke, so text survives a session that
 * expires mid-edit (the sign-in page replaces the screen, then the form comes back as it was).
 */
export function useDraft<T extends object>(
  name: string,
  initial: () => T,
): [T, (patch: Partial<T>) => void, (next?: T) => void] {
  const key = draftKey(name);
  const initialRef = useRef(initial);
  initialRef.current = initial;
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = sessionStorage.getItem(key);
      if (raw) return { ...initial(), ...(JSON.parse(raw) as Partial<T>) };
    } catch {
      /* a corrupt draft is simply ignored */
    }
    return initial();
  });
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (dirty) sessionStorage.setItem(key, JSON.stringify(value));
  }, [key, value, dirty]);

  const update = useCallback((patch: Partial<T>) => {
    setDirty(true);
    setValue((v) => ({ ...v, ...patch }));
  }, []);

  /** After a successful save: forget the draft and start again from `next` (or the initial values). */
  const reset = useCallback(
    (next?: T) => {
      sessionStorage.removeItem(key);
      setDirty(false);
      setValue(next ?? initialRef.current());
    },
    [key],
  );

  return [value, update, reset];
}
