// Static export of the book. BASE_PATH (e.g. "/course/book") hosts it under a sub-path; every link, asset, font and
// data file goes through Next's basePath or through lib/base-path.ts, which reads the same variable.
const basePath = (process.env.BASE_PATH ?? '').replace(/\/+$/, '');
if (basePath && !basePath.startsWith('/')) {
  throw new Error(`BASE_PATH must start with "/" (got "${basePath}")`);
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  trailingSlash: true,
  basePath: basePath || undefined,
  images: { unoptimized: true },
  env: { NEXT_PUBLIC_BASE_PATH: basePath },
  reactStrictMode: true,
  // `npm test` runs `tsc --noEmit` before the build; checking types twice would only slow CI down.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // The first chapter a build worker renders also compiles every chapter once (the glossary's "used in" lists,
  // lib/content/glossary-usage.ts): about 12 s on this machine since 2026-12-07 (it was over Next's default 60 s when
  // each English chapter took 5-10 s); the margin stays for slower CI machines.
  staticPageGenerationTimeout: 300,
  experimental: { globalNotFound: true },
};

export default nextConfig;
