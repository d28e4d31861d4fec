// Offers a file made by the core (an export) as a download: a Blob link clicked once, then released. Binary files
// (XLSX, PDF) arrive as base64.
export function downloadFile(file: { fileName: string; mimeType: string; content: string; encoding?: 'base64' }): void {
  const body = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content;
  const url = URL.createObjectURL(new Blob([body], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
