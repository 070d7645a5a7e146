// Hands a file streamed from .NET (DotNetStreamReference) to the browser as a download.
// A module, loaded on demand by ExportMenu: the CSP allows scripts from 'self' only, never inline.
export async function downloadFromStream(fileName, streamRef) {
  const buffer = await streamRef.arrayBuffer();
  const url = URL.createObjectURL(new Blob([buffer]));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName ?? '';
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Revoke after the click has been handled, so the download is not cancelled in any browser.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
