'use client';

import { useEffect, useRef } from 'react';
import { DATA_EXTENT } from '@/lib/ml/datasets';

// Okabe–Ito: class 1 blue, class 0 orange.
const C1 = [0, 114, 178];
const C0 = [230, 159, 0];

/**
 * The decision boundary: the model's probability of class 1 on a resolution² grid, coloured and scaled up with
 * bilinear smoothing (a continuous field, not visible cells), with the training points filled and the test points
 * ringed. The grid's cells are cell centres, so the image is drawn half a cell inside each edge's colour.
 */
export function Heatmap({
  boundary,
  resolution,
  points,
  size,
  dark,
  label,
}: {
  boundary: Float32Array | null;
  resolution: number;
  points: { train: Float32Array; trainLabels: Float32Array; test: Float32Array; testLabels: Float32Array } | null;
  size: number;
  dark: boolean;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    canvas.width = Math.round(size * dpr);
    canvas.height = Math.round(size * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const bg = dark ? [32, 35, 40] : [255, 255, 255];
    ctx.fillStyle = `rgb(${bg.join(',')})`;
    ctx.fillRect(0, 0, size, size);
    if (boundary && resolution && boundary.length === resolution * resolution) {
      const field = document.createElement('canvas');
      field.width = resolution;
      field.height = resolution;
      const fctx = field.getContext('2d');
      if (fctx) {
        const img = fctx.createImageData(resolution, resolution);
        for (let i = 0; i < resolution * resolution; i++) {
          const p = boundary[i] ?? 0.5;
          const target = p >= 0.5 ? C1 : C0;
          const strength = Math.min(1, Math.abs(p - 0.5) * 2) * 0.6;
          for (let c = 0; c < 3; c++) img.data[4 * i + c] = Math.round(bg[c]! + (target[c]! - bg[c]!) * strength);
          img.data[4 * i + 3] = 255;
        }
        fctx.putImageData(img, 0, 0);
        ctx.imageSmoothingEnabled = true;
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(field, 0, 0, size, size);
      }
    }
    const toPx = (v: number) => ((v + DATA_EXTENT) / (2 * DATA_EXTENT)) * size;
    const r = Math.max(2.2, size / 95);
    const draw = (xs: Float32Array, labels: Float32Array, test: boolean) => {
      for (let i = 0; i < labels.length; i++) {
        const x = toPx(xs[2 * i]!);
        const y = size - toPx(xs[2 * i + 1]!);
        ctx.beginPath();
        ctx.arc(x, y, r, 0, 2 * Math.PI);
        const col = `rgb(${(labels[i]! > 0.5 ? C1 : C0).join(',')})`;
        ctx.lineWidth = test ? 1.6 : 1;
        ctx.strokeStyle = test ? col : dark ? '#15171a' : '#ffffff';
        ctx.fillStyle = test ? (dark ? '#15171a' : '#ffffff') : col;
        ctx.fill();
        ctx.stroke();
      }
    };
    if (points) {
      draw(points.train, points.trainLabels, false);
      draw(points.test, points.testLabels, true);
    }
  }, [boundary, resolution, points, size, dark]);
  return <canvas ref={ref} className="heatmap" style={{ width: size, height: size }} role="img" aria-label={label} />;
}
