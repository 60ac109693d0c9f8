// Self-hosted fonts from npm (Fontsource): served by the book itself, split by unicode-range so a page downloads only
// the glyph subsets it uses. No font CDN.
import '@fontsource-variable/inter/wght.css';
import '@fontsource-variable/source-serif-4/wght.css';
import '@fontsource-variable/noto-sans-sc/wght.css';
import '@fontsource-variable/jetbrains-mono/wght.css';
