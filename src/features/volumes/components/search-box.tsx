import { useEffect, useRef, useState } from 'react';
import { T, useT } from '@/lib/i18n';
import { isUuidLike } from '@/lib/uuid';

const PAUSE_MS = 350;

/**
 * One box for name, UUID or Cinder ID. Commits to the URL after a pause in typing (one request per
 * pause, not per key), and only the first commit of a burst adds a history entry. `/` focuses it.
 */
export function SearchBox({
  value,
  onCommit,
  id = 'volume-search',
  label,
  placeholder,
  lookupHint,
}: {
  value: string;
  /** May return a promise (a search waiting for its answer): the box shows it is looking. */
  onCommit: (value: string, options: { replace: boolean }) => void | Promise<void>;
  id?: string;
  label?: string;
  placeholder?: string;
  /** Said when the text is a UUID (the volume list looks it up exactly); none: nothing said. */
  lookupHint?: string | null;
}) {
  const t = useT();
  const hint =
    lookupHint === undefined
      ? t('Looking this ID up as a volume UUID and as a Cinder ID')
      : lookupHint;
  const [text, setText] = useState(value);
  // Commits not yet taken by the page (the newest one's number while it waits; 0 when none).
  const [looking, setLooking] = useState(0);
  const commits = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const burst = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // The URL changed from elsewhere (back/forward, a chip removed): show it.
  useEffect(() => {
    if (timer.current === null) setText(value);
  }, [value]);

  useEffect(() => {
    const handleKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    document.addEventListener('keydown', handleKey);
    return () => document.removeEventListener('keydown', handleKey);
  }, []);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const commit = (next: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (next.trim() === value.trim()) return;
    const done = onCommit(next, { replace: burst.current });
    burst.current = true;
    if (done) {
      const ticket = ++commits.current;
      setLooking(ticket);
      void done.then(() => setLooking((current) => (current === ticket ? 0 : current)));
    }
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for some browsers and DOM test environments
    <div role="search" className={`search-box ${looking ? 'search-box--looking' : ''}`}>
      <label htmlFor={id} className="visually-hidden">
        {label ?? t('Search volumes by name, UUID or backend ID')}
      </label>
      <span className="search-box__icon" aria-hidden="true">
        ⌕
      </span>
      <input
        ref={inputRef}
        id={id}
        type="search"
        className="input search-box__input"
        placeholder={placeholder ?? t('Search by name, UUID or backend ID')}
        aria-describedby={`${id}-hint`}
        value={text}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(next), PAUSE_MS);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(text);
          if (event.key === 'Escape' && text) {
            event.preventDefault();
            setText('');
            commit('');
          }
        }}
        onBlur={() => {
          if (timer.current) commit(text);
          burst.current = false;
        }}
      />
      <span id={`${id}-hint`} className="search-box__hint">
        {hint && isUuidLike(text) ? (
          hint
        ) : (
          <T
            m="<kbd>{key}</kbd><hidden> focuses this box from anywhere on the page</hidden>"
            v={{ key: '/' }}
            tags={{
              kbd: (c) => <kbd>{c}</kbd>,
              hidden: (c) => <span className="visually-hidden">{c}</span>,
            }}
          />
        )}
      </span>
    </div>
  );
}
