'use client';

import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { rasterizeStrokes, toMnistInput, type Point } from '@/lib/ml/digit-preprocess';
import styles from './DigitsTrainer.module.css';

/** The pad's drawing space, in its own units (the canvas is scaled to fit the page). */
export const PAD_SIDE = 280;
/** Pen width in pad units: about an eighth of a digit drawn across most of the pad, MNIST's stroke-to-height ratio. */
export const PAD_BRUSH = 22;

export type PadInput = { pixels: Float32Array } | { pixels: null; reason: 'empty' | 'tooSmall' };

/** Strokes → the model's 28×28 input, prepared as MNIST was (lib/ml/digit-preprocess). */
export function padToInput(strokes: readonly (readonly Point[])[]): PadInput {
  if (strokes.length === 0) return { pixels: null, reason: 'empty' };
  const ink = rasterizeStrokes(strokes, { width: PAD_SIDE, height: PAD_SIDE, brush: PAD_BRUSH });
  const r = toMnistInput(ink, PAD_SIDE, PAD_SIDE);
  return r.pixels ? { pixels: r.pixels } : { pixels: null, reason: r.reason };
}

/**
 * A square pad to write a digit on with a mouse, a finger or a pen (pointer events, so all three). Each change of the
 * drawing (at most once per animation frame while drawing, and at every pen-up) is prepared as an MNIST input and
 * passed to `onInput`. The Clear button is a real button, reachable with the keyboard.
 */
export function DrawPad({ label, help, clearLabel, onInput }: { label: string; help: string; clearLabel: string; onInput: (input: PadInput) => void }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Point[][]>([]);
  const drawing = useRef(false);
  const pending = useRef(0);
  const [hasInk, setHasInk] = useState(false);

  const paint = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    ctx.clearRect(0, 0, PAD_SIDE, PAD_SIDE);
    ctx.strokeStyle = getComputedStyle(canvas).color || '#000';
    ctx.fillStyle = ctx.strokeStyle;
    ctx.lineWidth = PAD_BRUSH;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const s of strokes.current) {
      if (s.length === 1) {
        ctx.beginPath();
        ctx.arc(s[0]!.x, s[0]!.y, PAD_BRUSH / 2, 0, 2 * Math.PI);
        ctx.fill();
        continue;
      }
      ctx.beginPath();
      s.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
      ctx.stroke();
    }
  }, []);

  const emit = useCallback(() => {
    cancelAnimationFrame(pending.current);
    pending.current = 0;
    onInput(padToInput(strokes.current));
  }, [onInput]);

  useEffect(() => {
    paint();
    return () => cancelAnimationFrame(pending.current);
  }, [paint]);

  const point = (e: ReactPointerEvent<HTMLCanvasElement>): Point => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * PAD_SIDE, y: ((e.clientY - r.top) / r.height) * PAD_SIDE };
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    e.preventDefault();
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drawing.current = true;
    strokes.current.push([point(e)]);
    setHasInk(true);
    paint();
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    e.preventDefault();
    const events = typeof e.nativeEvent.getCoalescedEvents === 'function' ? e.nativeEvent.getCoalescedEvents() : [];
    const stroke = strokes.current[strokes.current.length - 1]!;
    if (events.length > 1) {
      const r = e.currentTarget.getBoundingClientRect();
      for (const c of events) stroke.push({ x: ((c.clientX - r.left) / r.width) * PAD_SIDE, y: ((c.clientY - r.top) / r.height) * PAD_SIDE });
    } else stroke.push(point(e));
    paint();
    if (!pending.current) pending.current = requestAnimationFrame(() => emit());
  };
  const onPointerUp = () => {
    if (!drawing.current) return;
    drawing.current = false;
    emit();
  };
  const clear = () => {
    strokes.current = [];
    drawing.current = false;
    setHasInk(false);
    paint();
    emit();
  };

  return (
    <div className={styles.pad}>
      <canvas
        ref={canvasRef}
        width={PAD_SIDE}
        height={PAD_SIDE}
        className={styles.padCanvas}
        role="img"
        aria-label={label}
        data-pad=""
        data-ink={hasInk ? '1' : '0'}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onLostPointerCapture={onPointerUp}
      />
      <p className={styles.padHelp}>{help}</p>
      <button type="button" className="button" onClick={clear} disabled={!hasInk} data-action="clear-pad">
        {clearLabel}
      </button>
    </div>
  );
}

/** A 28×28 image (784 values in [0, 1] or bytes 0–255) drawn as ink on paper, scaled up with crisp pixels. */
export function DigitImage({ pixels, label, size = 84, scale = 1 }: { pixels: ArrayLike<number>; label: string; size?: number; scale?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(28, 28);
    for (let i = 0; i < 784; i++) {
      const v = Math.max(0, Math.min(1, (pixels[i] ?? 0) / scale));
      const shade = Math.round(255 * (1 - v));
      img.data[4 * i] = shade;
      img.data[4 * i + 1] = shade;
      img.data[4 * i + 2] = shade;
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels, scale]);
  return <canvas ref={ref} width={28} height={28} className={styles.digit} style={{ width: size, height: size }} role="img" aria-label={label} />;
}
