/** Storage key of the chosen theme, "light" or "dark"; absent means follow the system. */
export const themeKey = 'slipway:theme';

/** Applies a theme to the page and updates every toggle's pressed state. */
function applyTheme(theme: 'light' | 'dark'): void {
  document.documentElement.dataset.theme = theme;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.setAttribute('aria-pressed', String(theme === 'dark'));
  }
}

/** Wires the theme toggle buttons: a press flips the theme and stores the choice. */
export function setUpThemeToggle(): void {
  applyTheme(document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.addEventListener('click', () => {
      const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
      applyTheme(next);
      try {
        localStorage.setItem(themeKey, next);
      } catch {
        // Storage can be disabled; the theme then lasts for this page only.
      }
    });
  }
}
