// Barcode patterns as rectangles, relative to the symbol's top-left corner. Module sizes are
// whole device units so edges land on pixel boundaries and no bar is smeared by anti-aliasing.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function linearBarRects(runs: number[], moduleWidth: number, height: number): Rect[] {
  const rects: Rect[] = [];
  let x = 0;
  runs.forEach((run, index) => {
    // Even runs are bars, odd runs the spaces between them.
    if (index % 2 === 0) rects.push({ x, y: 0, width: run * moduleWidth, height });
    x += run * moduleWidth;
  });
  return rects;
}

/** Dark modules merged into one rectangle per horizontal run, so rows draw without seams. */
export function matrixRects(
  cells: Uint8Array,
  columns: number,
  rows: number,
  moduleWidth: number,
  moduleHeight: number,
): Rect[] {
  const rects: Rect[] = [];
  for (let row = 0; row < rows; row++) {
    let column = 0;
    while (column < columns) {
      if (!cells[row * columns + column]) {
        column++;
        continue;
      }
      const start = column;
      while (column < columns && cells[row * columns + column]) column++;
      rects.push({ x: start * moduleWidth, y: row * moduleHeight, width: (column - start) * moduleWidth, height: moduleHeight });
    }
  }
  return rects;
}
