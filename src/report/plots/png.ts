import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

/**
 * resvg's WebAssembly build and DejaVu Sans: from `assets/` next to the bundle in dist/ (copied
 * there by the build), or from node_modules in a development checkout. WebAssembly needs no native
 * binary for the platform, and with no system fonts loaded the PNG is byte-identical everywhere.
 */
function asset(name: string, fromPackage: string): Buffer {
  const bundled = join(dirname(fileURLToPath(import.meta.url)), 'assets', name);
  return readFileSync(existsSync(bundled) ? bundled : createRequire(import.meta.url).resolve(fromPackage));
}

let ready: Promise<Uint8Array> | undefined;

function init(): Promise<Uint8Array> {
  ready ??= initWasm(asset('resvg.wasm', '@resvg/resvg-wasm/index_bg.wasm')).then(() =>
    asset('DejaVuSans.ttf', 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  );
  return ready;
}

/** Renders an SVG to PNG at twice its size, for sharp images on high-density screens. */
export async function svgToPng(svg: string): Promise<Buffer> {
  const font = await init();
  const resvg = new Resvg(svg, {
    font: { fontBuffers: [font], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'zoom', value: 2 },
  });
  return Buffer.from(resvg.render().asPng());
}
