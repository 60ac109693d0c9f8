/** Sets the theme before first paint: the reader's saved choice, else the system's. */
export function ThemeScript() {
  const code =
    "try{var t=localStorage.getItem('theme');var d=t?t==='dark':matchMedia('(prefers-color-scheme: dark)').matches;" +
    "document.documentElement.dataset.theme=d?'dark':'light'}catch(e){}";
  return <script dangerouslySetInnerHTML={{ __html: code }} />;
}
