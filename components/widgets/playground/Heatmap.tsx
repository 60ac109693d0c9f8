'use client';

import { useEffect, useRef } from 'react';
import { DATA_EXTENT } from '@/lib/ml/datasets';

// Okabe–Ito: class 1 blue, class 0 orange.
const C1 = [0, 114, 178];
const C0 = [230, 159, 0];

/**
 * The decision boundary: each cell of a resolution² grid coloured by the model's probability of class 1, with the
 * training points filled and the test points ringed.
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
    canvas.width = size * dpr;
    canvas.height = size * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const bg = dark ? [32, 35, 40] : [255, 255, 255];
    ctx.fillStyle = `rgb(${bg.join(',')})`;
    ctx.fillRect(0, 0, size, size);
    if (boundary && resolution) {
      const cell = size / resolution;
      for (let r = 0; r < resolution; r++) {
        for (let c = 0; c < resolution; c++) {
          const p = boundary[r * resolution + c] ?? 0.5;
          const target = p >= 0.5 ? C1 : C0;
          const strength = Math.min(1, Math.abs(p - 0.5) * 2) * 0.55;
          const rgb = bg.map((b, i) => Math.round(b + (target[i]! - b) * strength));
          ctx.fillStyle = `rgb(${rgb.join(',')})`;
          ctx.fillRect(c * cell, r * cell, cell + 0.5, cell + 0.5);
        }
      }
    }
    const toPx = (v: number) => ((v + DATA_EXTENT) / (2 * DATA_EXTENT)) * size;
    const draw = (xs: Float32Array, labels: Float32Array, test: boolean) => {
      for (let i = 0; i < labels.length; i++) {
        const x = toPx(xs[2 * i]!);
        const y = size - toPx(xs[2 * i + 1]!);
        ctx.beginPath();
        ctx.arc(x, y, 3.2, 0, 2 * Math.PI);
        const col = `rgb(${(labels[i]! > 0.5 ? C1 : C0).join(',')})`;
        if (test) {
          ctx.lineWidth = 1.6;
          ctx.strokeStyle = col;
          ctx.fillStyle = dark ? '#15171a' : '#ffffff';
          ctx.fill();
          ctx.stroke();
        } else {
          ctx.fillStyle = col;
          ctx.lineWidth = 1;
          ctx.strokeStyle = dark ? '#15171a' : '#ffffff';
          ctx.fill();
          ctx.stroke();
        }
      }
    };
    if (points) {
      draw(points.train, points.trainLabels, false);
      draw(points.test, points.testLabels, true);
    }
  }, [boundary, resolution, points, size, dark]);
  return <canvas ref={ref} className="heatmap" style={{ width: size, height: size }} role="img" aria-label={label} />;
}
