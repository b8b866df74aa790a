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
        globPatterns: ["**/*.{js,css,html,png,svg,webmanifest}"],
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
