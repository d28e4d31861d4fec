// Offers a file made by the core (an export) as a download: a Blob link clicked once, then released. Binary files
// (XLSX, PDF) arrive as base64.

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadFile(file: { fileName: string; mimeType: string; content: string; encoding?: 'base64' }): void {
  if (file.encoding === 'base64') downloadBase64({ ...file, base64: file.content });
  else download(new Blob([file.content], { type: file.mimeType }), file.fileName);
}

/** A binary file sent as base64 (an XLSX export). */
export function downloadBase64(file: { fileName: string; mimeType: string; base64: string }): void {
  const text = atob(file.base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  download(new Blob([bytes], { type: file.mimeType }), file.fileName);
}
