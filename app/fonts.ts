// Self-hosted fonts from npm (Fontsource): served by the book itself, split by unicode-range so a page downloads only
// the glyph subsets it uses, with font-display: optional (scripts/prepare-assets.mjs writes the CSS). No font CDN.
import './fonts.generated.css';
