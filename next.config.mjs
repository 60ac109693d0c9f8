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
  // lib/content/glossary-usage.ts): on a 2-core CI machine that page takes over Next's default 60 s and is retried.
  staticPageGenerationTimeout: 300,
  experimental: { globalNotFound: true },
};

export default nextConfig;
