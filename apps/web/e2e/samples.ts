/** Files the browser flows upload, made here so that every flow uses the same bytes. */

/** A 96×64 PNG (red and yellow squares), uploaded as a cover picture. */
export const COVER_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAGAAAABACAIAAABqVuVZAAAAhUlEQVR42u3aMQ0AMAgEQITgpMIrqiJaDYzQS37+hBs/xM4s5Z5VSvf+AAQIECBAgAABAgQIECBAgAABGgb028HVfkCAAAECBAgQIECAAAECBAgQoGlABjOLIiBAgAABAgQIECBAgAABAgTIf5DBzKIICBAgQIAAAQIECBAgQIAAARoL9ADxRPIdcZDQEAAAAABJRU5ErkJggg==",
  "base64",
);
/** A 64×48 PNG (blue and white squares), a picture in an article's body. */
export const BODY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAAVElEQVR42u3XwQkAIAwDwC7gXM7ppDpDCoLghb5D75kac0W3w9zuLwAAAAAAAAAAAACANuC1h9J+AAAAAAAAAAAAAIA+wCIDAAAAAAAAAAAA+BZwAGBsrVpA0j6WAAAAAElFTkSuQmCC",
  "base64",
);

/** A one-page PDF showing `text` (ASCII, no parentheses): what an editor attaches (the server reads it to check for classification marks). */
export function onePagePdf(text: string): Buffer {
  const content = `BT /F1 12 Tf 72 770 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
