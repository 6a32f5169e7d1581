// H3 indexes are 64-bit: 4 bits of resolution at bit 52, then one 3-bit digit per resolution,
// unused digits set to 7. The parent at a coarser resolution keeps the first digits and fills
// the rest with 7: no library needed for this one operation.

const resolutionShift = 52n;

/** The H3 cell containing `cell` at `resolution` (coarser or equal); the cell itself if not coarser. */
export function toParentCell(cell: string, resolution: number): string {
  let n = BigInt(`0x${cell}`);
  const own = Number((n >> resolutionShift) & 15n);
  if (resolution >= own || resolution < 0) return cell;
  for (let digit = resolution + 1; digit <= 15; digit++) n |= 7n << BigInt((15 - digit) * 3);
  n = (n & ~(15n << resolutionShift)) | (BigInt(resolution) << resolutionShift);
  return n.toString(16);
}
