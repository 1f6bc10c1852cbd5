// Copies text for the owner (an ES module the settings pages import); false when the browser refuses: there is no
// clipboard over plain http except on localhost, and a browser may deny the permission.
export async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
