// npm start: installs what is missing, builds dist/ and serves it, printing the URL.
import { build, distDir } from './build.mjs';
import { serve } from './serve.mjs';

await build();
const port = Number(process.env.PORT ?? 8080);
const { url } = await serve({ dir: distDir, port, host: process.env.HOST ?? '127.0.0.1' });
console.log(`\nActivation Lab is running at ${url}\nEmbedding examples: ${url}embed-example.html\nPress Ctrl+C to stop.`);
