// The views menu's panel: the support views, the views saved on this device, and saving the
// current one. Loaded when the menu first opens (or the pointer or focus reaches its button).
import './views-menu-panel.css';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { announce } from '@/lib/announcer';
import { useT } from '@/lib/i18n';
import { deleteView, SUPPORT_VIEWS, saveView, useSavedViews } from '../state/saved-views';

export function ViewsMenuPanel({ close }: { close: () => void }) {
  const t = useT();
  const views = useSavedViews();
  const location = useLocation();
  const [name, setName] = useState('');
  const current = new URLSearchParams(location.search);
  current.delete('page');
  const currentSearch = current.toString();
  return (
    <div className="menu-panel views-menu">
      <nav aria-label={t('Support views')}>
        <h2 className="views-menu__heading">{t('For support')}</h2>
        <ul className="views-menu__list">
          {SUPPORT_VIEWS.map((view) => (
            <li key={view.name}>
              <Link
                to={`/volumes?${view.search}`}
                onClick={close}
                aria-current={view.search === currentSearch ? 'page' : undefined}
              >
                {t(view.name)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label={t('Saved views')}>
        <h2 className="views-menu__heading">{t('Saved on this device')}</h2>
        {views.length === 0 ? (
          <p className="muted">{t('None yet. Name the current view below to come back to it.')}</p>
        ) : (
          <ul className="views-menu__list">
            {views.map((view) => (
              <li key={view.name} className="views-menu__saved">
                <Link
                  to={`/volumes${view.search ? `?${view.search}` : ''}`}
                  onClick={close}
                  aria-current={view.search === currentSearch ? 'page' : undefined}
                >
                  {view.name}
                </Link>
                <button
                  type="button"
                  className="btn btn--ghost btn--sm"
                  onClick={() => {
                    deleteView(view.name);
                    announce(t('Deleted the view {name}', { name: view.name }));
                  }}
                >
                  <span aria-hidden="true">✕</span>
                  <span className="visually-hidden">
                    {t('Delete the view {name}', { name: view.name })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </nav>
      <form
        className="views-menu__save"
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim()) return;
          saveView(name, location.search);
          announce(t('Saved this view as {name}', { name: name.trim() }));
          setName('');
        }}
      >
        <label className="field__label" htmlFor="save-view-name">
          {t('Save this view as')}
        </label>
        <div className="views-menu__row">
          <input
            id="save-view-name"
            className="input input--sm"
            value={name}
            maxLength={80}
            placeholder={t('e.g. Erred in Cobalt')}
            onChange={(event) => setName(event.target.value)}
          />
          <button
            type="submit"
            className="btn btn--secondary btn--sm"
            aria-disabled={!name.trim() || undefined}
          >
            {t('Save')}
          </button>
        </div>
      </form>
    </div>
  );
}
