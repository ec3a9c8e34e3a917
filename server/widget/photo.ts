/** What the server takes for a proof photo, decoded. */
const LIMIT_BYTES = 1_000_000;
const LONGEST_SIDE = 1600;

/**
 * A chosen photo as a JPEG data URL under 1 MB: drawn no larger than 1600 px on its longest side, at lower
 * quality until it fits, so a phone's 12 MB picture goes up in one small request. Null if it cannot be read.
 */
export async function photoDataUrl(file: File): Promise<string | null> {
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = Math.min(1, LONGEST_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    canvas.getContext("2d")!.drawImage(image, 0, 0, canvas.width, canvas.height);
    for (let quality = 0.85; quality > 0.3; quality -= 0.15) {
      const data = canvas.toDataURL("image/jpeg", quality);
      if ((data.length - data.indexOf(",") - 1) * 0.75 < LIMIT_BYTES) return data;
    }
    return null;
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}
