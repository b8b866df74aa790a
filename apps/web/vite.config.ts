import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import react from "@vitejs/plugin-react";
import { type Plugin, defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

// The dev server forwards /api to the API (npm run dev -w @party/api); API_URL overrides the port.
const apiTarget = process.env.API_URL ?? "http://localhost:3000";

/** index.html links the manifest itself; vite-plugin-pwa adds the same link again, so keep the first. */
const oneManifestLink: Plugin = {
  name: "one-manifest-link",
  enforce: "post",
  transformIndexHtml: {
    order: "post",
    handler: (html) => {
      let seen = false;
      return html.replace(/\s*<link rel="manifest"[^>]*>/g, (link) => (seen ? "" : ((seen = true), link)));
    },
  },
};

/**
 * pdf.js's standard fonts, character maps and JavaScript JPEG 2000 decoder, served from the app's own
 * origin under /pdfjs/ (the CSP allows nothing else): copied into the build, and served by the dev
 * server. The viewer asks for them only when a PDF needs them; they are not precached.
 */
const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const PDFJS_ASSETS: Record<string, (name: string) => boolean> = {
  standard_fonts: () => true,
  cmaps: () => true,
  wasm: (name) => name === "openjpeg_nowasm_fallback.js" || name.startsWith("LICENSE"),
};
const pdfjsAssets: Plugin = {
  name: "pdfjs-assets",
  generateBundle() {
    for (const [dir, wanted] of Object.entries(PDFJS_ASSETS)) {
      for (const name of readdirSync(path.join(pdfjsDir, dir)).filter(wanted)) {
        this.emitFile({ type: "asset", fileName: `pdfjs/${dir}/${name}`, source: readFileSync(path.join(pdfjsDir, dir, name)) });
      }
    }
  },
  configureServer(server) {
    server.middlewares.use("/pdfjs", (req, res, next) => {
      const [dir, name] = (req.url ?? "").split("?")[0].replace(/^\//, "").split("/");
      if (!dir || !name || !(dir in PDFJS_ASSETS) || !PDFJS_ASSETS[dir](name) || name.includes("..")) return next();
      res.setHeader("content-type", name.endsWith(".js") ? "text/javascript" : "application/octet-stream");
      res.end(readFileSync(path.join(pdfjsDir, dir, name)));
    });
  },
};

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // Registered from src/app/serviceWorker.ts: no inline script (the CSP forbids it).
      injectRegister: false,
      registerType: "prompt",
      includeAssets: ["icons/apple-touch-icon-180.png"],
      manifest: {
        name: "Sổ tay đảng viên",
        short_name: "Sổ tay ĐV",
        description: "Sổ tay đảng viên điện tử: tin tức, tài liệu, sinh hoạt chi bộ, hồ sơ cá nhân.",
        lang: "vi",
        dir: "ltr",
        start_url: "/",
        scope: "/",
        display: "standalone",
        orientation: "portrait",
        theme_color: "#b71c1c",
        background_color: "#ffffff",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
          { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        // Only the public app shell is precached. Nothing under /api/ ever goes through the service
        // worker's caches: no runtimeCaching entry, and navigations to /api/ are not answered with the shell.
        // mjs: pdf.js's worker, so saved PDFs open without network; pdf.js's own fonts and decoders are fetched when needed.
        globPatterns: ["**/*.{js,mjs,css,html,png,svg,webmanifest}"],
        globIgnores: ["pdfjs/**"],
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // Push notifications (push and notificationclick handlers): public/push-sw.js.
        importScripts: ["/push-sw.js"],
        clientsClaim: false,
        skipWaiting: false,
      },
      devOptions: { enabled: false },
    }),
    oneManifestLink,
    pdfjsAssets,
  ],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, target: "es2022" },
  server: {
    port: 5173,
    // changeOrigin stays false: the API's CSRF check compares Origin with Host.
    proxy: { "/api": { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { "/api": { target: apiTarget, changeOrigin: false } },
  },
});
